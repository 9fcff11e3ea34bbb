using System.Diagnostics;
using System.Globalization;
using Cch.Data;

namespace Cch.Encoders.Internal;

/// <summary>Runs <see cref="RepresentationTransforms"/> over a dataset as read: the student's blur, then the encoders.</summary>
internal static class RepresentationTransformer
{
    /// <summary>Blurs and encodes; the dataset unchanged when <paramref name="transforms"/> is empty.</summary>
    /// <param name="data">The raw dataset.</param>
    /// <param name="transforms">What to apply.</param>
    /// <param name="baseDirectory">Directory that relative model paths resolve against.</param>
    /// <param name="progress">Receives one phase per blur or encoder (rows done); may be <c>null</c>.</param>
    /// <param name="cancellationToken">Checked between blocks of rows and batches.</param>
    public static TransformedDataset Apply(Dataset data, RepresentationTransforms transforms, string baseDirectory, IProgress<InputProgress>? progress, CancellationToken cancellationToken)
    {
        if (transforms.IsEmpty) return new TransformedDataset(data, []);

        var student = data.Student;
        if (transforms.StudentBlur is { } blur)
            student = GaussianBlur.Apply(student, blur, PhaseProgress.For(progress, "blurring student", student.Rows), cancellationToken);
        if (transforms.TeacherEncoders.Count == 0 && transforms.StudentEncoder is null)
            return new TransformedDataset(data with { Student = student }, []);

        var runs = new List<EncoderRun>();
        var teachers = new List<FeatureMatrix>(data.Teachers.Count);
        for (var i = 0; i < data.Teachers.Count; i++)
            teachers.Add(transforms.TeacherEncoder(i) is { } options ? Encode("teacher", data.Teachers[i], options, data.Label, baseDirectory, runs, progress, cancellationToken) : data.Teachers[i]);
        if (transforms.StudentEncoder is { } s) student = Encode("student", student, s, data.Label, baseDirectory, runs, progress, cancellationToken);
        return new TransformedDataset(data with { Teachers = teachers, Student = student }, runs);
    }

    private static FeatureMatrix Encode(
        string role, FeatureMatrix raw, EncoderOptions options, LabelVector label, string baseDirectory, List<EncoderRun> runs, IProgress<InputProgress>? progress, CancellationToken cancellationToken)
    {
        using var encoder = OnnxEncoder.Open(options, baseDirectory);
        var model = Path.GetFileName(encoder.Description.Path);
        var name = $"{raw.Name} → {model}{(options.OutputName is null ? string.Empty : ":" + options.OutputName)}";
        var clock = Stopwatch.StartNew();
        var result = encoder.Encode(raw, name, cancellationToken, PhaseProgress.For(progress, $"encoding {role} ({model})", raw.Rows));
        var seconds = clock.Elapsed.TotalSeconds;
        runs.Add(new EncoderRun(role, name, raw.Name, encoder.Description with { RowShape = encoder.RowShapeFor(raw) }, result.Columns, result.Rows, encoder.BatchSizeFor(raw.Rows), seconds, ArgmaxAccuracy(result, label)));
        return result;
    }

    /// <summary>Share of rows whose largest value sits at the label's integer class, or <c>null</c> when that does not apply.</summary>
    public static double? ArgmaxAccuracy(FeatureMatrix outputs, LabelVector label)
    {
        if (label.Classes is null || outputs.Rows == 0 || label.Count != outputs.Rows) return null;
        var classValue = new int[label.ClassCount];
        for (var c = 0; c < classValue.Length; c++)
        {
            if (!int.TryParse(label.ClassNames![c], NumberStyles.Integer, CultureInfo.InvariantCulture, out classValue[c]) || classValue[c] < 0 || classValue[c] >= outputs.Columns)
                return null;
        }

        if (outputs.Columns < 2 || outputs.Columns != classValue.Max() + 1) return null;
        var correct = 0;
        for (var r = 0; r < outputs.Rows; r++)
        {
            var row = outputs.Row(r);
            var best = 0;
            for (var j = 1; j < row.Length; j++)
                if (row[j] > row[best]) best = j;
            if (best == classValue[label.Classes[r]]) correct++;
        }

        return (double)correct / outputs.Rows;
    }
}

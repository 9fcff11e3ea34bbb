using System.Diagnostics;
using System.Globalization;
using Cch.Data;

namespace Cch.Encoders.Internal;

/// <summary>Runs the teacher and student encoders of a <see cref="DataRequest"/> over the raw matrices the loader read.</summary>
internal static class RepresentationEncoding
{
    /// <summary>
    /// The encoder for teacher <paramref name="index"/>: none, one for every teacher, or one per teacher.
    /// </summary>
    public static EncoderOptions? TeacherEncoder(DataRequest request, int index) => request.TeacherEncoders.Count switch
    {
        0 => null,
        1 => request.TeacherEncoders[0],
        _ => request.TeacherEncoders[index],
    };

    /// <summary>Encodes the raw teachers and student; unchanged when the request has no encoders.</summary>
    public static (IReadOnlyList<FeatureMatrix> Teachers, FeatureMatrix Student, IReadOnlyList<EncoderRun> Runs) Apply(
        DataRequest request, IReadOnlyList<FeatureMatrix> teachers, FeatureMatrix student, LabelVector label, CancellationToken cancellationToken)
    {
        if (request.TeacherEncoders.Count == 0 && request.StudentEncoder is null) return (teachers, student, []);

        var runs = new List<EncoderRun>();
        var encoded = new List<FeatureMatrix>(teachers.Count);
        for (var i = 0; i < teachers.Count; i++)
            encoded.Add(TeacherEncoder(request, i) is { } options ? Encode("teacher", teachers[i], options, request, label, runs, cancellationToken) : teachers[i]);
        var encodedStudent = request.StudentEncoder is { } s ? Encode("student", student, s, request, label, runs, cancellationToken) : student;
        return (encoded, encodedStudent, runs);
    }

    private static FeatureMatrix Encode(string role, FeatureMatrix raw, EncoderOptions options, DataRequest request, LabelVector label, List<EncoderRun> runs, CancellationToken cancellationToken)
    {
        using var encoder = OnnxEncoder.Open(options, request.BaseDirectory);
        var name = $"{raw.Name} → {Path.GetFileName(encoder.Description.Path)}{(options.OutputName is null ? string.Empty : ":" + options.OutputName)}";
        var clock = Stopwatch.StartNew();
        var result = encoder.Encode(raw, name, cancellationToken);
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

using Cch.Data;
using Cch.Data.Parquet;
using MathNet.Numerics.Distributions;
using Parquet;
using Parquet.Schema;

namespace Cch.Examples;

/// <summary>
/// The small seeded dataset the <c>dotnet new</c> templates ship when no <c>--data</c> is given, so a new
/// project builds, passes its CCH gate and trains out of the box: <see cref="GaussianExample"/>'s student and
/// its <c>aligned</c> teacher, with the label as three classes (classification) or as the real target
/// (regression), written as Parquet with the columns <c>teacher</c>, <c>student</c> and <c>label</c>.
/// </summary>
/// <remarks>
/// The dependence is known: the student H_s ~ N(0, I₄), the teacher H_t = (H_s,0, H_s,1) + 0.3·ξ (2-d) and
/// Y = H_s,0 + H_s,1 + ε, so I(H_t;H_s) = ln(1.09/0.09) ≈ 2.494 nats and, for the real target,
/// I(H_s;Y) = ½ ln 3 ≈ 0.549 nats. The class label cuts Y at its exact terciles (Y ~ N(0, 3)), so the classes
/// are equally likely and I(H_s;class) ≤ ln 3 ≈ 1.099 nats: the criterion passes either way (Δ ≈ +1.9 or more).
/// </remarks>
public static class StarterData
{
    /// <summary>Rows in the shipped file: enough for a confident verdict, small enough to keep the package small.</summary>
    public const int DefaultRows = 500;

    /// <summary>The seed the shipped files are generated with.</summary>
    public const int DefaultSeed = 0;

    /// <summary>Column names, which are also the templates' default <c>--teacher</c>, <c>--student</c> and <c>--label</c>.</summary>
    public const string TeacherColumn = "teacher", StudentColumn = "student", LabelColumn = "label";

    /// <summary>The shipped file's name for a label kind: <c>example-classification.parquet</c> or <c>example-regression.parquet</c>
    /// (a template copies the one its <c>--task</c> needs into the new project as <c>example.parquet</c>).</summary>
    public static string FileName(LabelKind kind) => $"example-{kind.ToString().ToLowerInvariant()}.parquet";

    /// <summary>Generates the example as a <see cref="Dataset"/> (teacher <c>teacher</c>, 2-d; student 4-d; label).</summary>
    /// <param name="kind">Classification: classes 0, 1, 2 (the terciles of Y). Regression: Y itself.</param>
    /// <param name="rows">N ≥ 8.</param>
    /// <param name="seed">Seed of <see cref="GaussianExample.Create"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> &lt; 8.</exception>
    public static Dataset Create(LabelKind kind, int rows = DefaultRows, int seed = DefaultSeed)
    {
        var example = GaussianExample.Create(rows, seed).Data;
        var teacher = example.Teachers.Single(t => t.Name == "aligned");
        var y = example.Label.Values!;
        LabelVector label;
        if (kind == LabelKind.Classification)
        {
            // Y ~ N(0, 3): its terciles are ±√3·Φ⁻¹(2/3).
            var cut = Math.Sqrt(3) * Normal.InvCDF(0, 1, 2.0 / 3);
            label = LabelVector.ForClasses(LabelColumn, y.Select(v => v < -cut ? 0 : v < cut ? 1 : 2).ToArray(), ["0", "1", "2"]);
        }
        else
        {
            label = LabelVector.ForValues(LabelColumn, y);
        }

        return example with
        {
            Teachers = [new FeatureMatrix(TeacherColumn, teacher.Rows, teacher.Columns, teacher.Values)],
            Student = new FeatureMatrix(StudentColumn, example.Student.Rows, example.Student.Columns, example.Student.Values),
            Label = label,
        };
    }

    /// <summary>
    /// Writes <see cref="Create"/>'s data to <paramref name="stream"/> as Parquet: <c>teacher</c> and <c>student</c>
    /// as <c>list&lt;float&gt;</c> columns, <c>label</c> as int32 classes or float64 values; one row group.
    /// </summary>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="kind">The label's kind (see <see cref="Create"/>).</param>
    /// <param name="rows">N ≥ 8.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteAsync(Stream stream, LabelKind kind, int rows = DefaultRows, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        var data = Create(kind, rows, seed);
        var teacher = new ListField(TeacherColumn, new DataField<float?>("element", true));
        var student = new ListField(StudentColumn, new DataField<float?>("element", true));
        var label = kind == LabelKind.Classification ? (DataField)new DataField<int>(LabelColumn) : new DataField<double>(LabelColumn);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(teacher, student, label), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            ["cch.example"] = $"{nameof(StarterData)}: {GaussianExample.Name} example, aligned teacher, {kind.ToString().ToLowerInvariant()} label, N = {rows}, seed {seed}",
        };
        using var group = writer.CreateRowGroup();
        await RepresentationWriter.WriteListColumnAsync(group, (DataField)teacher.Item, data.Teachers[0], cancellationToken).ConfigureAwait(false);
        await RepresentationWriter.WriteListColumnAsync(group, (DataField)student.Item, data.Student, cancellationToken).ConfigureAwait(false);
        if (kind == LabelKind.Classification)
            await group.WriteAsync<int>(label, data.Label.Classes!, cancellationToken: cancellationToken).ConfigureAwait(false);
        else
            await group.WriteAsync<double>(label, data.Label.Values!, cancellationToken: cancellationToken).ConfigureAwait(false);
        group.CompleteValidate();
    }
}

using System.Text.Json.Serialization;

namespace Cch.Configuration;

/// <summary>
/// The <c>cch.json</c> configuration: everything the command line can say, under the same names in
/// camelCase (schema <c>schemas/cch-config.schema.json</c>). Every property is optional; the
/// command line wins over the file, and the file over the defaults. Relative paths in a file are
/// resolved against the file's directory.
/// </summary>
public sealed record CchConfig
{
    /// <summary>Optional JSON schema reference for editors; ignored by Cch.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Default Parquet file for column specs without a path (<c>--data</c>).</summary>
    public string? Data { get; init; }

    /// <summary>Teacher column specs <c>[PATH:]COLUMN</c> (<c>--teacher</c>, repeatable).</summary>
    public IReadOnlyList<string>? Teachers { get; init; }

    /// <summary>Student column spec (<c>--student</c>).</summary>
    public string? Student { get; init; }

    /// <summary>Label column spec (<c>--label</c>).</summary>
    public string? Label { get; init; }

    /// <summary>Key column for joining files (<c>--key</c>).</summary>
    public string? Key { get; init; }

    /// <summary><c>strict</c> or <c>inner</c> (<c>--join</c>).</summary>
    public string? Join { get; init; }

    /// <summary>Row filters <c>COLUMN=VALUE</c> (<c>--where</c>, repeatable).</summary>
    public IReadOnlyList<string>? Where { get; init; }

    /// <summary><c>auto</c>, <c>classification</c> or <c>regression</c> (<c>--task</c>).</summary>
    public string? Task { get; init; }

    /// <summary><c>ksg</c>, <c>mixed</c> or <c>gaussian</c> (<c>--estimator</c>).</summary>
    public string? Estimator { get; init; }

    /// <summary>Estimator family for I(H_s;Y) if different (<c>--label-estimator</c>).</summary>
    public string? LabelEstimator { get; init; }

    /// <summary>k nearest neighbours (<c>--k</c>).</summary>
    public int? K { get; init; }

    /// <summary>Seed (<c>--seed</c>).</summary>
    public int? Seed { get; init; }

    /// <summary>Decision margin in nats (<c>--margin</c>).</summary>
    public double? Margin { get; init; }

    /// <summary>Confidence level in (0, 1) (<c>--confidence</c>).</summary>
    public double? Confidence { get; init; }

    /// <summary>Half-sample replicates B (<c>--replicates</c>).</summary>
    public int? Replicates { get; init; }

    /// <summary><c>fail</c> or <c>inconclusive</c> (<c>--fail-on</c>).</summary>
    public string? FailOn { get; init; }

    /// <summary>Report path (<c>--report</c>).</summary>
    public string? Report { get; init; }

    /// <summary><c>text</c>, <c>json</c> or <c>markdown</c> (<c>--format</c>).</summary>
    public string? Format { get; init; }

    /// <summary>
    /// Combines two configs: every value set here wins, the rest comes from <paramref name="fallback"/>.
    /// Lists are replaced, not appended.
    /// </summary>
    public CchConfig Over(CchConfig fallback) => new()
    {
        Schema = Schema ?? fallback.Schema,
        Data = Data ?? fallback.Data,
        Teachers = Teachers is { Count: > 0 } ? Teachers : fallback.Teachers,
        Student = Student ?? fallback.Student,
        Label = Label ?? fallback.Label,
        Key = Key ?? fallback.Key,
        Join = Join ?? fallback.Join,
        Where = Where is { Count: > 0 } ? Where : fallback.Where,
        Task = Task ?? fallback.Task,
        Estimator = Estimator ?? fallback.Estimator,
        LabelEstimator = LabelEstimator ?? fallback.LabelEstimator,
        K = K ?? fallback.K,
        Seed = Seed ?? fallback.Seed,
        Margin = Margin ?? fallback.Margin,
        Confidence = Confidence ?? fallback.Confidence,
        Replicates = Replicates ?? fallback.Replicates,
        FailOn = FailOn ?? fallback.FailOn,
        Report = Report ?? fallback.Report,
        Format = Format ?? fallback.Format,
    };

    /// <summary>
    /// Makes every path absolute against <paramref name="baseDirectory"/>: <see cref="Data"/>,
    /// <see cref="Report"/> and the PATH part of each column spec.
    /// </summary>
    public CchConfig WithPathsRelativeTo(string baseDirectory)
    {
        string? Full(string? path) => path is null ? null : Path.GetFullPath(path, baseDirectory);
        string? Spec(string? spec)
        {
            if (spec is null) return null;
            var parsed = Cch.Data.ColumnSpec.Parse(spec);
            return parsed.Path is null ? spec : $"{Path.GetFullPath(parsed.Path, baseDirectory)}:{parsed.Column}";
        }

        return this with
        {
            Data = Full(Data),
            Report = Full(Report),
            Teachers = Teachers?.Select(t => Spec(t)!).ToList(),
            Student = Spec(Student),
            Label = Spec(Label),
        };
    }
}

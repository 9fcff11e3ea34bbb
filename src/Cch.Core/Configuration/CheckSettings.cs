using System.Globalization;
using Cch.Criterion;
using Cch.Data;

namespace Cch.Configuration;

/// <summary>
/// A fully resolved <c>check</c>: validated from a merged <see cref="CchConfig"/> (command line over
/// file over defaults).
/// </summary>
public sealed record CheckSettings
{
    /// <summary>What to read; <c>null</c> when running a generated example.</summary>
    public DataRequest? Data { get; init; }

    /// <summary>The generated example's name (<c>gaussian</c>), or <c>null</c>.</summary>
    public string? Example { get; init; }

    /// <summary>Estimators, seed, margin and interval settings.</summary>
    public required CriterionOptions Criterion { get; init; }

    /// <summary>Which verdicts fail the gate.</summary>
    public FailOn FailOn { get; init; } = FailOn.Fail;

    /// <summary>Absolute report path, or <c>null</c> to write none.</summary>
    public string? ReportPath { get; init; }

    /// <summary>What to print on standard output.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Text;

    /// <summary>The config file the settings came from (recorded in the report), or <c>null</c>.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Validates <paramref name="config"/> (paths already absolute) into settings.</summary>
    /// <param name="config">The merged configuration.</param>
    /// <param name="example">A generated example to run instead of reading data, or <c>null</c>.</param>
    /// <param name="configPath">The config file that contributed, for the report, or <c>null</c>.</param>
    /// <exception cref="CchInputException">A required value is missing or a value is not allowed.</exception>
    public static CheckSettings From(CchConfig config, string? example = null, string? configPath = null)
    {
        var names = new OptionNames(null);
        var settings = Common(config, names) with { ConfigPath = configPath };

        if (example is not null)
        {
            if (!string.Equals(example, Examples.GaussianExample.Name, StringComparison.OrdinalIgnoreCase))
                throw new CchInputException($"--example '{example}': the only built-in example is '{Examples.GaussianExample.Name}'.");
            return settings with { Example = Examples.GaussianExample.Name };
        }

        var teachers = config.Teachers ?? [];
        if (teachers.Count == 0) throw Missing("--teacher", "teachers", "the teacher representation, e.g. --teacher fac216");
        if (config.Student is null) throw Missing("--student", "student", "the student representation, e.g. --student mor6");
        if (config.Label is null) throw Missing("--label", "label", "the label column, e.g. --label label");

        return settings with
        {
            Data = new DataRequest
            {
                DataPath = config.Data,
                BaseDirectory = Environment.CurrentDirectory,
                Teachers = teachers.Select(ColumnSpec.Parse).ToList(),
                Student = ColumnSpec.Parse(config.Student),
                Label = ColumnSpec.Parse(config.Label),
                Key = string.IsNullOrWhiteSpace(config.Key) ? null : config.Key,
                Join = Choice(config.Join, names.For("join", "join"), JoinMode.Strict, ("strict", JoinMode.Strict), ("inner", JoinMode.Inner), ("row-order", JoinMode.RowOrder)),
                Filters = (config.Where ?? []).Select(RowFilter.Parse).ToList(),
                Task = Choice(config.Task, names.For("task", "task"), TaskKind.Auto, ("auto", TaskKind.Auto), ("classification", TaskKind.Classification), ("regression", TaskKind.Regression)),
            },
        };
    }

    /// <summary>
    /// Checks every value set in a config file (choices and ranges), so that an error names the
    /// file and the key rather than a command-line option the user never typed.
    /// </summary>
    /// <exception cref="CchInputException">A value is not allowed; <see cref="CchInputException.File"/> is <paramref name="path"/>.</exception>
    public static void ValidateFile(CchConfig config, string path)
    {
        var names = new OptionNames(path);
        Common(config, names);
        Choice(config.Join, names.For("join", "join"), JoinMode.Strict, ("strict", JoinMode.Strict), ("inner", JoinMode.Inner), ("row-order", JoinMode.RowOrder));
        Choice(config.Task, names.For("task", "task"), TaskKind.Auto, ("auto", TaskKind.Auto), ("classification", TaskKind.Classification), ("regression", TaskKind.Regression));
        if (config.Teachers is { Count: 0 }) throw names.Error("teachers", "teachers", "the list is empty; name at least one teacher");
    }

    /// <summary>The options shared by files and examples: estimators, ranges, gate, output.</summary>
    private static CheckSettings Common(CchConfig config, OptionNames names)
    {
        var families = new[] { ("ksg", EstimatorFamily.Ksg), ("mixed", EstimatorFamily.Mixed), ("gaussian", EstimatorFamily.Gaussian) };
        var criterion = new CriterionOptions
        {
            Estimator = Choice(config.Estimator, names.For("estimator", "estimator"), EstimatorFamily.Ksg, families),
            LabelEstimator = config.LabelEstimator is null ? null : Choice(config.LabelEstimator, names.For("label-estimator", "labelEstimator"), EstimatorFamily.Ksg, families),
            K = config.K ?? 3,
            Seed = config.Seed ?? 0,
            Margin = config.Margin ?? 0,
            ConfidenceLevel = config.Confidence ?? 0.95,
            Replicates = config.Replicates ?? 20,
        };
        if (criterion.K < 1) throw names.Error("k", "k", $"{criterion.K}: k must be at least 1");
        if (criterion.Replicates < 2) throw names.Error("replicates", "replicates", $"{criterion.Replicates}: at least 2 half-samples are needed (20 or more for a gate)");
        if (!(criterion.ConfidenceLevel is > 0 and < 1)) throw names.Error("confidence", "confidence", $"{criterion.ConfidenceLevel.ToString(CultureInfo.InvariantCulture)}: expected a level strictly between 0 and 1, e.g. 0.95");
        if (!double.IsFinite(criterion.Margin)) throw names.Error("margin", "margin", "must be a finite number of nats");
        if (config.Report is { } report && (report.Length == 0 || report.EndsWith(Path.DirectorySeparatorChar) || report.EndsWith(Path.AltDirectorySeparatorChar)))
            throw names.Error("report", "report", $"'{report}' names no file; expected a file path such as cch-report.json");

        return new CheckSettings
        {
            Criterion = criterion,
            FailOn = Choice(config.FailOn, names.For("fail-on", "failOn"), FailOn.Fail, ("fail", FailOn.Fail), ("inconclusive", FailOn.Inconclusive)),
            ReportPath = config.Report,
            Format = Choice(config.Format, names.For("format", "format"), ReportFormat.Text, ("text", ReportFormat.Text), ("json", ReportFormat.Json), ("markdown", ReportFormat.Markdown)),
        };
    }

    private static CchInputException Missing(string option, string key, string what) =>
        new($"Missing {option} (config key '{key}'): {what}.");

    private static T Choice<T>(string? value, (string Label, string? File) name, T fallback, params (string Name, T Value)[] choices)
    {
        if (value is null) return fallback;
        foreach (var (choice, v) in choices)
            if (string.Equals(choice, value.Trim(), StringComparison.OrdinalIgnoreCase))
                return v;
        throw new CchInputException($"{name.Label} '{value}' is not allowed; expected one of: {string.Join(", ", choices.Select(c => c.Name))}.", file: name.File);
    }

    /// <summary>Names a setting as the user wrote it: <c>--option</c> on the command line, <c>key 'name'</c> in a file.</summary>
    private readonly record struct OptionNames(string? File)
    {
        public (string Label, string? File) For(string option, string key) => (File is null ? $"--{option}" : $"key '{key}'", File);

        public CchInputException Error(string option, string key, string message) => new($"{For(option, key).Label} {message}.", file: File);
    }
}

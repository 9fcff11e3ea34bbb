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

    /// <summary>Validates <paramref name="config"/> (paths already absolute) into settings.</summary>
    /// <param name="config">The merged configuration.</param>
    /// <param name="example">A generated example to run instead of reading data, or <c>null</c>.</param>
    /// <exception cref="CchInputException">A required value is missing or a value is not allowed.</exception>
    public static CheckSettings From(CchConfig config, string? example = null)
    {
        var criterion = new CriterionOptions
        {
            Estimator = Choice(config.Estimator, "estimator", EstimatorFamily.Ksg, ("ksg", EstimatorFamily.Ksg), ("mixed", EstimatorFamily.Mixed), ("gaussian", EstimatorFamily.Gaussian)),
            LabelEstimator = config.LabelEstimator is null ? null
                : Choice(config.LabelEstimator, "label-estimator", EstimatorFamily.Ksg, ("ksg", EstimatorFamily.Ksg), ("mixed", EstimatorFamily.Mixed), ("gaussian", EstimatorFamily.Gaussian)),
            K = config.K ?? 3,
            Seed = config.Seed ?? 0,
            Margin = config.Margin ?? 0,
            ConfidenceLevel = config.Confidence ?? 0.95,
            Replicates = config.Replicates ?? 20,
        };
        if (criterion.K < 1) throw new CchInputException($"--k {criterion.K}: k must be at least 1.");
        if (criterion.Replicates < 2) throw new CchInputException($"--replicates {criterion.Replicates}: at least 2 half-samples are needed.");
        if (!(criterion.ConfidenceLevel is > 0 and < 1)) throw new CchInputException($"--confidence {criterion.ConfidenceLevel.ToString(CultureInfo.InvariantCulture)}: expected a level strictly between 0 and 1, e.g. 0.95.");
        if (!double.IsFinite(criterion.Margin)) throw new CchInputException("--margin must be a finite number of nats.");

        var settings = new CheckSettings
        {
            Criterion = criterion,
            FailOn = Choice(config.FailOn, "fail-on", FailOn.Fail, ("fail", FailOn.Fail), ("inconclusive", FailOn.Inconclusive)),
            ReportPath = config.Report,
            Format = Choice(config.Format, "format", ReportFormat.Text, ("text", ReportFormat.Text), ("json", ReportFormat.Json), ("markdown", ReportFormat.Markdown)),
        };

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
                Join = Choice(config.Join, "join", JoinMode.Strict, ("strict", JoinMode.Strict), ("inner", JoinMode.Inner)),
                Filters = (config.Where ?? []).Select(RowFilter.Parse).ToList(),
                Task = Choice(config.Task, "task", TaskKind.Auto, ("auto", TaskKind.Auto), ("classification", TaskKind.Classification), ("regression", TaskKind.Regression)),
            },
        };
    }

    private static CchInputException Missing(string option, string key, string what) =>
        new($"Missing {option} (config key '{key}'): {what}.");

    private static T Choice<T>(string? value, string option, T fallback, params (string Name, T Value)[] choices)
    {
        if (value is null) return fallback;
        foreach (var (name, v) in choices)
            if (string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase))
                return v;
        throw new CchInputException($"--{option} '{value}' is not allowed; expected one of: {string.Join(", ", choices.Select(c => c.Name))}.");
    }
}

using System.Globalization;

namespace Cch.Benchmarks.Accuracy;

/// <summary>
/// Command line of <c>accuracy</c>:
/// <c>[--suite v1|high|label|all] [--estimators a,b] [--seeds S] [--n N] [--out PATH.md] [--tasks SUBSTRING]</c>.
/// </summary>
/// <param name="Suites">Suites to run, in order (<c>v1</c>, <c>high</c>, <c>label</c>).</param>
/// <param name="Estimators">Requested estimator names, or null for every registered one.</param>
/// <param name="Seeds">Number of seeds (data seeds 0 … S−1).</param>
/// <param name="Rows">Sample size N per estimate.</param>
/// <param name="OutPath">Markdown report path; the CSV of raw rows goes beside it (same name, <c>.csv</c>).</param>
/// <param name="TaskFilter">Only tasks whose id contains this (case-insensitive; comma-separated alternatives; a leading '=' asks for the exact id), or null for all.</param>
/// <param name="Intervals">Also compute each estimate's 95 % interval the way the criterion does and report coverage.</param>
internal sealed record AccuracyOptions(
    IReadOnlyList<string> Suites, IReadOnlyList<string>? Estimators, int Seeds, int Rows, string OutPath, string? TaskFilter, bool Intervals = false)
{
    /// <summary>The suite names <c>--suite</c> accepts besides <c>all</c>.</summary>
    public static readonly string[] SuiteNames = ["v1", "high", "label"];

    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: accuracy [--suite v1|high|label|all] [--estimators ksg,gaussian,...] [--seeds 3] [--n 5000] [--out PATH.md] [--tasks SUBSTRING] [--intervals]";

    /// <summary>Parses the arguments after <c>accuracy</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing or bad value, or an unknown estimator name.</exception>
    public static AccuracyOptions Parse(IReadOnlyList<string> args)
    {
        var suite = "v1";
        string? estimators = null;
        var seeds = 3;
        var rows = 5000;
        string? outPath = null;
        string? tasks = null;
        var intervals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option == "--intervals")
            {
                intervals = true;
                continue;
            }

            if (i + 1 >= args.Count) throw new ArgumentException($"{option} needs a value. {Usage}");
            var value = args[++i];
            switch (option)
            {
                case "--suite": suite = value; break;
                case "--estimators": estimators = value; break;
                case "--seeds": seeds = PositiveInt(option, value); break;
                case "--n": rows = PositiveInt(option, value); break;
                case "--out": outPath = value; break;
                case "--tasks": tasks = value; break;
                default: throw new ArgumentException($"Unknown option {option}. {Usage}");
            }
        }

        IReadOnlyList<string> suites = suite == "all" ? SuiteNames
            : SuiteNames.Contains(suite) ? [suite]
            : throw new ArgumentException($"Unknown suite '{suite}'; expected v1, high, label or all.");

        IReadOnlyList<string>? names = null;
        if (estimators is not null)
        {
            names = estimators.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
            if (names.Count == 0) throw new ArgumentException("--estimators lists no estimator.");
            var unknown = names.Where(n => !EstimatorRegistry.AllNames.Contains(n)).ToArray();
            if (unknown.Length > 0)
                throw new ArgumentException($"Unknown estimator(s) {string.Join(", ", unknown)}; registered: {string.Join(", ", EstimatorRegistry.AllNames)}.");
        }

        if (rows < 4) throw new ArgumentException("--n must be at least 4.");
        outPath ??= Path.Combine("BenchmarkDotNet.Artifacts", "accuracy",
            $"accuracy-{suite}-n{rows}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        return new AccuracyOptions(suites, names, seeds, rows, outPath, string.IsNullOrEmpty(tasks) ? null : tasks, intervals);
    }

    /// <summary>The CSV path beside the Markdown report.</summary>
    public string CsvPath => Path.ChangeExtension(OutPath, ".csv");

    private static int PositiveInt(string option, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new ArgumentException($"{option} needs a positive integer, got '{value}'.");
}

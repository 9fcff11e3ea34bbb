using System.Globalization;
using Cch.Criterion;

namespace Cch.Benchmarks.Calibration;

/// <summary>
/// Command line of <c>calibration</c>:
/// <c>[--estimators auto,ksg] [--seeds S] [--tasks SUBSTRING] [--max-n N] [--out PATH.md]</c>.
/// </summary>
/// <param name="Families">Estimator families to run the criterion with (<c>--estimator</c> of <c>dotnet cch check</c>), in order.</param>
/// <param name="Seeds">Number of seeds (data and criterion seeds 0 … S−1).</param>
/// <param name="TaskFilter">Only tasks whose id contains this (case-insensitive; comma-separated alternatives; a leading '=' asks for the exact id), or null for all.</param>
/// <param name="MaxRows">Cap on N: a task prescribing more rows is drawn with this many instead; null for none.</param>
/// <param name="OutPath">Markdown report path; the CSV of raw rows goes beside it (same name, <c>.csv</c>).</param>
internal sealed record CalibrationOptions(
    IReadOnlyList<(string Name, EstimatorFamily Family)> Families, int Seeds, string? TaskFilter, int? MaxRows, string OutPath)
{
    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: calibration [--estimators auto,ksg] [--seeds 3] [--tasks SUBSTRING] [--max-n N] [--out PATH.md]";

    /// <summary>Parses the arguments after <c>calibration</c>.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing or bad value, or an unknown family name.</exception>
    public static CalibrationOptions Parse(IReadOnlyList<string> args)
    {
        var estimators = "auto,ksg";
        var seeds = 3;
        string? tasks = null;
        int? maxRows = null;
        string? outPath = null;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"{option} needs a value. {Usage}");
            var value = args[++i];
            switch (option)
            {
                case "--estimators": estimators = value; break;
                case "--seeds": seeds = PositiveInt(option, value); break;
                case "--tasks": tasks = value; break;
                case "--max-n": maxRows = PositiveInt(option, value); break;
                case "--out": outPath = value; break;
                default: throw new ArgumentException($"Unknown option {option}. {Usage}");
            }
        }

        var names = estimators.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
        if (names.Length == 0) throw new ArgumentException("--estimators lists no family.");
        var families = new List<(string, EstimatorFamily)>();
        foreach (var name in names)
        {
            var match = EstimatorFamilyNames.Pairs.Where(p => p.Name == name).ToArray();
            if (match.Length == 0)
                throw new ArgumentException($"Unknown estimator family '{name}'; known: {string.Join(", ", EstimatorFamilyNames.All)}.");
            families.Add((name, match[0].Family));
        }

        if (maxRows is < 100) throw new ArgumentException("--max-n must be at least 100 (the criterion needs max(50, 20k) rows).");
        outPath ??= Path.Combine("BenchmarkDotNet.Artifacts", "calibration",
            $"calibration-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
        return new CalibrationOptions(families, seeds, string.IsNullOrEmpty(tasks) ? null : tasks, maxRows, outPath);
    }

    /// <summary>The CSV path beside the Markdown report.</summary>
    public string CsvPath => Path.ChangeExtension(OutPath, ".csv");

    private static int PositiveInt(string option, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new ArgumentException($"{option} needs a positive integer, got '{value}'.");
}

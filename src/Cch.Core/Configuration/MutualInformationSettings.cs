using Cch.Criterion;
using Cch.Data;

namespace Cch.Configuration;

/// <summary>A fully resolved <c>dotnet cch mi</c>: what to read, how to estimate, what to print.</summary>
public sealed record MutualInformationSettings
{
    /// <summary>X and either Y or a label, with key, join and filters.</summary>
    public required PairRequest Data { get; init; }

    /// <summary>Estimator family, k, seed, confidence level and replicates (no margin: nothing is decided).</summary>
    public required CriterionOptions Criterion { get; init; }

    /// <summary><see cref="ReportFormat.Text"/> (one line) or <see cref="ReportFormat.Json"/>.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Text;

    /// <summary>Validates <paramref name="config"/> into settings.</summary>
    /// <param name="config">The options as typed.</param>
    /// <param name="baseDirectory">Directory that relative paths resolve against; the working directory when <c>null</c>.</param>
    /// <exception cref="CchInputException">
    /// --x missing; neither or both of --y and --label; --task with --y; or a value that is not allowed
    /// (the same rules and messages as <c>check</c>).
    /// </exception>
    public static MutualInformationSettings From(MutualInformationConfig config, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var names = new OptionNames(null);
        if (string.IsNullOrWhiteSpace(config.X))
            throw new CchInputException("Missing --x: the representation X, e.g. --x fac216 (a list column, a numeric column or a glob such as mrna_*).");
        if (config.Y is null && config.Label is null)
            throw new CchInputException("Missing --y or --label: Y is either a second representation (--y pix240) or a label column (--label label).");
        if (config.Y is not null && config.Label is not null)
            throw new CchInputException($"Both --y '{config.Y}' and --label '{config.Label}' were given; give one: --y for a second representation, --label for a label column.");
        if (config.Y is not null && config.Task is not null)
            throw new CchInputException($"--task {config.Task} applies to a label (--label); with --y both sides are representations.");

        var criterion = SettingRules.Criterion(names, config.Estimator, k: config.K, seed: config.Seed, confidence: config.Confidence, replicates: config.Replicates)
            with { Device = SettingRules.Device(config.Device, names) };
        var format = SettingRules.Choice(config.Format, names.For("format", "format"), ReportFormat.Text, ("text", ReportFormat.Text), ("json", ReportFormat.Json));
        return new MutualInformationSettings
        {
            Criterion = criterion,
            Format = format,
            Data = new PairRequest
            {
                DataPath = config.Data,
                BaseDirectory = baseDirectory ?? Environment.CurrentDirectory,
                X = ColumnSpec.Parse(config.X),
                Y = config.Y is null ? null : ColumnSpec.Parse(config.Y),
                Label = config.Label is null ? null : ColumnSpec.Parse(config.Label),
                Key = string.IsNullOrWhiteSpace(config.Key) ? null : config.Key,
                Join = SettingRules.Join(config.Join, names),
                Filters = (config.Where ?? []).Select(RowFilter.Parse).ToList(),
                Task = SettingRules.Task(config.Task, names),
                MaxRows = SettingRules.MaxRows(config.MaxRows, names),
                SampleSeed = criterion.Seed,
            },
        };
    }
}

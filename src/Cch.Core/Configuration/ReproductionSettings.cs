using Cch.Reproduction;

namespace Cch.Configuration;

/// <summary>Validated settings of <c>dotnet cch reproduce</c>.</summary>
public sealed record ReproductionSettings
{
    /// <summary>The experiment's command-line name.</summary>
    public required string Name { get; init; }

    /// <summary>The experiment.</summary>
    public required ReproductionExperiment Experiment { get; init; }

    /// <summary>Options passed to the experiment.</summary>
    public required ReproductionOptions Options { get; init; }

    /// <summary>What to print on standard output.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Text;

    /// <summary>Full path of the JSON report, or <c>null</c>.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Full path of the HTML report (<c>--html</c>), or <c>null</c>.</summary>
    public string? HtmlPath { get; init; }

    /// <summary>Validates the command line.</summary>
    /// <param name="experiment">The experiment's name.</param>
    /// <param name="quick"><c>--quick</c>.</param>
    /// <param name="seed"><c>--seed</c> (default 0).</param>
    /// <param name="seeds"><c>--seeds</c>, ≥ 2 when given.</param>
    /// <param name="threads"><c>--threads</c>, 1 to <see cref="SettingRules.MaxThreads"/> when given.</param>
    /// <param name="data"><c>--data</c>: the folder with the datasets.</param>
    /// <param name="format"><c>--format</c>: text, json, markdown or html.</param>
    /// <param name="report"><c>--report</c>.</param>
    /// <param name="html"><c>--html</c>.</param>
    /// <param name="workingDirectory">Relative paths are resolved against it.</param>
    /// <param name="dataFromEnvironment"><c>$CCH_DATA</c>, used when <paramref name="data"/> is absent.</param>
    /// <param name="device"><c>--device</c>: cpu (default) or cuda.</param>
    /// <exception cref="CchInputException">An unknown experiment, a value out of range, a missing data folder, or a report path that cannot be written or names one of the experiment's input files (checked before any work).</exception>
    public static ReproductionSettings From(
        string experiment, bool quick, int? seed, int? seeds, int? threads, string? data, string? format, string? report, string? html, string workingDirectory, string? dataFromEnvironment, string? device = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (!ReproductionRunner.Names.TryGetValue(experiment.Trim(), out var which))
            throw new CchInputException($"reproduce: unknown experiment '{experiment}'; expected one of {string.Join(", ", ReproductionRunner.Names.Keys)}.");
        if (seeds is < 2)
            throw new CchInputException($"--seeds {seeds}: at least 2 training seeds are needed for an interval of the KD effect.");
        if (threads is < 1 or > SettingRules.MaxThreads)
            throw new CchInputException($"--threads {threads}: expected 1 to 1,024 CPU threads.");
        var computeDevice = SettingRules.Device(device, new OptionNames(null));
        var fmt = SettingRules.Choice(format, ("--format", null), ReportFormat.Text, ("text", ReportFormat.Text), ("json", ReportFormat.Json), ("markdown", ReportFormat.Markdown), ("html", ReportFormat.Html));

        string? directory = null;
        if (ReproductionRunner.NeedsData(which))
        {
            var candidate = data ?? dataFromEnvironment;
            var source = data is not null ? "--data" : dataFromEnvironment is not null ? "$CCH_DATA" : null;
            if (candidate is null)
            {
                var shared = Path.GetFullPath(Path.Combine(workingDirectory, "..", "shared", "data"));
                if (!Directory.Exists(shared))
                    throw new CchInputException($"reproduce {experiment.Trim()} reads real datasets: give --data FOLDER (the folder with mnist.parquet, handwritten.parquet and breast_tcga_*.parquet), or set CCH_DATA.");
                candidate = shared;
                source = "../shared/data";
            }

            directory = Path.GetFullPath(candidate, workingDirectory);
            if (File.Exists(directory))
                throw new CchInputException($"{source} names a file; give the folder that holds the datasets (e.g. {Path.GetDirectoryName(directory)}).", file: directory);
            if (!Directory.Exists(directory))
                throw new CchInputException($"{source}: no such folder.", file: directory);
        }
        else if (data is not null)
        {
            throw new CchInputException($"reproduce {experiment.Trim()} generates its own data; drop --data.");
        }

        var reportPath = report is null ? null : Reports.ReportWriter.PrepareTarget(Path.GetFullPath(report, workingDirectory));
        var htmlPath = html is null ? null : Reports.ReportWriter.PrepareHtmlTarget(Path.GetFullPath(html, workingDirectory));
        var inputs = ReproductionRunner.InputFiles(which, directory);
        if (reportPath is not null) Internal.AtomicFile.RefuseInputs(reportPath, inputs, "--report");
        if (htmlPath is not null) Internal.AtomicFile.RefuseInputs(htmlPath, inputs, "--html");
        if (reportPath is not null && htmlPath is not null) Internal.AtomicFile.RefuseSameTarget(reportPath, "--report", htmlPath, "--html");
        return new ReproductionSettings
        {
            Name = experiment.Trim(),
            Experiment = which,
            Options = new ReproductionOptions { Seed = seed ?? 0, Quick = quick, Seeds = seeds, Threads = threads ?? 1, Device = computeDevice, DataDirectory = directory },
            Format = fmt,
            ReportPath = reportPath,
            HtmlPath = htmlPath,
        };
    }
}

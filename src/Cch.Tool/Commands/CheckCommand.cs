using System.CommandLine;
using Cch.Checking;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Cch.Reports;
using Cch.Reports.Html;
using Cch.Tool.Rendering;
using Spectre.Console;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch check</c>: maps options to settings, runs the core, presents the report.</summary>
internal static partial class CheckCommand
{
    private static async Task<int> RunAsync(ParseResult parse, bool verify, CancellationToken cancellationToken)
    {
        if (!verify && parse.GetValue(Shard) is { } shard) return await RunShardAsync(parse, shard, cancellationToken);
        var settings = Resolve(parse, verify).WithPreparedReport();
        var outcome = await RunWithProgressAsync(settings, p => CheckRunner.RunAsync(settings, p.Criterion, cancellationToken, p.Verification, p.Input), cancellationToken);
        return Present(settings, outcome);
    }

    /// <summary>Writes the report files, prints the chosen format and the job summary; returns the gate's exit code (shared with <c>merge</c>).</summary>
    internal static int Present(CheckSettings settings, CheckOutcome outcome)
    {
        var report = outcome.Report;
        var html = settings.HtmlPath is not null || settings.Format == ReportFormat.Html ? HtmlReport.Render(report) : null;
        if (settings.ReportPath is not null) ReportOutputs.Write(settings.ReportPath, ReportWriter.ToJson(report), "report");
        if (settings.HtmlPath is not null) ReportOutputs.Write(settings.HtmlPath, html!, "HTML report");

        CommandRunner.WriteWarnings(report.Warnings);

        switch (settings.Format)
        {
            case ReportFormat.Json:
                Console.Out.WriteLine(ReportWriter.ToJson(report));
                break;
            case ReportFormat.Markdown:
                Console.Out.Write(MarkdownReport.Render(report));
                break;
            case ReportFormat.Html:
                Console.Out.Write(html);
                break;
            default:
                ConsoleSummary.Write(CommandRunner.Standard, report);
                break;
        }

        ReportOutputs.AppendStepSummary(MarkdownReport.Render(report));
        if (settings.ReportPath is not null)
            Console.Error.WriteLine($"report: {settings.ReportPath}");
        if (settings.HtmlPath is not null)
            Console.Error.WriteLine($"html: {settings.HtmlPath}");
        return outcome.ExitCode;
    }

    /// <summary>Command line over config file over defaults.</summary>
    internal static CheckSettings Resolve(ParseResult parse, bool verify)
    {
        var cwd = Environment.CurrentDirectory;
        var example = parse.GetValue(Example);
        var seeds = SeedCount(parse.GetValue(Seeds));
        var fromCommandLine = new CchConfig
        {
            Data = parse.GetValue(Data),
            Teachers = parse.GetValue(Teacher) is { Length: > 0 } t ? t : null,
            Student = parse.GetValue(Student),
            Label = parse.GetValue(Label),
            Key = parse.GetValue(Key),
            Join = parse.GetValue(Join),
            Where = parse.GetValue(Where) is { Length: > 0 } w ? w : null,
            Task = parse.GetValue(Task),
            Estimator = parse.GetValue(Estimator),
            LabelEstimator = parse.GetValue(LabelEstimator),
            K = parse.GetValue(K),
            Seed = parse.GetValue(Seed),
            Margin = parse.GetValue(Margin),
            Confidence = parse.GetValue(Confidence),
            Replicates = parse.GetValue(Replicates),
            SelfCheck = parse.GetValue(NoSelfCheck) ? false : null,
            FailOn = parse.GetValue(FailOn),
            Report = parse.GetValue(Report),
            Html = parse.GetValue(Html),
            Format = parse.GetValue(Format),
            StudentBlur = parse.GetValue(StudentBlur),
            ImageShape = parse.GetValue(ImageShape),
            Verify = verify || parse.GetValue(Verify) ? true : null,
            TestWhere = parse.GetValue(TestWhere) is { Length: > 0 } tw ? tw : null,
            TeacherLogits = parse.GetValue(TeacherLogits) is { Length: > 0 } tl ? tl : null,
            Hidden = parse.GetValue(Hidden),
            LearningRate = parse.GetValue(LearningRate),
            BatchSize = parse.GetValue(BatchSize),
            MaxEpochs = parse.GetValue(MaxEpochs),
            Patience = parse.GetValue(Patience),
            Seeds = seeds.Count,
            AutoSeeds = seeds.Auto,
            MinEffect = parse.GetValue(MinEffect),
            ParallelSeeds = parse.GetValue(ParallelSeeds),
            Temperatures = NumberList(parse.GetValue(Temperature), "--temperature"),
            Lambdas = NumberList(parse.GetValue(Lambda), "--lambda"),
            ValidationFraction = parse.GetValue(ValidationFraction),
            TestFraction = parse.GetValue(TestFraction),
            Threads = parse.GetValue(Threads),
            MaxRows = SampleOptionParsing.MaxRows(parse.GetValue(MaxRows)),
            Device = parse.GetValue(Device),
            Gate = parse.GetValue(Gate),
            TeacherEncoders = parse.GetValue(TeacherEncoder) is { Length: > 0 } te ? te : null,
            StudentEncoder = parse.GetValue(StudentEncoder),
            EncoderOutput = parse.GetValue(Output),
            InputShape = parse.GetValue(InputShape),
            InputScale = EncoderOptionParsing.Scale(parse.GetValue(InputScale)),
            EncoderBatchSize = parse.GetValue(EncoderBatchSize),
        }.WithPathsRelativeTo(cwd);

        if (example is not null)
        {
            // The example generates its own data: data options would be silently ignored, so refuse them.
            var dataOptions = new Option[] { Data, Teacher, Student, StudentBlur, ImageShape, Label, Key, Join, Where, Task, TestWhere, TeacherLogits, TeacherEncoder, StudentEncoder, Output, InputShape, InputScale, EncoderBatchSize, MaxRows }
                .Where(o => parse.GetResult(o) is not null).Select(o => o.Name).ToList();
            if (dataOptions.Count > 0)
                throw new CchInputException($"--example generates its own data; drop {string.Join(", ", dataOptions)} (or drop --example to read files).");
        }

        var configPath = parse.GetValue(Config) is { } given ? Path.GetFullPath(given, cwd) : null;
        if (configPath is null && example is null && File.Exists(Path.Combine(cwd, CchConfigFile.DefaultFileName)))
        {
            configPath = Path.Combine(cwd, CchConfigFile.DefaultFileName);
            Console.Error.WriteLine($"config: {configPath}");
        }

        var merged = configPath is null ? fromCommandLine : fromCommandLine.Over(CchConfigFile.Load(configPath));
        return CheckSettings.From(merged, example, configPath) with { CommandLine = CommandRunner.Arguments };
    }

    /// <summary>Parses <c>--seeds</c>: a whole number, or <c>auto</c> (rounds until decided); nothing when absent.</summary>
    /// <exception cref="CchInputException">Neither a whole number nor <c>auto</c>.</exception>
    private static (int? Count, bool? Auto) SeedCount(string? text)
    {
        if (text is null) return (null, null);
        if (string.Equals(text.Trim(), "auto", StringComparison.OrdinalIgnoreCase)) return (null, true);
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)) return (n, false);
        throw new CchInputException($"--seeds '{text}': expected a whole number of seeds (at least 2) or auto.");
    }

    /// <summary>Parses <c>1,2,3</c> into numbers.</summary>
    private static IReadOnlyList<double>? NumberList(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                throw new CchInputException($"{option}: '{part}' is not a number; expected comma-separated numbers such as 1,2,3.");
            values.Add(v);
        }

        return values;
    }

    /// <summary>Runs <paramref name="run"/> with progress on the terminal (a bar) or in logs (heartbeat lines).</summary>
    internal static Task<T> RunWithProgressAsync<T>(CheckSettings settings, Func<ProgressSinks, Task<T>> run, CancellationToken cancellationToken) =>
        ProgressDisplay.RunAsync(settings.Example is null ? InputProgress.ReadingPhase : "generating the example", run, cancellationToken);
}

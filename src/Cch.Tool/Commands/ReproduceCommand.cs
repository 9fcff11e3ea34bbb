using System.CommandLine;
using Cch.Configuration;
using Cch.Reports;
using Cch.Reproduction;
using Cch.Tool.Rendering;
using Spectre.Console;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch reproduce</c>: maps options to settings, runs the experiment, presents the report.</summary>
internal static partial class ReproduceCommand
{
    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = ReproductionSettings.From(
            parse.GetValue(Experiment)!,
            parse.GetValue(Quick),
            parse.GetValue(Seed),
            parse.GetValue(Seeds),
            parse.GetValue(Threads),
            parse.GetValue(Data),
            parse.GetValue(Format),
            parse.GetValue(Report),
            Environment.CurrentDirectory,
            Environment.GetEnvironmentVariable("CCH_DATA"));
        var report = await RunWithProgressAsync(settings, cancellationToken);
        if (settings.ReportPath is not null)
        {
            try
            {
                ReportWriter.WriteAtomic(settings.ReportPath, ReportWriter.ToJson(report));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CchInputException($"The report cannot be written: {e.Message}", file: settings.ReportPath, inner: e);
            }
        }

        switch (settings.Format)
        {
            case ReportFormat.Json:
                Console.Out.WriteLine(ReportWriter.ToJson(report));
                break;
            case ReportFormat.Markdown:
                Console.Out.Write(ReproductionMarkdown.Render(report));
                break;
            default:
                ReproductionSummary.Write(CommandRunner.Standard, report);
                break;
        }

        if (settings.ReportPath is not null)
            Console.Error.WriteLine($"report: {settings.ReportPath}");
        return (int)ExitCodes.Success;
    }

    private static async Task<ReproductionReport> RunWithProgressAsync(ReproductionSettings settings, CancellationToken cancellationToken)
    {
        if (!CommandRunner.Interactive)
        {
            var lines = new Progress<ReproductionProgress>(p => Console.Error.WriteLine($"reproduce {settings.Name}: {p.Completed}/{p.Total} {p.Phase}"));
            return await System.Threading.Tasks.Task.Run(() => ReproductionRunner.Run(settings.Experiment, settings.Options, lines, cancellationToken), cancellationToken);
        }

        ReproductionReport? report = null;
        await CommandRunner.Diagnostics.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape($"reproduce {settings.Name}"), maxValue: 1);
                var progress = new Progress<ReproductionProgress>(p =>
                {
                    task.Description = Markup.Escape(p.Phase);
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Completed;
                });
                report = await System.Threading.Tasks.Task.Run(() => ReproductionRunner.Run(settings.Experiment, settings.Options, progress, cancellationToken), cancellationToken);
            });
        return report!;
    }
}

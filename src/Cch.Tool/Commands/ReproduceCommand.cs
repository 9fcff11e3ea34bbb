using System.CommandLine;
using Cch.Configuration;
using Cch.Reports;
using Cch.Reports.Html;
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
            parse.GetValue(Html),
            Environment.CurrentDirectory,
            Environment.GetEnvironmentVariable("CCH_DATA"),
            parse.GetValue(Device));
        var report = await RunWithProgressAsync(settings, cancellationToken);
        var html = settings.HtmlPath is not null || settings.Format == ReportFormat.Html ? ReproductionHtml.Render(report) : null;
        if (settings.ReportPath is not null) ReportOutputs.Write(settings.ReportPath, ReportWriter.ToJson(report), "report");
        if (settings.HtmlPath is not null) ReportOutputs.Write(settings.HtmlPath, html!, "HTML report");

        switch (settings.Format)
        {
            case ReportFormat.Json:
                Console.Out.WriteLine(ReportWriter.ToJson(report));
                break;
            case ReportFormat.Markdown:
                Console.Out.Write(ReproductionMarkdown.Render(report));
                break;
            case ReportFormat.Html:
                Console.Out.Write(html);
                break;
            default:
                ReproductionSummary.Write(CommandRunner.Standard, report);
                break;
        }

        ReportOutputs.AppendStepSummary(ReproductionMarkdown.Render(report));
        if (settings.ReportPath is not null)
            Console.Error.WriteLine($"report: {settings.ReportPath}");
        if (settings.HtmlPath is not null)
            Console.Error.WriteLine($"html: {settings.HtmlPath}");
        return (int)ExitCodes.Success;
    }

    private static async Task<ReproductionReport> RunWithProgressAsync(ReproductionSettings settings, CancellationToken cancellationToken)
    {
        if (!CommandRunner.Interactive)
        {
            var lines = new Progress<ReproductionProgress>(p => Console.Error.WriteLine($"reproduce {settings.Name}: {p.Completed}/{p.Total} {p.Phase}"));
            using var heartbeat = new Heartbeat(Console.Error, Heartbeat.IntervalFromEnvironment(), $"reproduce {settings.Name}");
            return await System.Threading.Tasks.Task.Run(() => ReproductionRunner.Run(settings.Experiment, settings.Options, heartbeat.Reproduction(lines), cancellationToken), cancellationToken);
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

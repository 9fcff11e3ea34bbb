using System.Globalization;
using Cch.Reports;
using Cch.Reproduction;
using Spectre.Console;

namespace Cch.Tool.Rendering;

/// <summary>The <c>reproduce</c> report on a console: a table per sweep, the boundaries, the paper's claims and notes.</summary>
internal static class ReproductionSummary
{
    public static void Write(IAnsiConsole console, ReproductionReport report)
    {
        console.MarkupLine($"[bold]{Markup.Escape(report.Title)}[/]");
        console.WriteLine(report.Description);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seed {report.Seed}{(report.Quick ? ", --quick" : "")}, {report.ElapsedSeconds:0} s. KD effect: {report.EffectMetric} (positive = distillation helped)."));
        foreach (var series in report.Series)
        {
            console.WriteLine();
            var table = new Table().Title(Markup.Escape(series.Name)).Border(TableBorder.Rounded);
            var closed = series.Points.Any(p => p.ClosedForm is not null);
            var measured = series.Points.Any(p => p.KdEffect is not null);
            table.AddColumn(new TableColumn(Markup.Escape(report.Parameter)).RightAligned());
            if (closed) table.AddColumn(new TableColumn("exact Δ").RightAligned());
            table.AddColumn(Markup.Escape("Δ [interval]"));
            table.AddColumn("verdict");
            if (measured)
            {
                table.AddColumn(Markup.Escape("KD effect [interval]"));
                table.AddColumn("measured");
                table.AddColumn("agreement");
            }

            foreach (var p in series.Points)
            {
                var cells = new List<string> { p.Parameter.ToString("0.###", CultureInfo.InvariantCulture) };
                if (closed) cells.Add(p.ClosedForm?.Delta.ToString("0.000", CultureInfo.InvariantCulture) ?? "");
                cells.Add(ReproductionMarkdown.Interval(p.Delta));
                cells.Add(ReproductionMarkdown.Verdict(p));
                if (measured)
                {
                    cells.Add(p.KdEffect is { } e ? ReproductionMarkdown.Interval(e, "0.0000") : "");
                    cells.Add(p.Outcome is { } o ? MarkdownReport.OutcomeText(o) : "");
                    cells.Add(p.Agreement?.ToString().ToLowerInvariant() ?? "");
                }

                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }

            console.Write(table);
            console.WriteLine(ReproductionMarkdown.BoundaryLine(report, series.Boundary));
        }

        if (report.PaperClaims.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]The paper states:[/]");
            foreach (var claim in report.PaperClaims) console.WriteLine($"  - {claim}");
        }

        foreach (var note in report.Notes)
        {
            console.WriteLine();
            console.WriteLine($"note: {note}");
        }
    }
}

using System.Globalization;
using Cch.Criterion;
using Cch.Reports;
using Spectre.Console;

namespace Cch.Tool.Rendering;

/// <summary>The readable console summary of a report: one table row per teacher.</summary>
internal static class ConsoleSummary
{
    /// <summary>Writes the summary to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, CchReport report)
    {
        var closed = report.Teachers.Any(t => t.ClosedForm is not null);
        if (report.Example is not null)
            console.MarkupLine($"[grey]{Markup.Escape(report.Example.Description)}[/]");
        foreach (var line in MarkdownReport.SettingsLines(report))
            console.WriteLine(line);

        // Numbers and intervals never wrap (a wrapped "[2.455,\n2.589]" is unreadable); names and verdict reasons may.
        var table = new Table().Border(TableBorder.Rounded).Title("CCH: Δ = I(H_t;H_s) − I(H_s;Y), nats");
        table.AddColumn(new TableColumn("#").RightAligned().NoWrap());
        table.AddColumn("teacher");
        table.AddColumn(new TableColumn("d").RightAligned().NoWrap());
        table.AddColumn(new TableColumn(Markup.Escape("I(H_t;H_s) [CI]")).NoWrap());
        if (closed) table.AddColumn(new TableColumn("exact").RightAligned().NoWrap());
        table.AddColumn(new TableColumn(Markup.Escape("I(H_s;Y) [CI]")).NoWrap());
        if (closed) table.AddColumn(new TableColumn("exact").RightAligned().NoWrap());
        table.AddColumn(new TableColumn(Markup.Escape("Δ [CI]")).NoWrap());
        if (closed) table.AddColumn(new TableColumn("exact").RightAligned().NoWrap());
        table.AddColumn("verdict");
        table.AddColumn(new TableColumn("P(wrong)").RightAligned().NoWrap());
        var several = report.Teachers.Count > 1;
        if (several) table.AddColumn(new TableColumn("P(best)").RightAligned().NoWrap());

        foreach (var t in report.Teachers)
        {
            var cells = new List<string> { t.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Name), t.Dimensions.ToString(CultureInfo.InvariantCulture), Cell(t.MiTeacherStudent) };
            if (closed) cells.Add(Exact(t.ClosedForm?.MiTeacherStudent));
            cells.Add(Cell(t.MiStudentLabel));
            if (closed) cells.Add(Exact(t.ClosedForm?.MiStudentLabel));
            cells.Add(Cell(t.Delta));
            if (closed) cells.Add(Exact(t.ClosedForm?.Delta));
            cells.Add(VerdictMarkup(t.Verdict) + (t.Reason is { } why ? $" ({Markup.Escape(MarkdownReport.ReasonText(why))})" : ""));
            cells.Add(Markup.Escape(MarkdownReport.Probability(t.WrongSignProbability)));
            if (several) cells.Add(Markup.Escape(MarkdownReport.Probability(t.BestProbability)));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        if (report.Teachers.Any(t => t.Verification is not null)) console.Write(VerificationTable(report));
        if (MarkdownReport.EstimatorRangeLine(report) is { } range)
            console.MarkupLine(Markup.Escape(range));
        if (report.Warnings.Count > 0)
            console.MarkupLine($"[yellow]{report.Warnings.Count} warning(s)[/] (on standard error and in the report)");
        console.MarkupLine($"verdict: {VerdictMarkup(report.Verdict)} (best teacher {Markup.Escape(report.BestTeacher)}) · {Markup.Escape(MarkdownReport.GateLine(report))}");
    }

    /// <summary>The measured effect of distillation, one row per verified teacher, beside the criterion's verdict.</summary>
    private static Table VerificationTable(CchReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("--verify: the student trained without and with distillation, held-out rows");
        table.AddColumn(new TableColumn("#").RightAligned().NoWrap());
        table.AddColumn("teacher");
        table.AddColumn("verdict");
        table.AddColumn(new TableColumn(Markup.Escape("no KD → KD")).NoWrap());
        table.AddColumn(new TableColumn(Markup.Escape("KD − no KD [CI]")).NoWrap());
        table.AddColumn("measured");
        table.AddColumn(new TableColumn("agreement").NoWrap());
        foreach (var t in report.Teachers)
            table.AddRow(
                t.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Name), VerdictMarkup(t.Verdict),
                t.Verification is { } arms ? Markup.Escape(MarkdownReport.ArmsCell(arms)) : "",
                t.Verification is { } v ? Markup.Escape(MarkdownReport.EffectCell(v)) : "",
                t.Verification is { } w ? Markup.Escape(MarkdownReport.MeasuredCell(w)) : "",
                t.Agreement is { } a ? Markup.Escape(a.ToString().ToLowerInvariant()) : "");
        return table;
    }

    private static string Cell(MiValue v) => Markup.Escape(MarkdownReport.Cell(v));

    private static string Exact(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "";

    private static string VerdictMarkup(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "[green]pass[/]",
        Verdict.Fail => "[red]fail[/]",
        _ => "[yellow]inconclusive[/]",
    };
}

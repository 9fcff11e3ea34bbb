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

        // Numbers and intervals never wrap (a wrapped "[2.455,\n2.589]" is unreadable); on a console too narrow
        // for the table each teacher gets a block of labelled lines instead.
        var table = new FittingTable("CCH: Δ = I(H_t;H_s) − I(H_s;Y), nats").Number("#").Fixed("teacher").Number("d").Fixed("I(H_t;H_s) [CI]");
        if (closed) table.Beside("exact");
        table.Fixed("I(H_s;Y) [CI]");
        if (closed) table.Beside("exact");
        table.Fixed("Δ [CI]");
        if (closed) table.Beside("exact");
        table.Text("verdict").Number("P(wrong)");
        var several = report.Teachers.Count > 1;
        if (several) table.Number("P(best)");

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

        table.Write(console);
        if (report.Teachers.Any(t => t.Verification is not null)) VerificationTable(report).Write(console);
        if (MarkdownReport.EstimatorRangeLine(report) is { } range)
            console.MarkupLine(Markup.Escape(range));
        if (report.Warnings.Count > 0)
            console.MarkupLine($"[yellow]{report.Warnings.Count} warning(s)[/] (on standard error and in the report)");
        console.MarkupLine($"verdict: {VerdictMarkup(report.Verdict)} (best teacher {Markup.Escape(report.BestTeacher)}) · {Markup.Escape(MarkdownReport.GateLine(report))}");
    }

    /// <summary>The measured effect of distillation, one row per verified teacher, beside the criterion's verdict.</summary>
    private static FittingTable VerificationTable(CchReport report)
    {
        var table = new FittingTable("--verify: the student trained without and with distillation, held-out rows")
            .Number("#").Fixed("teacher").Text("verdict").Fixed("no KD → KD").Fixed("KD − no KD [CI]").Text("measured").Fixed("agreement");
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

using System.Globalization;
using Cch.Reports;
using Cch.Reports.Html;

namespace Cch.Tests.Reports.Html;

public sealed class ReproductionHtmlTests
{
    [Fact]
    public void The_page_is_well_formed_self_contained_and_every_plot_accessible()
    {
        var html = ReproductionHtml.Render(HtmlTestReports.Reproduction());

        var page = HtmlDocument.Parse(html);

        PageAssert.SelfContained(html, page);
        PageAssert.AccessibleFigures(page);
    }

    [Fact]
    public void A_sweep_without_measured_effects_has_only_the_delta_plot_and_a_measured_one_all_three()
    {
        var page = HtmlDocument.Parse(ReproductionHtml.Render(HtmlTestReports.Reproduction()));

        Assert.Equal(
            ["fig-series-1-delta", "fig-series-2-delta", "fig-series-2-effect", "fig-series-2-effect-delta"],
            page.Figures.Select(f => (string)f.Attribute("id")!));
    }

    [Fact]
    public void The_tables_hold_the_reports_numbers()
    {
        var report = HtmlTestReports.Reproduction();
        var page = HtmlDocument.Parse(ReproductionHtml.Render(report));

        var closed = report.Series[0].Points;
        for (var i = 0; i < closed.Count; i++)
        {
            Assert.Equal(closed[i].Parameter.ToString("0.###", CultureInfo.InvariantCulture), page.Cell("fig-series-1-delta", i, report.Parameter));
            Assert.Equal(Nats(closed[i].ClosedForm!.Delta), page.Cell("fig-series-1-delta", i, "exact Δ"));
            Assert.Equal(Nats(closed[i].Delta.Estimate), page.Cell("fig-series-1-delta", i, "Δ"));
            Assert.Equal(Nats(closed[i].Delta.CiLow), page.Cell("fig-series-1-delta", i, "low"));
            Assert.Equal(Nats(closed[i].Delta.CiHigh), page.Cell("fig-series-1-delta", i, "high"));
        }

        var measured = report.Series[1].Points.Where(p => p.KdEffect is not null).ToList();
        Assert.Equal(measured.Count, page.Rows("fig-series-2-effect").Count);
        for (var i = 0; i < measured.Count; i++)
        {
            Assert.Equal(Metric(measured[i].KdEffect!.Estimate), page.Cell("fig-series-2-effect", i, "KD effect"));
            Assert.Equal(Metric(measured[i].KdEffect!.CiLow), page.Cell("fig-series-2-effect", i, "low"));
            Assert.Equal(Nats(measured[i].Delta.Estimate), page.Cell("fig-series-2-effect-delta", i, "Δ"));
        }
    }

    [Fact]
    public void The_boundaries_claims_and_notes_are_shown_escaped()
    {
        var report = HtmlTestReports.Reproduction();

        var html = ReproductionHtml.Render(report);
        var page = HtmlDocument.Parse(html);

        Assert.Contains(page.All("p"), p => p.Value == ReproductionMarkdown.BoundaryLine(report, report.Series[1].Boundary));
        Assert.Contains(page.All("h2"), h => h.Value == "mnist <fac> & \"pix\"");
        Assert.Contains(page.All("li"), li => li.Value == report.PaperClaims[0]);
        Assert.Contains(page.All("blockquote"), b => b.Value == report.Notes[0]);
        Assert.DoesNotContain("<fac>", html, StringComparison.Ordinal);
    }

    private static string Nats(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Metric(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}

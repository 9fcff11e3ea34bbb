using System.Globalization;
using System.Xml.Linq;
using Cch.Reports;
using Cch.Reports.Html;

namespace Cch.Tests.Reports.Html;

public sealed class HtmlReportTests
{
    [Fact]
    public void The_page_is_well_formed_and_self_contained()
    {
        var html = HtmlReport.Render(HtmlTestReports.Verified());

        var page = HtmlDocument.Parse(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal("html", page.Root.Name.LocalName);
        PageAssert.SelfContained(html, page);
    }

    [Fact]
    public void Every_plot_has_a_caption_alt_text_a_description_and_a_table()
    {
        var page = HtmlDocument.Parse(HtmlReport.Render(HtmlTestReports.Verified()));

        PageAssert.AccessibleFigures(page);
        Assert.Equal(
            ["fig-delta", "fig-estimator-deltas", "fig-mutual-information", "fig-verification-1", "fig-verification-2", "fig-surrogate"],
            page.Figures.Select(f => (string)f.Attribute("id")!));
    }

    [Fact]
    public void Ids_are_unique_across_the_plots()
    {
        var page = HtmlDocument.Parse(HtmlReport.Render(HtmlTestReports.Verified()));

        var ids = page.Root.DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        Assert.Contains(ids, id => id.StartsWith("fig-delta-", StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var reference in page.Root.Descendants().Attributes().Where(a => a.Value.StartsWith("url(#", StringComparison.Ordinal)))
            Assert.Contains(reference.Value[5..^1], ids);
    }

    [Fact]
    public void The_delta_and_mutual_information_tables_hold_the_reports_numbers()
    {
        var report = HtmlTestReports.Check();
        var page = HtmlDocument.Parse(HtmlReport.Render(report));

        for (var i = 0; i < report.Teachers.Count; i++)
        {
            var t = report.Teachers[i];
            Assert.Equal(t.Name, page.Cell("fig-delta", i, "teacher"));
            Assert.Equal(Nats(t.Delta.Estimate), page.Cell("fig-delta", i, "Δ"));
            Assert.Equal(Nats(t.Delta.CiLow), page.Cell("fig-delta", i, "low"));
            Assert.Equal(Nats(t.Delta.CiHigh), page.Cell("fig-delta", i, "high"));
            Assert.Equal(Nats(t.ClosedForm!.Delta), page.Cell("fig-delta", i, "exact Δ"));
            Assert.Equal(Nats(t.MiTeacherStudent.Estimate), page.Cell("fig-mutual-information", 2 * i, "estimate"));
            Assert.Equal(Nats(t.MiStudentLabel.CiHigh), page.Cell("fig-mutual-information", 2 * i + 1, "high"));
        }

        var pairs = report.Teachers.SelectMany(t => t.EstimatorDeltas ?? []).ToList();
        Assert.Equal(pairs.Select(d => Nats(d.Delta)), page.Rows("fig-estimator-deltas").Select(r => r[3]));
        var surrogate = report.Teachers[0].MiTeacherStudent.Surrogate!;
        Assert.Equal(Nats(surrogate.Known), page.Cell("fig-surrogate", 0, "known"));
        Assert.Equal(Nats(surrogate.Estimate), page.Cell("fig-surrogate", 0, "estimate"));
    }

    [Fact]
    public void The_verification_table_holds_each_seeds_arms_and_difference()
    {
        var report = HtmlTestReports.Verified();
        var page = HtmlDocument.Parse(HtmlReport.Render(report));

        var v = report.Teachers[0].Verification!;
        var rows = page.Rows("fig-verification-1");
        for (var s = 0; s < v.Seeds.Count; s++)
        {
            Assert.Equal(v.Seeds[s].Seed.ToString(CultureInfo.InvariantCulture), rows[s][0]);
            Assert.Equal(Metric(v.Seeds[s].NoKd.Accuracy!.Value), rows[s][1]);
            Assert.Equal(Metric(v.Seeds[s].Kd.Accuracy!.Value), rows[s][2]);
            Assert.Equal(Metric(v.Differences[0].PerSeed[s]), rows[s][3]);
        }

        Assert.Equal(["mean", Metric(v.Differences[0].NoKdMean), Metric(v.Differences[0].KdMean), Metric(v.Differences[0].Mean)], rows[v.Seeds.Count]);
    }

    [Fact]
    public void Names_are_escaped_everywhere_and_the_verdict_and_warnings_are_shown()
    {
        var report = HtmlTestReports.Verified() with { Warnings = ["Look <here> & there."] };

        var html = HtmlReport.Render(report);
        var page = HtmlDocument.Parse(html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Equal(HtmlTestReports.HostileName, page.Cell("fig-delta", 0, "teacher"));
        Assert.Contains(page.All("span"), s => s.Value == "pass");
        Assert.Contains(page.All("p"), p => p.Value.Contains("Look <here> & there.", StringComparison.Ordinal));
        Assert.Contains(page.All("title"), t => t.Value.Contains(HtmlTestReports.HostileName, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_report_gives_the_same_page()
    {
        var report = HtmlTestReports.Verified();

        Assert.Equal(HtmlReport.Render(report), HtmlReport.Render(report));
    }

    private static string Nats(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Metric(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}

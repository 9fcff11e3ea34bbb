using Cch.Criterion;
using Cch.Reports;
using Cch.Tasks;
using Cch.Tests.Reports.Html;

namespace Cch.Tests.Reports;

/// <summary>
/// The MSBuild gate reads reports through its own netstandard2.0 types (src/Cch.Tasks/GateReport.cs, linked here):
/// a report the tool writes must read back with the same verdicts, Δ, interval level, reasons, outcomes and inputs.
/// </summary>
public class GateReportTests
{
    [Fact]
    public void The_gate_reads_what_the_tool_writes()
    {
        var written = HtmlTestReports.Verified();
        written = written with
        {
            Teachers = [written.Teachers[0], written.Teachers[1] with { Verdict = Verdict.Inconclusive, Reason = VerdictReason.EstimatorUnreliableHere }],
            Inputs = [new InputReport("/data/teacher.parquet", 10, new string('a', 64)), new InputReport("/data/student.parquet", 10, new string('b', 64))],
        };
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "report.json");
        File.WriteAllText(path, ReportWriter.ToJson(written));

        var read = GateReport.Read(path)!;

        Assert.Equal("pass", read.Verdict);
        Assert.Equal(written.Interval.Level, read.Level);
        Assert.NotNull(written.Interval.DeltaLevel); // two teachers: Bonferroni
        Assert.Equal(written.Interval.DeltaLevel, read.DeltaLevel); // the gate prints Δ's own level, not the nominal one
        Assert.Equal(written.Inputs.Select(i => i.Path), read.Inputs!.Select(i => i.Path));
        Assert.Equal(written.Teachers.Count, read.Teachers!.Count);
        foreach (var (w, r) in written.Teachers.Zip(read.Teachers))
        {
            Assert.Equal(w.Name, r.Name);
            Assert.Equal(w.Delta.Estimate, r.Delta!.Value);
            Assert.Equal(w.Delta.CiLow, r.Delta.CiLow);
            Assert.Equal(w.Delta.CiHigh, r.Delta.CiHigh);
        }

        Assert.Equal(["pass", "inconclusive"], read.Teachers.Select(t => t.Verdict));
        Assert.Equal([null, "estimator-unreliable-here"], read.Teachers.Select(t => t.Reason));
        Assert.Equal(["kd-helps", "undetermined"], read.Teachers.Select(t => t.Verification!.Outcome));
    }

    [Fact]
    public void No_file_reads_as_no_report()
    {
        Assert.Null(GateReport.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "missing.json")));
    }
}

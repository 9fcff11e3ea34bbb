using System.Text.RegularExpressions;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>What CI sees: the Markdown appended to GitHub Actions' job summary, and heartbeat lines on redirected standard error.</summary>
public sealed class CiOutputTests
{
    [Fact]
    public void The_markdown_summary_is_appended_to_GITHUB_STEP_SUMMARY_without_truncating_it()
    {
        using var dir = new TempFolder();
        var summary = dir.Write("summary.md", "## An earlier step\n\n");
        var environment = new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = summary };

        var first = CchProcess.Run(dir.Path, environment, "check", "--example", "gaussian", "--format", "json");
        var second = CchProcess.Run(dir.Path, environment, "check", "--example", "gaussian", "--estimator", "gaussian", "--margin", "5");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## An earlier step\n\n## CCH check: **pass** (best teacher `aligned`)", text, StringComparison.Ordinal);
        Assert.Contains("## CCH check: **fail**", text);
        Assert.Equal(2, Regex.Matches(text, "^## CCH check", RegexOptions.Multiline).Count);
        Assert.Contains("| 1 | `aligned` |", text);
    }

    [Fact]
    public void Without_GITHUB_STEP_SUMMARY_nothing_is_written_and_an_unwritable_one_only_warns()
    {
        using var dir = new TempFolder();
        var blocked = Directory.CreateDirectory(dir.File("summary-dir")).FullName;

        var run = CchProcess.Run(dir.Path, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = blocked }, "check", "--example", "gaussian");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: $GITHUB_STEP_SUMMARY", run.StdErr);
        Assert.Equal([blocked], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Redirected_standard_error_gets_a_heartbeat_line_at_the_interval()
    {
        using var dir = new TempFolder();

        // A run of a second or two with a beat every 0.1 s (the default is 10 s).
        var run = CchProcess.Run(dir.Path, new Dictionary<string, string?> { ["CCH_HEARTBEAT_SECONDS"] = "0.1" }, "check", "--example", "gaussian", "--replicates", "40");

        Assert.Equal(0, run.ExitCode);
        var beats = Regex.Matches(run.StdErr, @"^progress: (?<phase>.+?)( (?<percent>\d{1,3}) %)? (?<elapsed>\d+:\d\d:\d\d)$", RegexOptions.Multiline);
        Assert.True(beats.Count >= 1, run.StdErr);
        Assert.Contains(beats, b => b.Groups["phase"].Value.StartsWith("criterion (", StringComparison.Ordinal) && b.Groups["percent"].Success);
        Assert.DoesNotContain("progress:", run.StdOut);
    }
}

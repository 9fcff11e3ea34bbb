using System.Diagnostics;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// Failures that are not bugs, on the real tool: a full disk (the kernel's own ENOSPC, from /dev/full and from a full
/// tmpfs) and training that diverges. Each exits 2 with a message saying what happened, and writes nothing.
/// </summary>
public sealed class FailureExitTests
{
    [LinuxFact]
    public void Standard_output_on_a_full_disk_says_so_and_exits_2()
    {
        // The process's standard output is /dev/full, which answers every write with ENOSPC.
        var tool = Path.Combine(AppContext.BaseDirectory, "dotnet-cch.dll");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet exec \"$0\" check --example gaussian --format json > /dev/full");
        start.ArgumentList.Add(tool);
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("error: the disk holding standard output is full (No space left on device)", error);
        Assert.DoesNotContain("internal error", error);
    }

    [LinuxMountFact]
    public void A_report_on_a_full_disk_says_so_exits_2_and_keeps_the_old_report()
    {
        // 8 KiB: the old report takes one page, the gaussian example's report (about 11 KB) cannot fit in the other.
        using var disk = new SmallTmpfs(8);
        var report = Path.Combine(disk.Path, "cch-report.json");
        File.WriteAllText(report, "old");

        using var dir = new TempFolder();
        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--report", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: the disk holding '{report}' is full (No space left on device) while writing the report; nothing was written", run.StdErr.Trim());
        Assert.Equal("old", File.ReadAllText(report));
        Assert.Equal(["cch-report.json"], Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Training_that_diverges_exits_2_naming_the_model_epochs_and_learning_rate()
    {
        using var dir = new TempFolder();
        var report = dir.File("r.json");

        // 1e30 fits float32 but sends AdamW's first step to infinity: every validation loss is NaN.
        var run = CchProcess.Run(dir.Path, "verify", "--example", "gaussian", "--learning-rate", "1e30", "--seeds", "2", "--report", report);

        Assert.Equal(2, run.ExitCode);
        var error = run.StdErr.Split('\n').Single(l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Matches(@"^error: Training the .+ diverged: the validation loss was never finite in \d+ epochs at learning rate 1E\+30\. Try a lower --learning-rate", error);
        Assert.False(File.Exists(report));
        Assert.DoesNotContain("internal error", run.StdErr);
    }
}

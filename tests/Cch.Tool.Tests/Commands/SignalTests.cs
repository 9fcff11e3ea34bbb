using System.Diagnostics;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// Real signals on a real process: SIGINT (Ctrl+C) and SIGTERM (a CI runner or Kubernetes stopping the job) during a
/// long <c>check</c> end it with "cancelled." and exit code 130, and no report is written. (How fast is measured in
/// docs/cli.md, not asserted: the bound here only tells a stop from a finished run, which takes ~25 s.)
/// </summary>
public sealed class SignalTests
{
    [UnixTheory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_during_a_check_cancels_it_with_exit_130_and_writes_nothing(string signal)
    {
        using var dir = new TempFolder();
        var report = dir.File("report.json");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CCH_HEARTBEAT_SECONDS"] = "1";
        foreach (var a in new[]
                 {
                     "exec", Path.Combine(AppContext.BaseDirectory, "dotnet-cch.dll"), "check", "--data", TestPaths.Shared("mnist.parquet"),
                     "--teacher", "pixels", "--student", "pixels", "--student-blur", "2", "--image-shape", "28,28", "--label", "label", "--report", report,
                 })
            start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new System.Text.StringBuilder();
        var estimating = new ManualResetEventSlim();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (e.Data.StartsWith("progress:", StringComparison.Ordinal)) estimating.Set(); // the first heartbeat: the run is under way
        };
        process.BeginErrorReadLine();
        Assert.True(estimating.Wait(TimeSpan.FromSeconds(60)), "the check never printed a heartbeat");
        await Task.Delay(TimeSpan.FromSeconds(4)); // into the read and the estimates; the whole run takes ~25 s

        using (var kill = Process.Start("kill", $"-{signal} {process.Id}")!) kill.WaitForExit();
        var stopped = process.WaitForExit(TimeSpan.FromSeconds(10));
        if (!stopped) process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.True(stopped, $"SIGINT/SIGTERM did not stop the check: {stderr}");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cancelled.", stderr.ToString());
        Assert.Empty(await stdout);
        Assert.False(File.Exists(report));
    }
}

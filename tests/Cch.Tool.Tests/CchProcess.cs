using System.Diagnostics;

namespace Cch.Tool.Tests;

/// <summary>Runs the built <c>dotnet-cch</c> as a separate process, as a user or CI would.</summary>
internal static class CchProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>
    /// Runs the tool in <paramref name="workingDirectory"/> with these environment variables added (a <c>null</c> value
    /// removes one). GitHub Actions' <c>GITHUB_STEP_SUMMARY</c> is always removed first, so that tests run in a workflow
    /// never write to its job summary; a test that wants it sets it.
    /// </summary>
    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "dotnet-cch.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(tool);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet-cch {string.Join(' ', args)} did not finish in 5 minutes.");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, new Dictionary<string, string?>(), args);

    public static Result Run(params string[] args) => Run(Environment.CurrentDirectory, args);
}

using Microsoft.Build.Framework;

namespace Cch.Tasks.Tests;

/// <summary>
/// The MSBuild gate's <c>Execute()</c> against a stand-in for the tool: a shell script that writes a given report
/// and exits with a given code, so each diagnostic (CCH001–CCH004) and message is checked without a real check.
/// </summary>
public sealed class CchCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cch-tasks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A fake tool: prints <paramref name="stderr"/> on standard error, writes <paramref name="report"/> (if any) to --report, exits with <paramref name="exitCode"/>.</summary>
    private string Tool(int exitCode, string? report, string stderr = "")
    {
        var reportFile = Path.Combine(_folder, "fake-report.json");
        if (report is not null) File.WriteAllText(reportFile, report);
        var script = Path.Combine(_folder, "fake-cch");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            while [ "$#" -gt 0 ]; do
              if [ "$1" = "--report" ]; then out="$2"; fi
              shift
            done
            {{(report is null ? "" : $"cp '{reportFile}' \"$out\"")}}
            cat >&2 <<'END'
            {{stderr}}
            END
            exit {{exitCode}}
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    private static string Report(string verdict, double delta, double low, double high, string? reason = null, string? outcome = null) =>
        $$"""
        {
          "verdict": "{{verdict}}",
          "interval": { "level": 0.95 },
          "inputs": [ { "path": "/data/x.parquet" } ],
          "teachers": [ {
            "name": "fac216", "verdict": "{{verdict}}", {{(reason is null ? "" : $"\"reason\": \"{reason}\",")}}
            "delta": { "estimate": {{delta}}, "ciLow": {{low}}, "ciHigh": {{high}} }
            {{(outcome is null ? "" : $", \"verification\": {{ \"outcome\": \"{outcome}\" }}")}}
          } ]
        }
        """;

    private (bool Result, FakeBuildEngine Engine) Run(string tool, string gate = "criterion")
    {
        var engine = new FakeBuildEngine();
        var task = new CchCheck
        {
            BuildEngine = engine,
            ConfigFile = Path.Combine(_folder, "cch.json"),
            ReportPath = Path.Combine(_folder, "report.json"),
            CchToolPath = tool,
            Gate = gate,
        };
        return (task.Execute(), engine);
    }

    [UnixFact]
    public void A_pass_prints_one_high_importance_line_with_the_verdict_delta_and_report()
    {
        var (ok, engine) = Run(Tool(0, Report("pass", 0.5, 0.25, 0.75)));

        Assert.True(ok);
        Assert.Empty(engine.Errors);
        var line = Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High && m is not TaskCommandLineEventArgs);
        Assert.Contains("Cch: pass", line.Message);
        Assert.Contains("teacher 'fac216': Δ = 0.500 nats, 95% interval [0.250, 0.750]", line.Message);
        Assert.Contains("report.json", line.Message);
    }

    [UnixFact]
    public void A_fail_is_CCH001()
    {
        var (ok, engine) = Run(Tool(1, Report("fail", -0.5, -0.75, -0.25)));

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CCH001", error.Code);
        Assert.Contains("[-0.750, -0.250]", error.Message);
    }

    [UnixFact]
    public void An_inconclusive_verdict_is_CCH002_an_error_when_it_fails_the_gate_and_a_warning_otherwise()
    {
        var (failed, failing) = Run(Tool(1, Report("inconclusive", 0.1, -0.2, 0.4, reason: "estimators-disagree")));
        var (passed, warning) = Run(Tool(0, Report("inconclusive", 0.1, -0.2, 0.4)));

        Assert.False(failed);
        Assert.Equal("CCH002", Assert.Single(failing.Errors).Code);
        Assert.Contains("estimators-disagree", failing.Errors[0].Message);
        Assert.True(passed);
        Assert.Equal("CCH002", Assert.Single(warning.Warnings).Code);
    }

    [UnixFact]
    public void A_verified_outcome_that_is_not_kd_helps_is_CCH004_under_the_verified_gate()
    {
        var (ok, engine) = Run(Tool(1, Report("pass", 0.5, 0.25, 0.75, outcome: "kd-hurts")), gate: "verified");

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CCH004", error.Code);
        Assert.Contains("hurts", error.Message);
    }

    [UnixFact]
    public void A_tool_that_fails_with_an_error_is_CCH003_with_its_message()
    {
        var (ok, engine) = Run(Tool(2, null, "error: /data/x.parquet, column 'fac216': column not found."));

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CCH003", error.Code);
        Assert.Contains("column 'fac216': column not found.", error.Message);
    }

    [UnixFact]
    public void A_tool_that_is_not_installed_says_to_restore_the_tools_and_shows_what_dotnet_said()
    {
        // What `dotnet cch` prints when the local tool manifest names the tool but it was never restored.
        var (ok, engine) = Run(Tool(1, null, "Run \"dotnet tool restore\" to make the \"cch\" command available."));

        Assert.False(ok);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CCH003", error.Code);
        Assert.StartsWith("the Cch tool is not restored: run `dotnet tool restore`", error.Message);
        Assert.DoesNotContain("exited with code", error.Message); // reads like a criterion failure
        Assert.Contains("to make the \"cch\" command available", error.Message);
    }
}

using Cch.Tool.Commands;
using Cch.Tests;
using System.Text.Json.Nodes;
using Cch.Reports;

namespace Cch.Tool.Tests.Commands;

public sealed class CheckCommandTests
{
    [Fact]
    public void The_gaussian_example_passes_writes_a_schema_valid_report_and_prints_the_closed_forms()
    {
        using var dir = new TempFolder();
        var report = dir.File("report.json");

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--report", report);

        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        Assert.Contains("aligned", run.StdOut);
        Assert.Contains("label-only", run.StdOut);
        Assert.Contains("exact", run.StdOut);
        var json = File.ReadAllText(report);
        SchemaAssert.Valid("cch-report.schema.json", json);
        var parsed = ReportWriter.FromJson(json);
        Assert.Equal("aligned", parsed.BestTeacher);
        Assert.Equal(Cch.Criterion.Verdict.Pass, parsed.Teachers.Single(t => t.Name == "aligned").Verdict);
        Assert.Equal(Cch.Criterion.Verdict.Fail, parsed.Teachers.Single(t => t.Name == "label-only").Verdict);
        Assert.NotNull(parsed.Teachers[0].ClosedForm);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_apart_from_timings()
    {
        using var dir = new TempFolder();
        var a = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--seed", "7", "--replicates", "4", "--format", "json");
        var b = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--seed", "7", "--replicates", "4", "--format", "json");
        var c = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--seed", "8", "--replicates", "4", "--format", "json");

        Assert.Equal(WithoutTimings(a.StdOut), WithoutTimings(b.StdOut));
        Assert.NotEqual(WithoutTimings(a.StdOut), WithoutTimings(c.StdOut));
    }

    [Fact]
    public void Fail_on_inconclusive_turns_an_inconclusive_verdict_into_exit_code_1()
    {
        using var dir = new TempFolder();
        var first = JsonNode.Parse(CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--estimator", "gaussian", "--format", "json").StdOut)!;
        var margin = first["teachers"]![0]!["delta"]!["estimate"]!.GetValue<double>().ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        var tolerated = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--estimator", "gaussian", "--margin", margin, "--format", "json");
        var gated = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--estimator", "gaussian", "--margin", margin, "--fail-on", "inconclusive", "--format", "json");

        Assert.Equal("inconclusive", JsonNode.Parse(tolerated.StdOut)!["verdict"]!.GetValue<string>());
        Assert.Equal(0, tolerated.ExitCode);
        Assert.Equal(1, gated.ExitCode);
    }

    [Fact]
    public void A_margin_above_every_delta_fails_with_exit_code_1()
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--estimator", "gaussian", "--margin", "5", "--format", "markdown");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("**fail**", run.StdOut);
    }

    [Theory]
    [InlineData("check", "--bogus")]
    [InlineData("check", "--example", "nope")]
    [InlineData("check", "--example", "gaussian", "--k", "0")]
    [InlineData("check", "--example", "gaussian", "--confidence", "1.5")]
    [InlineData("check", "--example", "gaussian", "--estimator", "knn")]
    [InlineData("check", "--teacher", "t", "--label", "y")]
    [InlineData("check", "--data", "/nonexistent/data.parquet", "--teacher", "t", "--student", "s", "--label", "y")]
    [InlineData("check", "--example", "gaussian", "--teacher", "t")]
    [InlineData("check", "--example", "gaussian", "--seed", "abc")]
    [InlineData("check", "--example", "gaussian", "--replicates", "1")]
    [InlineData("check", "--example", "gaussian", "--max-rows", "500")]
    [InlineData("check", "--data", "x.parquet", "--teacher", "t", "--student", "s", "--label", "y", "--max-rows", "1")]
    [InlineData("check", "--data", "x.parquet", "--teacher", "t", "--student", "s", "--label", "y", "--max-rows", "-5")]
    [InlineData("check", "--data", "x.parquet", "--teacher", "t", "--student", "s", "--label", "y", "--max-rows", "lots")]
    [InlineData("check", "--data", "x.parquet", "--teacher", "t", "--student", "s", "--label", "y", "--max-rows", "99999999999")]
    [InlineData("check", "--data", "x.parquet", "--teacher", "t", "--student", "t", "--label", "y", "--student-blur", "2")]
    [InlineData("check", "--data", "x.parquet", "--teacher", "t", "--student", "t", "--label", "y", "--student-blur", "-1", "--image-shape", "28,28")]
    public void Usage_and_input_errors_exit_with_code_2_and_write_no_report(params string[] args)
    {
        using var dir = new TempFolder();
        var report = dir.File("report.json");

        var run = CchProcess.Run(dir.Path, [.. args, "--report", report]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.StdErr);
        Assert.DoesNotContain("System.", run.StdErr);
        Assert.False(File.Exists(report));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("Usage:", "dotnet-cch [command] [options]")]
    [InlineData("Usage:", "dotnet-cch [command] [options]", "help")]
    [InlineData("Usage:", "dotnet cch check [options]", "help", "check")]
    public void Cch_alone_or_help_shows_the_help_and_exits_0(string heading, string usage, params string[] args)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(heading, run.StdOut);
        Assert.Contains(usage, run.StdOut);
        Assert.Empty(run.StdErr);
    }

    [Theory]
    [InlineData("error: Unrecognized command or argument 'bogus'.", "bogus")]
    [InlineData("error: 'help bogus': there is no command 'bogus'; the commands are check, verify, encode, mi, merge, reproduce, init.", "help", "bogus")]
    public void An_unknown_command_gets_one_error_naming_it_and_exit_2(string error, params string[] args)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error, run.StdErr.Split('\n')[0].TrimEnd('\r'));
        Assert.Single(run.StdErr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Empty(run.StdOut);
    }

    [Theory]
    [InlineData("mi")]
    [InlineData("encode")]
    [InlineData("reproduce")]
    [InlineData("merge")]
    [InlineData("check")]
    public void Every_command_s_help_lists_the_exit_codes_for_bugs_and_cancelling(string command)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 input error", run.StdOut);
        Assert.Contains("3 internal error (a bug), 130 cancelled", run.StdOut);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("verify")]
    public void Check_help_groups_every_option_once_and_ends_with_examples(string command)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, command, "--help");

        Assert.Equal(0, run.ExitCode);
        string[] groups = ["Inputs:", "Degrading and encoding the inputs:", "Criterion:", "Output:", "Verification", "Compute and scale:", "General:", "Examples:"];
        var positions = groups.Select(g => run.StdOut.IndexOf("\n" + g, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0, run.StdOut));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain("Other options:", run.StdOut);
        foreach (var option in command == "check" ? CheckCommand.Create().Options : CheckCommand.CreateVerify().Options)
        {
            var rows = System.Text.RegularExpressions.Regex.Matches(run.StdOut, $@"^  (-\S+, )*{System.Text.RegularExpressions.Regex.Escape(option.Name)}( <|\s|$)", System.Text.RegularExpressions.RegexOptions.Multiline);
            Assert.True(rows.Count == 1, $"{option.Name} is listed {rows.Count} times");
        }

        Assert.Contains("  --verbose", run.StdOut); // the root's recursive option, under General
        var examples = run.StdOut[run.StdOut.IndexOf("\nExamples:", StringComparison.Ordinal)..];
        Assert.Contains($"  dotnet cch {command} ", examples);
    }

    [Fact]
    public void Encode_help_gives_each_default_once()
    {
        using var dir = new TempFolder();

        var help = CchProcess.Run(dir.Path, "encode", "--help").StdOut;

        Assert.Contains("[default: 256]", help);
        Assert.DoesNotContain("(default 256", help);
        Assert.DoesNotContain("(default: representation)", help);
        Assert.DoesNotContain("intra-op threads (default 1)", help);
    }

    [Fact]
    public void A_where_column_in_no_file_and_a_blur_without_a_shape_say_so_once()
    {
        using var dir = new TempFolder();
        var data = TestPaths.Shared("handwritten.parquet");

        var where = CchProcess.Run(dir.Path, "check", "--data", data, "--teacher", "fac216", "--student", "mor6", "--label", "label", "--where", "fold=1");
        var blur = CchProcess.Run(dir.Path, "check", "--data", data, "--teacher", "fac216", "--student", "fac216", "--label", "label", "--student-blur", "2");

        Assert.Equal(2, where.ExitCode);
        Assert.Contains("error: column 'fold': --where fold=1: the column is in none of the input files (handwritten.parquet).", where.StdErr);
        Assert.Equal(2, blur.ExitCode);
        Assert.Contains("the shape each row was stored in row-major.", blur.StdErr);
        Assert.DoesNotContain("got ''", blur.StdErr);
    }

    [Theory]
    [InlineData("--seed", "99999999999")]
    [InlineData("--seed", "-2147483649")]
    [InlineData("--replicates", "3000000000")]
    public void A_whole_number_out_of_range_says_so_and_gives_the_range(string option, string value)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option}: '{value}' is not in range: expected a whole number from -2,147,483,648 to 2,147,483,647.", run.StdErr);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1001")]
    [InlineData("100000000")] // once allocated half-sample indices until the kernel killed the process, deaf to SIGTERM
    public void Replicates_outside_2_to_1000_exit_2_with_the_range_before_any_work(string value)
    {
        using var dir = new TempFolder();
        var report = dir.File("r.json");

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--replicates", value, "--report", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--replicates {value}: expected 2 to 1,000 half-samples", run.StdErr);
        Assert.False(File.Exists(report));
    }

    [Theory]
    [InlineData("check", "--example", "gaussian", "--threads", "1025")]
    [InlineData("verify", "--example", "gaussian", "--threads", "100000")]
    [InlineData("reproduce", "gaussian", "--quick", "--threads", "100000")]
    public void Threads_beyond_1024_exit_2_with_the_range(params string[] args)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected 1 to 1,024 CPU threads", run.StdErr);
    }

    [LinuxFact] // /proc
    public void A_report_in_a_directory_that_takes_no_new_file_names_the_directory_not_an_internal_file()
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--report", "/proc/version");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no new file can be created in /proc", run.StdErr);
        Assert.DoesNotContain(".probe", run.StdErr);
        Assert.Empty(run.StdOut);
    }

    [LinuxFact]
    public void A_report_path_that_is_a_fifo_is_refused_before_any_work_and_left_a_fifo()
    {
        using var dir = new TempFolder();
        var fifo = dir.File("pipe");
        System.Diagnostics.Process.Start("mkfifo", fifo)!.WaitForExit();

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--report", fifo);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a regular file", run.StdErr);
        Assert.Empty(run.StdOut);
        Assert.Equal(0, new FileInfo(fifo).Length);
    }

    [Fact]
    public void Warnings_go_to_standard_error_and_into_the_report_whatever_the_format()
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--replicates", "4", "--format", "json");

        Assert.Contains("warning:", run.StdErr);
        Assert.Contains("only 4 half-samples", run.StdErr);
        Assert.Contains("only 4 half-samples", JsonNode.Parse(run.StdOut)!["warnings"]![0]!.GetValue<string>());
    }

    [Fact]
    public void A_config_with_an_unknown_key_exits_with_code_2_naming_the_key()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("cch.json"), """{ "teachers": ["t"], "studnet": "s" }""");

        var run = CchProcess.Run(dir.Path, "check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown key 'studnet'", run.StdErr);
        Assert.Contains("cch.json", run.StdErr);
    }

    [Fact]
    public void Options_in_the_config_are_used_and_the_command_line_overrides_them()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("my.json"), """{ "seed": 3, "replicates": 3, "margin": 5, "format": "json" }""");

        var fromFile = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--config", "my.json", "--estimator", "gaussian");
        var overridden = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--config", "my.json", "--estimator", "gaussian", "--margin", "-5");

        var a = JsonNode.Parse(fromFile.StdOut)!;
        Assert.Equal(3, a["seed"]!.GetValue<int>());
        Assert.Equal(3, a["interval"]!["replicates"]!.GetValue<int>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(dir.File("my.json")))), a["invocation"]!["configSha256"]!.GetValue<string>());
        Assert.Equal(1, fromFile.ExitCode);
        Assert.Equal(0, overridden.ExitCode);
    }

    private static string WithoutTimings(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("timings");
        node.Remove("invocation");
        return node.ToJsonString();
    }
}

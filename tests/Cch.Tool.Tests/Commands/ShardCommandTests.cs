using System.Text.Json.Nodes;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary><c>check --shard i/N</c> and <c>merge</c> as a user runs them: exit codes, files written or not, schemas.</summary>
public sealed class ShardCommandTests
{
    internal static string WithoutTimings(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("timings");
        node.Remove("invocation");
        return node.ToJsonString();
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("0/0")]
    [InlineData("-1/2")]
    [InlineData("a/b")]
    [InlineData("2/2")]
    public void A_bad_shard_spec_exits_2_and_writes_nothing(string spec)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--shard", spec, "--report", dir.File("parts/part.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: --shard '{spec}'", run.StdErr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("no report", new string[0])]
    [InlineData("--html", new[] { "--report", "part.json", "--html", "part.html" })]
    [InlineData("--format", new[] { "--report", "part.json", "--format", "json" })]
    [InlineData("--verify", new[] { "--report", "part.json", "--verify" })]
    public void A_shard_without_a_part_path_or_with_final_report_options_exits_2_and_writes_nothing(string _, string[] extra)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, ["check", "--example", "gaussian", "--shard", "0/2", .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.StdErr.TrimStart());
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Three_shards_merged_give_the_report_of_one_run_and_its_exit_code()
    {
        using var dir = new TempFolder();
        string[] check = ["check", "--example", "gaussian", "--seed", "4", "--replicates", "6"];
        var single = CchProcess.Run(dir.Path, [.. check, "--report", "single.json"]);
        for (var i = 0; i < 3; i++)
        {
            var shard = CchProcess.Run(dir.Path, [.. check, "--shard", $"{i}/3", "--report", $"parts/part-{i}.json"]);
            Assert.True(shard.ExitCode == 0, shard.StdErr + shard.StdOut);
            Assert.Contains($"shard {i}/3: computed", shard.StdOut);
            SchemaAssert.Valid("cch-partial.schema.json", File.ReadAllText(dir.File($"parts/part-{i}.json")));
        }

        var merge = CchProcess.Run(dir.Path, "merge", "parts/part-1.json", "parts/part-0.json", "parts/part-2.json", "--report", "merged.json", "--html", "merged.html");

        Assert.True(merge.ExitCode == single.ExitCode, merge.StdErr + merge.StdOut);
        var merged = File.ReadAllText(dir.File("merged.json"));
        SchemaAssert.Valid("cch-report.schema.json", merged);
        Assert.Equal(WithoutTimings(File.ReadAllText(dir.File("single.json"))), WithoutTimings(merged));
        Assert.True(File.Exists(dir.File("merged.html")));
        Assert.Contains("aligned", merge.StdOut); // the text summary, as check prints it
    }

    [Fact]
    public void Merge_with_a_shard_missing_exits_2_and_writes_no_report()
    {
        using var dir = new TempFolder();
        for (var i = 0; i < 3; i += 2)
            Assert.Equal(0, CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--replicates", "4", "--shard", $"{i}/3", "--report", $"part-{i}.json").ExitCode);

        var merge = CchProcess.Run(dir.Path, "merge", "part-0.json", "part-2.json", "--report", "report.json");

        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("shard 1/3 of the run is missing", merge.StdErr);
        Assert.False(File.Exists(dir.File("report.json")));
    }

    [Fact]
    public void Merge_refuses_a_report_path_that_names_a_part()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--replicates", "4", "--shard", "0/1", "--report", "part-0.json").ExitCode);
        var before = File.ReadAllText(dir.File("part-0.json"));

        var merge = CchProcess.Run(dir.Path, "merge", "part-0.json", "--report", "part-0.json");

        Assert.Equal(2, merge.ExitCode);
        Assert.Equal(before, File.ReadAllText(dir.File("part-0.json")));
    }
}

using System.Text.Json.Nodes;
using Cch.Checking;
using Cch.Configuration;
using Cch.Data;
using Cch.Reports;
using Cch.Sharding;

namespace Cch.Tests.Sharding;

/// <summary>
/// <c>check --shard i/N</c> then <c>merge</c> in process: the merged report equals one run's (timings aside), and
/// parts that do not belong together are refused with a message naming the file.
/// </summary>
public sealed class ShardMergeTests
{
    private static CheckSettings Example(int seed = 0, int replicates = 4) =>
        CheckSettings.From(new CchConfig { Seed = seed, Replicates = replicates }, "gaussian");

    /// <summary>Runs the shards and writes their parts as the tool does; returns the paths.</summary>
    private static async Task<List<string>> Shards(TempFolder dir, CheckSettings settings, int count, string prefix = "part")
    {
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var part = await CheckRunner.RunShardAsync(settings, new ShardSpec(i, count));
            var path = dir.Write($"{prefix}-{i}.json", ReportWriter.ToJson(part));
            paths.Add(path);
        }

        return paths;
    }

    private static string WithoutTimings(CchReport report)
    {
        var node = JsonNode.Parse(ReportWriter.ToJson(report))!.AsObject();
        node.Remove("timings");
        node.Remove("invocation");
        return node.ToJsonString();
    }

    [Fact]
    public async Task Merging_three_parts_gives_the_report_of_one_run_with_the_same_seed()
    {
        using var dir = new TempFolder();
        var settings = Example(seed: 2);
        var single = await CheckRunner.RunAsync(settings);
        var paths = await Shards(dir, settings, 3);

        // In any order.
        var parts = ShardMerge.Combine([paths[2], paths[0], paths[1]]);
        var merged = await CheckRunner.MergeAsync(ShardMerge.Settings(parts, null, null, null, dir.Path), parts);

        Assert.Equal(WithoutTimings(single.Report), WithoutTimings(merged.Report));
        Assert.Equal(single.ExitCode, merged.ExitCode);
        // The merged timings add up the shards' estimate times; they are not the merge's own.
        Assert.True(merged.Report.Timings.IntervalSeconds > 0);
    }

    [Fact]
    public async Task A_part_from_another_seed_is_refused_naming_both_files()
    {
        using var dir = new TempFolder();
        var a = await Shards(dir, Example(seed: 0), 2, "a");
        var b = await Shards(dir, Example(seed: 1), 2, "b");

        var e = Assert.Throws<CchInputException>(() => ShardMerge.Combine([a[0], b[1]]));

        Assert.Equal($"{b[1]}: this part is shard 1/2 of a run with seed 1, a-0.json of seed 0: merge only the shards of one run.", e.Message);
        Assert.Equal(b[1], e.File);
    }

    [Fact]
    public async Task Parts_of_other_settings_a_missing_or_repeated_shard_or_another_count_are_refused()
    {
        using var dir = new TempFolder();
        var parts = await Shards(dir, Example(), 3);
        var other = await Shards(dir, Example(replicates: 5), 3, "other");
        var two = await Shards(dir, Example(), 2, "two");

        var settings = Assert.Throws<CchInputException>(() => ShardMerge.Combine([parts[0], other[1], parts[2]]));
        Assert.Contains("other settings than part-0.json (replicates: 5 in other-1.json, 4 in part-0.json)", settings.Message);
        var missing = Assert.Throws<CchInputException>(() => ShardMerge.Combine([parts[0], parts[2]]));
        Assert.Contains("shard 1/3 of the run is missing (given: part-0.json = 0/3, part-2.json = 2/3)", missing.Message);
        var twice = Assert.Throws<CchInputException>(() => ShardMerge.Combine([parts[0], parts[1], parts[1], parts[2]]));
        Assert.Contains("shard 1/3 is given twice: part-1.json and part-1.json", twice.Message);
        var count = Assert.Throws<CchInputException>(() => ShardMerge.Combine([parts[0], two[1]]));
        Assert.Contains("two-1.json: this part is shard 1/2 of a run with 2 shards, part-0.json of 3 (0/3)", count.Message);
    }

    [Fact]
    public async Task A_part_of_another_version_or_other_inputs_is_refused()
    {
        using var dir = new TempFolder();
        var parts = await Shards(dir, Example(), 2);
        var node = JsonNode.Parse(File.ReadAllText(parts[1]))!.AsObject();
        node["toolVersion"] = "0.0.1-old";
        var old = dir.Write("old-1.json", node.ToJsonString());
        node = JsonNode.Parse(File.ReadAllText(parts[1]))!.AsObject();
        node["inputs"] = new JsonArray(new JsonObject { ["path"] = "/data/x.parquet", ["rows"] = 10, ["sha256"] = "ab" });
        var inputs = dir.Write("inputs-1.json", node.ToJsonString());

        var version = Assert.Throws<CchInputException>(() => ShardMerge.Combine([parts[0], old]));
        Assert.Equal($"this part was written by cch 0.0.1-old, and this is cch {ToolInfo.Version}: run the shards and the merge with the same version.", version.Reason);
        Assert.Equal(old, version.File);
        var other = Assert.Throws<CchInputException>(() => ShardMerge.Combine([parts[0], inputs]));
        Assert.Contains("inputs-1.json: this part is shard 1/2 of a run with other inputs than part-0.json (it also read /data/x.parquet)", other.Message);
    }

    [Theory]
    [InlineData("results", "results")]
    [InlineData("results/0", "results[0]")]
    [InlineData("results/0/estimate", "results[0].estimate")]
    [InlineData("results/0/key", "results[0].key")]
    [InlineData("inputs", "inputs")]
    [InlineData("shard", "shard")]
    [InlineData("settings", "settings")]
    [InlineData("toolVersion", "toolVersion")]
    public async Task A_part_with_a_null_where_a_value_belongs_is_an_input_error_naming_the_field(string pointer, string field)
    {
        using var dir = new TempFolder();
        var paths = await Shards(dir, Example(seed: 3), 2);
        var node = JsonNode.Parse(File.ReadAllText(paths[1]))!;
        var steps = pointer.Split('/');
        var parent = node;
        foreach (var step in steps[..^1]) parent = int.TryParse(step, out var i) ? parent[i]! : parent[step]!;
        if (int.TryParse(steps[^1], out var last)) parent.AsArray()[last] = null;
        else parent.AsObject()[steps[^1]] = null;
        File.WriteAllText(paths[1], node.ToJsonString());

        var e = Assert.Throws<CchInputException>(() => ShardMerge.Combine(paths));

        Assert.Equal(paths[1], e.File);
        Assert.Contains($"{field} is null or missing", e.Message);
    }

    [Fact]
    public async Task A_replayed_estimate_without_its_own_interval_is_refused()
    {
        using var dir = new TempFolder();
        var settings = CheckSettings.From(new CchConfig { Seed = 1, Estimator = "copula" }, "gaussian");
        var paths = await Shards(dir, settings, 1);
        var node = JsonNode.Parse(File.ReadAllText(paths[0]))!;
        foreach (var unit in node["results"]!.AsArray()) unit!["estimate"]!.AsObject()["interval"] = null;
        File.WriteAllText(paths[0], node.ToJsonString());
        var parts = ShardMerge.Combine(paths);

        var e = await Assert.ThrowsAsync<CchInputException>(() => CheckRunner.MergeAsync(ShardMerge.Settings(parts, null, null, null, dir.Path), parts));

        Assert.Contains("without the estimator's own interval", e.Message);
    }

    [Fact]
    public async Task A_final_report_or_a_broken_file_is_not_taken_for_a_part()
    {
        using var dir = new TempFolder();
        var report = dir.Write("report.json", ReportWriter.ToJson((await CheckRunner.RunAsync(Example())).Report));
        var broken = dir.Write("broken.json", "{ \"kind\": \"cch-partial\", \"toolVersion\": ");

        Assert.Contains("report.json: this is not a partial report", Assert.Throws<CchInputException>(() => ShardMerge.Combine([report])).Message);
        Assert.Contains("broken.json: this part is not JSON", Assert.Throws<CchInputException>(() => ShardMerge.Combine([broken])).Message);
        Assert.Contains("none.json: no such part", Assert.Throws<CchInputException>(() => ShardMerge.Combine([dir.File("none.json")])).Message);
    }

    [Fact]
    public void Inputs_that_changed_since_the_shards_read_them_are_refused()
    {
        var parts = new MergedParts
        {
            Paths = [],
            Settings = new CchConfig(),
            Inputs = [new InputReport("/data/a.parquet", 100, "aaaaaaaaaaaaaaaaaaaa")],
            Units = 0,
            Results = [],
        };

        parts.RequireInputs([new InputFileInfo("/data/a.parquet", 100, "AAAAAAAAAAAAAAAAAAAA")]); // hex case does not matter
        var changed = Assert.Throws<CchInputException>(() => parts.RequireInputs([new InputFileInfo("/data/a.parquet", 100, "bbbbbbbbbbbbbbbbbbbb")]));
        Assert.Contains("/data/a.parquet has changed since the shards read it", changed.Message);
        Assert.Equal("/data/a.parquet", changed.File);
        Assert.Throws<CchInputException>(() => parts.RequireInputs([new InputFileInfo("/data/b.parquet", 100, "aaaaaaaaaaaaaaaaaaaa")]));
    }

    [Fact]
    public async Task Sharding_refuses_verify()
    {
        var settings = CheckSettings.From(new CchConfig { Verify = true }, "gaussian");

        var e = await Assert.ThrowsAsync<CchInputException>(() => CheckRunner.RunShardAsync(settings, new ShardSpec(0, 2)));

        Assert.Contains("--verify's training seeds are not sharded", e.Message);
    }
}

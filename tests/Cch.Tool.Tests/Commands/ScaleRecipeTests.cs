using System.Text.RegularExpressions;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// The recipes in <c>docs/recipes/</c> (docs/scale.md), run here: their <c>dotnet cch check … --shard</c> and
/// <c>dotnet cch merge</c> lines are taken from the files, the shard index put in for each of the recipe's shards,
/// and the merged report compared with one unsharded run; and <c>scripts/shard-local.sh</c>, which does the same
/// on one machine.
/// </summary>
public sealed partial class ScaleRecipeTests
{
    /// <summary>A small run on the shared real data: two teachers, the KSG estimator (half-sampled), 4 half-samples.</summary>
    private static string WriteConfig(TempFolder dir) => dir.Write("cch.json", $$"""
        {
          "data": "{{TestPaths.Shared("handwritten.parquet").Replace("\\", "\\\\")}}",
          "teachers": ["kar64", "zer47"],
          "student": "mor6",
          "label": "label",
          "where": ["split=train"],
          "estimator": "ksg",
          "replicates": 4
        }
        """);

    [Theory]
    [InlineData("github-actions-sharded.yml", "${{ matrix.shard }}")]
    [InlineData("kubernetes-indexed-job.yaml", "${JOB_COMPLETION_INDEX}")]
    public void The_recipes_command_lines_shard_and_merge_into_the_report_of_one_run(string recipe, string index)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "recipes", recipe));
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToList();
        var check = Assert.Single(lines, l => l.Contains("dotnet cch check", StringComparison.Ordinal));
        var merge = Assert.Single(lines, l => l.Contains("dotnet cch merge", StringComparison.Ordinal));
        string Shard(int i) => check.Replace(index, i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var count = int.Parse(ShardCount().Match(Shard(0)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The recipe's own count of shards agrees with --shard: the matrix's entries, the Job's completions and the merge's wait.
        if (recipe.StartsWith("github", StringComparison.Ordinal))
            Assert.Contains($"shard: [{string.Join(", ", Enumerable.Range(0, count))}]", text);
        else
        {
            Assert.Contains($"completions: {count}\n", text);
            Assert.Contains($"-ge {count} ]", text);
        }

        using var dir = new TempFolder();
        WriteConfig(dir);
        Directory.CreateDirectory(dir.File("parts"));
        for (var i = 0; i < count; i++)
        {
            var args = Arguments(Shard(i));
            var shard = CchProcess.Run(dir.Path, args);
            Assert.True(shard.ExitCode == 0, $"{string.Join(' ', args)}\n{shard.StdErr}{shard.StdOut}");
        }

        var mergeArgs = Arguments(merge).SelectMany<string, string>(a => a.Contains('*') ? Directory.GetFiles(Path.Combine(dir.Path, Path.GetDirectoryName(a)!), Path.GetFileName(a)).Order(StringComparer.Ordinal) : [a]).ToArray();
        Assert.Equal(count, mergeArgs.Count(a => a.EndsWith(".json", StringComparison.Ordinal) && a.Contains("part-", StringComparison.Ordinal)));
        var merged = CchProcess.Run(dir.Path, mergeArgs);
        var single = CchProcess.Run(dir.Path, "check", "--config", "cch.json", "--report", "single.json");

        Assert.True(merged.ExitCode == single.ExitCode, merged.StdErr + merged.StdOut);
        Assert.Equal(
            ShardCommandTests.WithoutTimings(File.ReadAllText(dir.File("single.json"))),
            ShardCommandTests.WithoutTimings(File.ReadAllText(Path.Combine(dir.Path, mergeArgs[Array.IndexOf(mergeArgs, "--report") + 1]))));
    }

    [Fact]
    public void Shard_local_runs_the_shards_and_the_merge_into_the_report_of_one_run()
    {
        using var dir = new TempFolder();
        var tool = $"dotnet exec {Path.Combine(AppContext.BaseDirectory, "dotnet-cch.dll")}";
        var script = Path.Combine(TestPaths.RepoRoot, "scripts", "shard-local.sh");

        var run = Bash(dir.Path, tool, script, "3", "parts", "merged.json", "--example", "gaussian", "--replicates", "4");
        var single = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--replicates", "4", "--report", "single.json");

        Assert.True(run.ExitCode == single.ExitCode, run.StdErr + run.StdOut);
        Assert.Equal(3, Directory.GetFiles(dir.File("parts"), "part-*.json").Length);
        Assert.Equal(ShardCommandTests.WithoutTimings(File.ReadAllText(dir.File("single.json"))), ShardCommandTests.WithoutTimings(File.ReadAllText(dir.File("merged.json"))));
    }

    /// <summary>The words after <c>dotnet cch</c>, with the recipes' absolute <c>/parts/</c> made relative to the test's folder.</summary>
    private static string[] Arguments(string line)
    {
        var command = line[(line.IndexOf("dotnet cch ", StringComparison.Ordinal) + "dotnet cch ".Length)..];
        return command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace("/parts/", "parts/", StringComparison.Ordinal)).ToArray();
    }

    private static CchProcess.Result Bash(string workingDirectory, string tool, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CCH"] = tool;
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/shard-local.sh did not finish in 5 minutes.");
        }

        return new CchProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"--shard \S+/(\d+)")]
    private static partial Regex ShardCount();
}

using System.Text.Json.Nodes;
using Cch.Tests;

namespace Cch.Integration.Tests;

/// <summary>The packed tool, installed into a tool path, works as a user would run it.</summary>
[Collection(PackedCchCollection.Name)]
public sealed class InstalledToolTests(PackedCch packed)
{
    [Fact]
    public void The_packages_share_one_unique_prerelease_version()
    {
        var names = Directory.GetFiles(packed.Feed, "*.nupkg").Select(Path.GetFileName).Order().ToList();

        Assert.Contains($"Cch.Tool.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.Tool.linux-x64.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.MSBuild.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.Core.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.Templates.{packed.Version}.nupkg", names);
        Assert.Matches(@"^0\.1\.0-dev\.\d{14}$", packed.Version);
        Assert.All(names, n => Assert.EndsWith($".{packed.Version}.nupkg", n));
        Assert.Contains($"Cch.Core.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.Templates.{packed.Version}.nupkg", names);
        Assert.All(Directory.GetFiles(packed.Feed, "*.nupkg"), f => Assert.InRange(new FileInfo(f).Length, 1, 250L * 1000 * 1000));
    }

    [Fact]
    public void The_installed_tool_checks_real_data()
    {
        using var dir = new TempFolder();
        var report = dir.File("report.json");

        var run = Shell.Run(packed.Tool, dir.Path, packed.Environment, "check", "--data", TestPaths.Shared("handwritten.parquet"),
            "--teacher", "fac216", "--student", "zer47", "--label", "label", "--where", "split=train", "--report", report);

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.Equal(1400, json["n"]!.GetValue<int>());
        Assert.Equal(packed.Version, json["toolVersion"]!.GetValue<string>());
    }

    [Fact]
    public void The_installed_tool_finds_libtorch_and_verifies()
    {
        using var dir = new TempFolder();

        var run = Shell.Run(packed.Tool, dir.Path, packed.Environment, "verify", "--example", "gaussian", "--seeds", "2", "--max-epochs", "10", "--replicates", "4", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"verification\"", run.Output);
    }

    [Fact]
    public void The_installed_tool_finds_skia_and_writes_the_html_report()
    {
        using var dir = new TempFolder();
        var page = dir.File("report.html");

        var run = Shell.Run(packed.Tool, dir.Path, packed.Environment, "check", "--example", "gaussian", "--replicates", "4", "--html", page);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(page), "<svg ").Count);
    }

    [Fact]
    public void The_installed_tool_finds_onnx_runtime_and_encodes()
    {
        using var dir = new TempFolder();
        var model = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "models", "mnist-8.onnx"));
        var reps = dir.File("reps.parquet");

        var run = Shell.Run(packed.Tool, dir.Path, packed.Environment, "encode", "--encoder", model, "--input", TestPaths.Shared("mnist.parquet") + ":pixels",
            "--key", "id", "--input-scale", "1/255", "--where", "label=7", "--out", reps);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(new FileInfo(reps).Length > 0);
    }
}

using System.Text.Json.Nodes;
using Cch.Tests;

namespace Cch.Integration.Tests;

/// <summary>The packed tool, installed into a tool path, works as a user would run it.</summary>
[Collection(PackedCchCollection.Name)]
public sealed class InstalledToolTests(PackedCch packed)
{
    [Fact]
    public void The_packages_share_one_unique_prerelease_version_above_the_release_the_repositorys_manifest_pins()
    {
        var names = CchPackages();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, ".config", "dotnet-tools.json")))!;
        var pinned = manifest["tools"]!["cch.tool"]!["version"]!.GetValue<string>();

        Assert.Contains($"Cch.Tool.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.Tool.linux-x64.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.MSBuild.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.Core.{packed.Version}.nupkg", names);
        Assert.Contains($"Cch.Templates.{packed.Version}.nupkg", names);
        Assert.Matches(@"^0\.1\.1-dev\.\d{14}$", packed.Version);
        Assert.All(names, n => Assert.EndsWith($".{packed.Version}.nupkg", n));
        // A prerelease of a higher patch sorts above the pinned release (SemVer 2.0.0 §11), so
        // `dotnet tool update --local` moves the manifest from the release to this pack.
        Assert.True(Version.Parse(packed.Version.Split('-')[0]) > Version.Parse(pinned), $"{packed.Version} is not above the manifest's {pinned}");
        Assert.All(names, n => Assert.InRange(new FileInfo(Path.Combine(packed.Feed, n)).Length, 1, 250L * 1000 * 1000));
    }

    [Fact]
    public void A_pack_deletes_older_Cch_packages_from_its_output_folder_and_keeps_other_packages()
    {
        var files = Directory.GetFiles(packed.Feed).Select(Path.GetFileName).ToList();

        Assert.All(PackedCch.StalePackages, stale => Assert.DoesNotContain(stale, files));
        Assert.Contains(PackedCch.ForeignPackage, files);
        Assert.All(files.Where(f => f != PackedCch.ForeignPackage), f => Assert.EndsWith($".{packed.Version}.nupkg", f)); // one current set
    }

    [Fact]
    public void The_readmes_local_manifest_update_pins_this_pack_and_dotnet_cch_runs_it()
    {
        // A clone after `dotnet pack -c Release`: the repository's manifest as committed, artifacts/ holding one pack.
        using var clone = packed.FolderWithArtifacts();
        Directory.CreateDirectory(clone.File(".config"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, ".config", "dotnet-tools.json"), clone.File(Path.Combine(".config", "dotnet-tools.json")));
        // The README's line is `dotnet pack -c Release && dotnet tool update …`; PackedCch ran the pack.
        var steps = Readme.Line("dotnet tool update --local Cch.Tool").Split(" && ");
        Assert.Equal(["dotnet pack -c Release", "dotnet tool update --local Cch.Tool --prerelease --add-source artifacts"], steps);
        var update = steps[1];

        var updated = Shell.Run("dotnet", clone.Path, packed.Environment, update.Split(' ')[1..]);
        var version = Shell.Run("dotnet", clone.Path, packed.Environment, "cch", "--version");
        var restore = Shell.Run("dotnet", clone.Path, packed.Environment, "tool", "restore");

        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(packed.Version)}(\+[0-9a-f]+)?$", version.Output.Trim());
        var manifest = JsonNode.Parse(File.ReadAllText(clone.File(Path.Combine(".config", "dotnet-tools.json"))))!;
        Assert.Equal(packed.Version, manifest["tools"]!["cch.tool"]!["version"]!.GetValue<string>());
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    [UnixFact]
    public void The_readmes_template_install_command_installs_one_package_without_warnings()
    {
        using var clone = packed.FolderWithArtifacts();
        // The README's line is `dotnet pack -c Release && dotnet new install artifacts/Cch.Templates.*.nupkg && …`.
        var command = Readme.Line("dotnet new install artifacts/").Split(" && ").Single(c => c.StartsWith("dotnet new install", StringComparison.Ordinal));
        Assert.Equal("dotnet new install artifacts/Cch.Templates.*.nupkg", command);

        // Through a shell, which expands the glob as it does for the reader; into a private template hive.
        var run = Shell.Run("sh", clone.Path, packed.Environment, "-c", $"{command} --debug:custom-hive '{clone.File("hive")}'");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("warning", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("error", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Output, "^Success: ", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Contains($"Success: Cch.Templates@{packed.Version} installed the following templates:", run.Output);
        Assert.Contains("cch-kd", run.Output);
        Assert.Contains("cch-config", run.Output);
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

    /// <summary>The names of Cch's packages in the feed.</summary>
    private List<string> CchPackages() =>
        Directory.GetFiles(packed.Feed, "Cch.*.nupkg").Select(f => Path.GetFileName(f)!).Where(n => n != PackedCch.ForeignPackage).Order().ToList();
}

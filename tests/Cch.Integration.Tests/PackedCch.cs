using Cch.Tests;

namespace Cch.Integration.Tests;

/// <summary>
/// Packs the solution (Cch.Core, Cch.Tool, Cch.MSBuild, Cch.Templates) once per test run into a temporary
/// feed, with the unique prerelease version every local pack gets (so no NuGet cache can serve an old
/// build), and installs the tool into a temporary tool path with its own package cache.
/// </summary>
public sealed class PackedCch : IDisposable
{
    private readonly TempFolder _root = new();

    public PackedCch()
    {
        Feed = Directory.CreateDirectory(Path.Combine(_root.Path, "feed")).FullName;
        PackageCache = Directory.CreateDirectory(Path.Combine(_root.Path, "nuget")).FullName;
        ToolDirectory = Path.Combine(_root.Path, "tools");
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackageCache };

        // The feed starts as a user's artifacts/ does after earlier packs (and with a package of someone else's):
        // the pack must replace Cch's older packages and leave the rest alone.
        foreach (var stale in StalePackages.Append(ForeignPackage)) File.WriteAllText(Path.Combine(Feed, stale), "not a package");

        // As the README does it: one pack of the solution, which stamps every package with one unique dev version.
        var pack = Shell.Run("dotnet", TestPaths.RepoRoot, null, "pack", "Cch.sln", "-c", "Release", "-o", Feed);
        if (pack.ExitCode != 0) throw new InvalidOperationException($"dotnet pack Cch.sln failed:\n{pack}");
        var msbuild = Directory.GetFiles(Feed, "Cch.MSBuild.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(msbuild)["Cch.MSBuild.".Length..];

        var install = Shell.Run("dotnet", _root.Path, Environment, "tool", "install", "Cch.Tool", "--tool-path", ToolDirectory, "--add-source", Feed, "--version", Version);
        if (install.ExitCode != 0) throw new InvalidOperationException($"dotnet tool install failed:\n{install}");
    }

    /// <summary>Older Cch packages put into the feed before the pack (dev and release versions), which it must delete.</summary>
    public static readonly string[] StalePackages =
    [
        "Cch.Tool.0.1.1-dev.20000101000000.nupkg", "Cch.Tool.linux-x64.0.1.1-dev.20000101000000.nupkg",
        "Cch.Core.0.1.0.nupkg", "Cch.MSBuild.0.1.1-dev.20000101000000.nupkg", "Cch.Templates.0.1.0-dev.20000101000000.nupkg",
    ];

    /// <summary>Another package in the feed, which the pack must keep (its name matches Cch.Tool.*.nupkg, not Cch.Tool's versions).</summary>
    public const string ForeignPackage = "Cch.Tool.Extras.1.0.0.nupkg";

    /// <summary>The unique version of this run's packages.</summary>
    public string Version { get; }

    /// <summary>The local feed holding the packed packages.</summary>
    public string Feed { get; }

    /// <summary>A package cache private to this run.</summary>
    public string PackageCache { get; }

    /// <summary>Where the tool is installed.</summary>
    public string ToolDirectory { get; }

    /// <summary>The installed tool's executable.</summary>
    public string Tool => Path.Combine(ToolDirectory, OperatingSystem.IsWindows() ? "dotnet-cch.exe" : "dotnet-cch");

    /// <summary>Environment for child processes (the private package cache).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>
    /// Writes a nuget.config into <paramref name="directory"/>: this run's feed and nuget.org, with the user's
    /// package cache as a fallback folder so TorchSharp and libtorch are not downloaded again.
    /// </summary>
    public void WriteNuGetConfig(string directory)
    {
        var userPackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    /// <summary>
    /// A folder for a test that runs the README's commands: <c>artifacts</c> in it is a link to this run's feed,
    /// so <c>--add-source artifacts</c> and <c>artifacts/Cch.Templates.*.nupkg</c> mean what they mean in a clone
    /// after <c>dotnet pack -c Release</c>.
    /// </summary>
    internal TempFolder FolderWithArtifacts()
    {
        var folder = new TempFolder();
        try
        {
            Directory.CreateSymbolicLink(folder.File("artifacts"), Feed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) // Windows without the right to make links
        {
            var artifacts = Directory.CreateDirectory(folder.File("artifacts")).FullName;
            foreach (var package in Directory.GetFiles(Feed)) File.Copy(package, Path.Combine(artifacts, Path.GetFileName(package)));
        }

        return folder;
    }

    public void Dispose() => _root.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PackedCchCollection : ICollectionFixture<PackedCch>
{
    public const string Name = "packed";
}

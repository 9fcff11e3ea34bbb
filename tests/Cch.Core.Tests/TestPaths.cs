namespace Cch.Tests;

/// <summary>
/// Locates the repository root (the folder holding <c>Cch.sln</c>, found by walking up from the
/// test's base directory), the shared real data beside it (<c>../shared/data</c>) and the test
/// assets copied to the test output.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared real data folder, <c>REPO/../shared/data</c>.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    /// <summary>A file in the shared data folder; fails with a clear message when it is absent.</summary>
    public static string Shared(string fileName)
    {
        var path = Path.Combine(SharedData, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Shared test data '{fileName}' not found in {SharedData} (expected beside the repository as ../shared/data).", path);
        return path;
    }

    /// <summary>The test assets folder copied to the test output (<c>tests/TestAssets</c>).</summary>
    public static string TestAssets => Path.Combine(AppContext.BaseDirectory, "TestAssets");

    /// <summary>A Parquet fixture from <c>tests/TestAssets/parquet</c>.</summary>
    public static string ParquetFixture(string fileName) => Path.Combine(TestAssets, "parquet", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cch.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No folder containing Cch.sln above {AppContext.BaseDirectory}.");
    }
}

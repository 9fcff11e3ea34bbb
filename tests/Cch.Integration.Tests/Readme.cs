namespace Cch.Integration.Tests;

/// <summary>Commands as README.md shows them, so tests run what a reader would type.</summary>
internal static class Readme
{
    /// <summary>The first command line in README.md that contains <paramref name="command"/>, without a trailing comment.</summary>
    /// <exception cref="InvalidOperationException">README.md no longer shows the command.</exception>
    public static string Line(string command)
    {
        var line = File.ReadLines(Path.Combine(Cch.Tests.TestPaths.RepoRoot, "README.md")).FirstOrDefault(l => l.Contains(command, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"README.md no longer shows `{command}`.");
        var comment = line.IndexOf(" #", StringComparison.Ordinal);
        return (comment < 0 ? line : line[..comment]).Trim();
    }
}

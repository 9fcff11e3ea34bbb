namespace Cch.Tasks.Tests;

/// <summary>A fact that needs a POSIX shell for the stand-in tool: skipped, and reported as skipped, on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "The stand-in tool is a POSIX shell script.";
    }
}

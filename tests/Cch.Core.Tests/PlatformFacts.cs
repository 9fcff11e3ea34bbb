namespace Cch.Tests;

/// <summary>A fact that needs Linux (/proc, the ELF loader): reported as skipped elsewhere, never silently passed.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only.";
    }
}

/// <summary>A theory that needs POSIX signals or a POSIX shell: reported as skipped on Windows.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "POSIX only.";
    }
}

/// <summary>A fact that needs a POSIX shell: reported as skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "POSIX only.";
    }
}

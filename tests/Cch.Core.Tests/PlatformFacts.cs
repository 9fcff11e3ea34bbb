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

/// <summary>
/// A fact that mounts a small tmpfs (a real full disk): needs Linux and CAP_SYS_ADMIN (root in CI and on the dev
/// machine); reported as skipped elsewhere, never silently passed.
/// </summary>
public sealed class LinuxMountFactAttribute : FactAttribute
{
    public LinuxMountFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only (mounts a tmpfs).";
        else if (!CanMount) Skip = "Needs CAP_SYS_ADMIN to mount a tmpfs (run as root).";
    }

    /// <summary>Whether this process has CAP_SYS_ADMIN (bit 21 of CapEff in /proc/self/status), which mounting needs.</summary>
    public static bool CanMount
    {
        get
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
            return line is not null && (ulong.Parse(line["CapEff:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << 21)) != 0;
        }
    }
}

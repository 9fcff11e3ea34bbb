using System.Diagnostics;
using System.Globalization;

namespace Cch.Tests;

/// <summary>
/// A tmpfs of a few KiB mounted on a new temporary folder: a real file system that runs out of space (ENOSPC) once
/// its pages are used. Unmounted and removed on dispose. Linux with CAP_SYS_ADMIN only (<see cref="LinuxMountFactAttribute"/>).
/// </summary>
internal sealed class SmallTmpfs : IDisposable
{
    /// <summary>Mounts a tmpfs of <paramref name="kibibytes"/> KiB (whole 4 KiB pages).</summary>
    /// <param name="kibibytes">Its size.</param>
    /// <param name="inodes">How many inodes it has, or <c>null</c> for the default; 1 (its root) leaves none for a new file.</param>
    public SmallTmpfs(int kibibytes, int? inodes = null)
    {
        Path = Directory.CreateTempSubdirectory("cch-full-").FullName;
        var options = string.Create(CultureInfo.InvariantCulture, $"size={kibibytes}k{(inodes is { } n ? $",nr_inodes={n}" : "")}");
        Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", Path);
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
    }
}

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
    public SmallTmpfs(int kibibytes)
    {
        Path = Directory.CreateTempSubdirectory("cch-full-").FullName;
        Run("mount", "-t", "tmpfs", "-o", string.Create(CultureInfo.InvariantCulture, $"size={kibibytes}k"), "tmpfs", Path);
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

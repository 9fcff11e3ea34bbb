using System.Runtime.InteropServices;

namespace Cch.Internal;

/// <summary>
/// Tells regular files from devices, FIFOs and sockets, which .NET reports alike as "Normal"
/// files. Linux only (statx(2), whose struct layout is the same on every architecture); on other
/// systems every existing non-directory counts as regular.
/// </summary>
internal static unsafe partial class UnixFileType
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mode (u16) after mask, blksize, attributes, nlink, uid, gid.
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>Whether <paramref name="path"/> exists and is something other than a regular file or a directory.</summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(path)) return false;
        var buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        var mode = *(ushort*)(buffer + ModeOffset);
        return (mode & TypeMask) != Regular;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}

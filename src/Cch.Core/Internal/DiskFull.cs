namespace Cch.Internal;

/// <summary>
/// A full disk is neither a bug nor bad data: the output did not fit where it was sent. Recognises the operating
/// system's "no space" errors in <see cref="IOException"/>s (ENOSPC, which .NET on Linux and macOS reports as
/// <see cref="Exception.HResult"/> 28, and the quota error EDQUOT; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on
/// Windows) so that front ends can say so instead of quoting the library's text or calling it a bug.
/// </summary>
public static class DiskFull
{
    private const int Enospc = 28;
    private const int EdquotLinux = 122;
    private const int EdquotMacOs = 69;
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);
    private const int ErrorDiskFull = unchecked((int)0x80070070);

    /// <summary>Whether <paramref name="exception"/> or any exception inside it is a "no space left" I/O error.</summary>
    public static bool Caused(Exception exception) => Reason(exception) is not null;

    /// <summary>
    /// The operating system's words for the "no space" error inside <paramref name="exception"/> (e.g.
    /// <c>No space left on device</c>), or <c>null</c> when it holds none.
    /// </summary>
    public static string? Reason(Exception exception) => ExceptionChain.First(exception, e => e switch
    {
        not IOException => null,
        _ when OperatingSystem.IsWindows() => e.HResult is ErrorDiskFull or ErrorHandleDiskFull ? "There is not enough space on the disk" : null,
        _ when e.HResult == Enospc => "No space left on device",
        _ when e.HResult == (OperatingSystem.IsMacOS() ? EdquotMacOs : EdquotLinux) => "Disk quota exceeded",
        _ => null,
    });

    /// <summary>
    /// The message for an output that did not fit: <c>the disk holding 'PATH' is full (No space left on device) while
    /// writing the report; nothing was written</c>.
    /// </summary>
    /// <param name="path">The file being written.</param>
    /// <param name="what">What was written, e.g. <c>report</c>.</param>
    /// <param name="reason">The operating system's words, from <see cref="Reason"/>.</param>
    public static string Message(string path, string what, string reason) =>
        $"the disk holding '{path}' is full ({reason}) while writing the {what}; nothing was written";
}

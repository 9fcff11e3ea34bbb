namespace Cch.Internal;

/// <summary>
/// Writes output files (reports, representation dumps) so that nothing is ever half-written: the
/// target is checked before any work, the content goes to a temporary file in the same directory,
/// is flushed, then renamed over the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Checks that <paramref name="path"/> can take an output before any work is done: it must name a
    /// regular file (or nothing yet), not a directory, device, FIFO or socket; a symbolic link is
    /// followed to its final target. Creates the directory and proves it writable.
    /// </summary>
    /// <param name="path">The target path.</param>
    /// <param name="what">What is written, for messages (e.g. "report").</param>
    /// <param name="example">An example file name, for messages.</param>
    /// <returns>The full path that will be written.</returns>
    /// <exception cref="CchInputException">The path cannot take the output; the message says why.</exception>
    public static string PrepareTarget(string path, string what, string example)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CchInputException($"The {what} path is empty; expected a file path such as {example}.");
        var full = Path.GetFullPath(path);
        try
        {
            full = FollowLinks(full);
            if (Directory.Exists(full))
                throw new CchInputException($"The {what} path is a directory; expected a file path such as {example}.", file: full);
            if (UnixFileType.IsSpecial(full))
                throw new CchInputException($"The {what} path exists and is not a regular file (a device, FIFO or socket); Cch only replaces regular files.", file: full);
            var directory = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CchInputException($"The {what} cannot be written there: {e.Message}", file: full, inner: e);
        }

        return full;
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a temporary file beside <paramref name="fullPath"/> (from
    /// <see cref="PrepareTarget"/>), flushes it to disk and renames it over the target; on any
    /// failure the temporary file is deleted and an existing target is left untouched.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static async Task WriteAsync(string fullPath, Func<Stream, Task> write)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The final target of a symbolic link (which may not exist yet), or the path itself.</summary>
    private static string FollowLinks(string path)
    {
        for (var hops = 0; hops < 32 && new FileInfo(path).LinkTarget is { } target; hops++)
            path = Path.GetFullPath(target, Path.GetDirectoryName(path)!);
        return path;
    }
}

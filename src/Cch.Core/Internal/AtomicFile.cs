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
    /// followed to its final target. Proves the nearest existing directory writable without creating
    /// any (<see cref="WriteAsync"/> creates missing ones when it writes).
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
            // Missing directories are created only when the output is written, so a run that fails leaves nothing behind;
            // the nearest existing one must be writable now.
            var directory = Path.GetDirectoryName(full)!;
            while (!Directory.Exists(directory))
            {
                if (File.Exists(directory))
                    throw new CchInputException($"The {what} path goes through '{directory}', which is a file, not a directory.", file: full);
                directory = Path.GetDirectoryName(directory) ?? throw new CchInputException($"The {what} path has no existing directory above it.", file: full);
            }

            var probe = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception e) when (e is IOException && DiskFull.Reason(e) is { } reason)
            {
                throw new CchInputException(DiskFull.Message(full, what, reason), inner: e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The probe's own name means nothing to the user: say which directory refused a new file.
                throw new CchInputException(
                    $"The {what} cannot be written there: no new file can be created in {directory} ({(e is UnauthorizedAccessException ? "permission denied" : "not a writable directory")}).",
                    file: full, inner: e);
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
    /// <param name="fullPath">The target's full path.</param>
    /// <param name="what">What is written, for messages (e.g. "report").</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <exception cref="CchInputException">
    /// The file cannot be written (an I/O error or a refused permission while creating, writing, flushing or renaming);
    /// a full disk says so: <c>the disk holding 'PATH' is full (No space left on device) while writing the report;
    /// nothing was written</c>. Exceptions thrown by <paramref name="write"/> itself for other reasons pass unchanged.
    /// </exception>
    public static async Task WriteAsync(string fullPath, string what, Func<Stream, Task> write)
    {
        var directory = Path.GetDirectoryName(fullPath)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Thrown while the temporary file is still there: the finally below removes it, so "nothing was written" holds.
            throw DiskFull.Reason(e) is { } reason
                ? new CchInputException(DiskFull.Message(fullPath, what, reason), inner: e)
                : new CchInputException($"The {what} cannot be written: {e.Message}; nothing was written.", file: fullPath, inner: e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Refuses an output path that is one of the run's inputs (a data file, a model, the config),
    /// compared after following symbolic links, so an output never replaces what it was made from.
    /// </summary>
    /// <param name="target">The output's full path from <see cref="PrepareTarget"/>.</param>
    /// <param name="inputs">Every file the run reads.</param>
    /// <param name="option">The output option, for the message (e.g. <c>--report</c>).</param>
    /// <exception cref="CchInputException">The output names an input.</exception>
    public static void RefuseInputs(string target, IEnumerable<string> inputs, string option)
    {
        foreach (var input in inputs)
            if (string.Equals(FollowLinks(Path.GetFullPath(input)), target, PathComparison))
                throw new CchInputException($"{option} names a file this run reads ({input}); write the output to a new file so the input is not replaced.", file: target);
    }

    /// <summary>Refuses two outputs of one run (full paths from <see cref="PrepareTarget"/>) that are the same file, so one never replaces the other.</summary>
    /// <exception cref="CchInputException">Both name the same file.</exception>
    public static void RefuseSameTarget(string first, string firstOption, string second, string secondOption)
    {
        if (string.Equals(first, second, PathComparison))
            throw new CchInputException($"{firstOption} and {secondOption} name the same file; give each output its own path.", file: first);
    }

    private static StringComparison PathComparison => OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The final target of a symbolic link (which may not exist yet), or the path itself.</summary>
    private static string FollowLinks(string path)
    {
        for (var hops = 0; hops < 32 && new FileInfo(path).LinkTarget is { } target; hops++)
            path = Path.GetFullPath(target, Path.GetDirectoryName(path)!);
        return path;
    }
}

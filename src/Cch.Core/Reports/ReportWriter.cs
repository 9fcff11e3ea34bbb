using System.Text.Json;
using Cch.Internal;

namespace Cch.Reports;

/// <summary>Serialises reports and writes them atomically.</summary>
public static class ReportWriter
{
    /// <summary>The report as indented camelCase JSON.</summary>
    public static string ToJson(CchReport report) => JsonSerializer.Serialize(report, CchJsonContext.Default.CchReport);

    /// <summary>
    /// Checks that <paramref name="path"/> can take a report before any work is done: it must name a
    /// regular file (or nothing yet), not a directory, device, FIFO or socket; a symbolic link is
    /// followed to its final target. Creates the directory and proves it writable by creating and
    /// deleting a temporary file in it.
    /// </summary>
    /// <returns>The full path that will be written (a symbolic link's final target).</returns>
    /// <exception cref="CchInputException">The path cannot take a report; the message says why.</exception>
    public static string PrepareTarget(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CchInputException("The report path is empty; expected a file path such as cch-report.json.");
        var full = Path.GetFullPath(path);
        try
        {
            full = FollowLinks(full);
            if (Directory.Exists(full))
                throw new CchInputException("The report path is a directory; expected a file path such as cch-report.json.", file: full);
            if (UnixFileType.IsSpecial(full))
                throw new CchInputException("The report path exists and is not a regular file (a device, FIFO or socket); Cch only replaces regular files.", file: full);
            var directory = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CchInputException($"The report cannot be written there: {e.Message}", file: full, inner: e);
        }

        return full;
    }

    /// <summary>The final target of a symbolic link (which may not exist yet), or the path itself.</summary>
    private static string FollowLinks(string path)
    {
        for (var hops = 0; hops < 32 && new FileInfo(path).LinkTarget is { } target; hops++)
            path = Path.GetFullPath(target, Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Parses a report written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static CchReport FromJson(string json) =>
        JsonSerializer.Deserialize(json, CchJsonContext.Default.CchReport) ?? throw new JsonException("The report is empty.");

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> atomically: to a temporary file
    /// in the same directory, flushed, then renamed over the target, so a reader never sees a
    /// half-written file and a failure leaves any old file untouched. Creates the directory.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteAtomic(string path, string contents)
    {
        var full = PrepareTarget(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(contents);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

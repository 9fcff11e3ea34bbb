using System.Text.Json;

namespace Cch.Reports;

/// <summary>Serialises reports and writes them atomically.</summary>
public static class ReportWriter
{
    /// <summary>The report as indented camelCase JSON.</summary>
    public static string ToJson(CchReport report) => JsonSerializer.Serialize(report, CchJsonContext.Default.CchReport);

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
        var full = Path.GetFullPath(path);
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

using System.Text.Encodings.Web;
using System.Text.Json;
using Cch.Internal;

namespace Cch.Reports;

/// <summary>Serialises reports and writes them atomically.</summary>
public static class ReportWriter
{
    /// <summary>
    /// The source-generated metadata with relaxed escaping: Δ, ≤, + and &gt; are written as themselves,
    /// only what JSON requires (quotes, backslashes, control characters) is escaped. Reports are data
    /// files, not HTML, so the default encoder's HTML-safe escapes only make them harder to read.
    /// </summary>
    private static readonly CchJsonContext Readable = new(new JsonSerializerOptions(CchJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The report as indented camelCase JSON.</summary>
    public static string ToJson(CchReport report) => JsonSerializer.Serialize(report, Readable.CchReport);

    /// <summary>The <c>mi</c> document as indented camelCase JSON (schema <c>schemas/cch-mi.schema.json</c>).</summary>
    public static string ToJson(MutualInformationReport report) => JsonSerializer.Serialize(report, Readable.MutualInformationReport);

    /// <summary>The <c>reproduce</c> report as indented camelCase JSON.</summary>
    public static string ToJson(Reproduction.ReproductionReport report) => JsonSerializer.Serialize(report, Readable.ReproductionReport);

    /// <summary>A shard's partial report as indented camelCase JSON (schema <c>schemas/cch-partial.schema.json</c>).</summary>
    public static string ToJson(Sharding.PartialReport report) => JsonSerializer.Serialize(report, Readable.PartialReport);

    /// <summary>Parses a partial report written by <see cref="ToJson(Sharding.PartialReport)"/>.</summary>
    /// <exception cref="JsonException">The text is not a partial report.</exception>
    public static Sharding.PartialReport PartialFromJson(string json) =>
        JsonSerializer.Deserialize(json, CchJsonContext.Default.PartialReport) ?? throw new JsonException("The part is empty.");

    /// <summary>Parses a report written by <see cref="ToJson(Reproduction.ReproductionReport)"/>.</summary>
    /// <exception cref="JsonException">The text is not a reproduce report.</exception>
    public static Reproduction.ReproductionReport ReproductionFromJson(string json) =>
        JsonSerializer.Deserialize(json, CchJsonContext.Default.ReproductionReport) ?? throw new JsonException("The report is empty.");

    /// <summary>
    /// Checks that <paramref name="path"/> can take a report before any work is done: it must name a
    /// regular file (or nothing yet), not a directory, device, FIFO or socket; a symbolic link is
    /// followed to its final target. Proves the nearest existing directory writable (by creating and
    /// deleting a temporary file in it); missing directories are created when the report is written.
    /// </summary>
    /// <returns>The full path that will be written (a symbolic link's final target).</returns>
    /// <exception cref="CchInputException">The path cannot take a report; the message says why.</exception>
    public static string PrepareTarget(string path) => AtomicFile.PrepareTarget(path, "report", "cch-report.json");

    /// <summary>As <see cref="PrepareTarget(string)"/>, for the HTML report (<c>--html</c>); messages name it.</summary>
    /// <returns>The full path that will be written (a symbolic link's final target).</returns>
    /// <exception cref="CchInputException">The path cannot take the page; the message says why.</exception>
    public static string PrepareHtmlTarget(string path) => AtomicFile.PrepareTarget(path, "HTML report", "cch-report.html");

    /// <summary>Parses a report written by <see cref="ToJson(CchReport)"/>.</summary>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static CchReport FromJson(string json) =>
        JsonSerializer.Deserialize(json, CchJsonContext.Default.CchReport) ?? throw new JsonException("The report is empty.");

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> atomically: to a temporary file
    /// in the same directory, flushed, then renamed over the target, so a reader never sees a
    /// half-written file and a failure leaves any old file untouched. Creates the directory.
    /// </summary>
    /// <param name="path">The target file.</param>
    /// <param name="contents">The text, written as UTF-8.</param>
    /// <param name="what">What is written, for messages (e.g. <c>report</c>, <c>HTML report</c>).</param>
    /// <exception cref="CchInputException">The file cannot be written (the message names it, and says so when the disk is full); nothing was written.</exception>
    public static void WriteAtomic(string path, string contents, string what = "report")
    {
        var full = PrepareTarget(path);
        AtomicFile.WriteAsync(full, what, async stream =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            await writer.WriteAsync(contents).ConfigureAwait(false);
        }).GetAwaiter().GetResult();
    }
}

using Cch.Reports;

namespace Cch.Tool.Rendering;

/// <summary>
/// The files a command writes besides standard output, shared by <c>check</c>, <c>verify</c> and <c>reproduce</c>:
/// reports written atomically, and the Markdown summary appended to GitHub Actions' job summary.
/// </summary>
internal static class ReportOutputs
{
    /// <summary>The environment variable GitHub Actions sets to the job summary file of the current step.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> atomically (<see cref="ReportWriter.WriteAtomic"/>)
    /// and confirms it on standard error as <c><paramref name="label"/>: PATH</c>.
    /// </summary>
    /// <exception cref="CchInputException">The file cannot be written, the disk is full (exit code 2); nothing was written.</exception>
    public static void Write(string path, string contents, string label) => ReportWriter.WriteAtomic(path, contents, label);

    /// <summary>
    /// When <see cref="StepSummaryVariable"/> names a file, appends <paramref name="markdown"/> to it (never
    /// truncates: every step of a job adds to the same summary), followed by a blank line; a file that cannot be
    /// written gives a warning, not an error, since the run itself succeeded.
    /// </summary>
    public static void AppendStepSummary(string markdown)
    {
        var path = Environment.GetEnvironmentVariable(StepSummaryVariable);
        if (string.IsNullOrWhiteSpace(path)) return;
        try
        {
            File.AppendAllText(path, (markdown.EndsWith('\n') ? markdown : markdown + "\n") + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            CommandRunner.WriteWarnings([$"${StepSummaryVariable} ({path}) cannot be appended to: {e.Message}"]);
        }
    }
}

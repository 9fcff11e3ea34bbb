using Cch.Encoders;
using Cch.Internal;
using Cch.Neural;

namespace Cch.Tool.Errors;

/// <summary>
/// Turns the exception that ended a command into its message on standard error and the exit code (docs/cli.md, "Exit
/// codes"). Only the kinds listed here are the user's to fix (exit code 2): bad input (<see cref="CchInputException"/>,
/// raised where the file or option is known, including unreadable inputs and outputs that cannot be written), a
/// native library that cannot be loaded, training that diverged, a full disk, and memory (the process's or
/// libtorch's) too small for the run. Cancellation exits 130. Everything else is a bug: exit code 3 with one short
/// message, the full exception in a crash file whose path the message gives, and on standard error too under
/// <c>--verbose</c> (or <c>CCH_DEBUG=1</c>).
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Writes the message for <paramref name="exception"/> on <paramref name="error"/> and returns the exit code.</summary>
    /// <param name="exception">What ended the command.</param>
    /// <param name="error">Standard error (a <see cref="StringWriter"/> in tests).</param>
    /// <param name="verbose">Also print the full exception, inner exceptions and native traces included.</param>
    /// <param name="arguments">The command line after <c>dotnet cch</c>, for the crash file.</param>
    /// <param name="crashDirectory">Where a crash file goes; <c>null</c> for the temporary folder.</param>
    public static int Report(Exception exception, TextWriter error, bool verbose, IReadOnlyList<string> arguments, string? crashDirectory = null)
    {
        if (exception is OperationCanceledException)
        {
            error.WriteLine("cancelled.");
            return (int)ExitCodes.Cancelled;
        }

        if (UserError(exception) is not { } lines)
            return Bug(exception, error, verbose, arguments, crashDirectory);
        foreach (var line in lines) error.WriteLine(line);
        if (verbose) error.WriteLine(exception);
        return (int)ExitCodes.InputError;
    }

    /// <summary>The lines to print for an error the user can fix (exit code 2), or <c>null</c> for a bug.</summary>
    private static string[]? UserError(Exception e) => e switch
    {
        CchInputException => [$"error: {e.Message}"],
        TrainingDivergedException => [$"error: {e.Message}"],
        TorchUnavailableException =>
        [
            $"error: {e.Message}",
            "Only --verify and the trained estimators (latent, infonce, smile, mine) need libtorch; the default (auto) and the ksg, mixed, gaussian, copula, cca-ksg and probe estimators still work.",
        ],
        OnnxRuntimeUnavailableException =>
        [
            $"error: {e.Message}",
            "Representation dumps (--teacher/--student without encoders) do not need ONNX Runtime and still work.",
        ],
        // Every file Cch names goes through AtomicFile, which says which one; what is left without a path is standard output.
        _ when DiskFull.Reason(e) is { } reason => [$"error: the disk holding standard output is full ({reason}); the output is incomplete. Free some space or redirect it elsewhere."],
        _ when TorchOutOfMemory.Find(e) is { } allocation =>
        [
            $"error: libtorch ran out of memory while training: {TorchOutOfMemory.FirstLine(allocation)}",
            "Check --hidden and --batch-size against the memory available; run with --verbose for libtorch's native trace.",
        ],
        _ when OutOfMemory.Caused(e) => [$"error: {OutOfMemory.Message()}"],
        _ => null,
    };

    private static int Bug(Exception exception, TextWriter error, bool verbose, IReadOnlyList<string> arguments, string? crashDirectory)
    {
        error.WriteLine($"internal error ({exception.GetType().Name}): {exception.Message.Split('\n')[0].Trim()}");
        string? crash = null;
        string? unwritten = null;
        try
        {
            crash = CrashFile.Write(exception, arguments, crashDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unwritten = e.Message;
        }

        error.WriteLine(crash is not null
            ? $"This is a bug in Cch; please report it with the crash file {crash} (version, command line, system and the full trace). Run with --verbose to print the trace here."
            : $"This is a bug in Cch; please report it with the trace below (no crash file: {unwritten}).");
        if (verbose || crash is null) error.WriteLine(exception);
        return (int)ExitCodes.InternalError;
    }
}

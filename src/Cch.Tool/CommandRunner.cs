using System.CommandLine;
using Spectre.Console;

namespace Cch.Tool;

/// <summary>Parses the command line, maps parse errors to exit code 2, and runs the chosen command.</summary>
internal static class CommandRunner
{
    /// <summary>The arguments after <c>dotnet cch</c>, as typed (recorded in reports).</summary>
    public static IReadOnlyList<string> Arguments { get; private set; } = [];

    /// <summary>
    /// <c>--verbose</c>, on every command: when a command fails, also print the full exception (inner exceptions and
    /// libtorch's native trace included) on standard error. <c>CCH_DEBUG=1</c> in the environment does the same.
    /// </summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "On failure, print the full exception (inner exceptions, native traces) on standard error. CCH_DEBUG=1 does the same.",
        Recursive = true,
    };

    /// <summary>Runs <paramref name="root"/> on <paramref name="args"/> and returns the process exit code.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        Arguments = args;
        // `dotnet cch` alone or `dotnet cch help [COMMAND]`: the help, as --help shows it (exit 0).
        if (args is [] or ["help"]) args = ["--help"];
        else if (args is ["help", var name, ..])
        {
            if (!root.Subcommands.Any(c => c.Name == name))
            {
                Console.Error.WriteLine($"error: 'help {name}': there is no command '{name}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
                Console.Error.WriteLine("Run 'dotnet cch --help' for usage.");
                return (int)ExitCodes.InputError;
            }

            args = [.. args[1..], "--help"];
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Distinct: System.CommandLine reports a missing argument once per argument with the same text.
            // `dotnet cch bogus` also gets "Required command was not provided.": the unknown word says it better.
            var errors = parse.Errors.AsEnumerable();
            if (parse.CommandResult.Command is RootCommand && parse.UnmatchedTokens.Count > 0)
                errors = errors.Where(e => e.Message.Contains(parse.UnmatchedTokens[0], StringComparison.Ordinal));
            foreach (var message in errors.Select(e => Readable(e.Message, parse.CommandResult)).Distinct())
                Console.Error.WriteLine($"error: {message}");
            var command = parse.CommandResult.Command is RootCommand ? "check" : CommandPath(parse.CommandResult);
            Console.Error.WriteLine($"Run 'dotnet cch --help' or 'dotnet cch {command} --help' for usage.");
            return (int)ExitCodes.InputError;
        }

        using var cancel = new CancellationTokenSource();
        void Cancel()
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // A second signal after the run has already ended.
            }
        }

        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            Cancel();
        };
        Console.CancelKeyPress += onCancel;
        // SIGTERM (a CI runner or Kubernetes stopping the job) cancels like Ctrl+C: "cancelled.", exit 130, nothing written.
        using var onTerminate = OperatingSystem.IsWindows() ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                Cancel();
            });
        try
        {
            return await InvokeAsync(parse, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> InvokeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        // Cancellation is ours (Ctrl+C and SIGTERM above): no library timeout that ends the process without a word.
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e)
        {
            // Not a catch-all that hides bugs: ErrorReporter maps the kinds the user can fix to exit code 2 and everything
            // else to exit code 3 with a crash file.
            var verbose = parse.GetValue(Verbose) || Environment.GetEnvironmentVariable("CCH_DEBUG") == "1";
            return Errors.ErrorReporter.Report(e, Console.Error, verbose, Arguments);
        }
    }

    /// <summary>The command as typed after <c>dotnet cch</c>, e.g. <c>mi bmi</c>.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? s = result; s is System.CommandLine.Parsing.CommandResult { Command: not RootCommand } c; s = c.Parent)
            names.Insert(0, c.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>
    /// Writes each warning on standard error: one <c>warning: …</c> line each when redirected (so CI logs
    /// can be grepped), coloured when interactive.
    /// </summary>
    public static void WriteWarnings(IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            if (Console.IsErrorRedirected) Console.Error.WriteLine($"warning: {warning}");
            else Diagnostics.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
    }

    /// <summary>
    /// Rewrites System.CommandLine's conversion errors without .NET type names, and names the arguments
    /// a command expects when one is missing or malformed.
    /// </summary>
    /// <param name="message">System.CommandLine's message.</param>
    /// <param name="result">The command being parsed, for its name and argument names; may be <c>null</c>.</param>
    internal static string Readable(string message, System.CommandLine.Parsing.CommandResult? result = null)
    {
        var arguments = result?.Command is { Arguments.Count: > 0 } command ? string.Join(' ', command.Arguments.Select(a => a.Name)) : null;
        var missing = System.Text.RegularExpressions.Regex.Match(message, @"^Required argument missing for command: '(?<command>[^']+)'\.?$");
        if (missing.Success && arguments is not null)
            return $"{CommandPath(result!)} needs the argument{(result!.Command.Arguments.Count > 1 ? "s" : "")} {arguments}.";
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(?<value>.*)' for (?<kind>option|command) '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$");
        if (!m.Success) return message;
        var type = m.Groups["type"].Value;
        var value = m.Groups["value"].Value;
        // A whole number too large or too small for the option is out of range, not "not a whole number".
        var outOfRange = type.Contains("Int32", StringComparison.Ordinal)
            && System.Numerics.BigInteger.TryParse(value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _);
        var expected = outOfRange ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"in range: expected a whole number from {int.MinValue:N0} to {int.MaxValue:N0}")
            : type.Contains("Int32", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "text";
        return m.Groups["kind"].Value == "command" && arguments is not null
            ? $"{CommandPath(result!)} {arguments}: '{value}' is not {expected}."
            : $"{m.Groups["option"].Value}: '{value}' is not {expected}.";
    }

    /// <summary>A Spectre console on standard error, for diagnostics and progress.</summary>
    public static IAnsiConsole Diagnostics { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>A Spectre console on standard output; 160 columns wide when redirected, so logs keep whole table rows.</summary>
    public static IAnsiConsole Standard { get; } = Create(Console.Out, Console.IsOutputRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected) console.Profile.Width = 160;
        return console;
    }

    /// <summary>Whether to show live progress: standard error is a terminal and not under CI.</summary>
    public static bool Interactive =>
        !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Diagnostics.Profile.Capabilities.Interactive;
}

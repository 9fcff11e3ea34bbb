using System.CommandLine;
using Cch.Checking;
using Cch.Sharding;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch merge PARTS…</c>: the final report of a sharded check. See <c>docs/scale.md</c>.</summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> Parts = new("PARTS") { Description = "The partial reports written by 'check --shard i/N --report PATH', one per shard, in any order.", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string?> Report = new("--report", "-r") { Description = "Write the JSON report here (atomically)." };
    private static readonly Option<string?> Html = new("--html") { Description = "Write a self-contained HTML report with plots here (atomically; no scripts or external resources)." };
    private static readonly Option<string?> Format = new("--format", "-f") { Description = "What to print on standard output: text (default), json, markdown or html." };

    /// <summary>Creates the <c>merge</c> command.</summary>
    public static Command Create()
    {
        var command = new Command(
            "merge",
            "Combine the parts of a sharded check (check --shard i/N) into the report one unsharded run with the same seed writes; reads the same inputs again and checks their SHA-256. Exit code: 0 pass, 1 fail, 2 input error (parts of different runs, a shard missing or twice), 3 internal error (a bug), 130 cancelled.");
        command.Arguments.Add(Parts);
        foreach (var option in new Option[] { Report, Html, Format })
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var cwd = Environment.CurrentDirectory;
        var parts = ShardMerge.Combine(parse.GetValue(Parts)!.Select(p => Path.GetFullPath(p, cwd)).ToList());
        var settings = ShardMerge.Settings(parts, parse.GetValue(Report), parse.GetValue(Html), parse.GetValue(Format), cwd) with { CommandLine = CommandRunner.Arguments };
        var outcome = await CheckCommand.RunWithProgressAsync(settings, p => CheckRunner.MergeAsync(settings, parts, p.Criterion, cancellationToken, p.Input), cancellationToken);
        return CheckCommand.Present(settings, outcome);
    }
}

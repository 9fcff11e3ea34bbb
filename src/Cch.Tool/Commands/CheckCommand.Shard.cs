using System.CommandLine;
using Cch.Checking;
using Cch.Configuration;
using Cch.Reports;
using Cch.Sharding;
using Cch.Tool.Rendering;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch check --shard i/N</c>: one share of the estimates, written as a partial report. See <c>docs/scale.md</c>.</summary>
internal static partial class CheckCommand
{
    /// <summary>Runs one shard and writes its part to <c>--report</c>; exit code 0 once the part is written.</summary>
    /// <exception cref="CchInputException">A bad shard spec, no <c>--report</c>, <c>--html</c>/<c>--format</c>/<c>--verify</c> given, or bad input (nothing written).</exception>
    private static async Task<int> RunShardAsync(ParseResult parse, string shardText, CancellationToken cancellationToken)
    {
        var shard = ShardSpec.Parse(shardText);
        var settings = Resolve(parse, verify: false);
        if (settings.Verification is not null)
            throw new CchInputException("--shard splits the criterion's estimates only; --verify's training seeds are not sharded (with --seeds auto each round depends on the last). Shard and merge the check without --verify, and run --verify unsharded.");
        if (settings.ReportPath is null)
            throw new CchInputException($"--shard {shard} needs --report PATH: where to write this shard's part (e.g. --report parts/part-{shard.Index}.json); 'dotnet cch merge' combines the parts into the report.");
        if (settings.HtmlPath is not null || settings.Format != ReportFormat.Text)
            throw new CchInputException("--shard writes only its part (--report); give --html and --format to 'dotnet cch merge', which writes the final report.");
        settings = settings.WithPreparedReport();
        var part = await RunWithProgressAsync(settings, p => CheckRunner.RunShardAsync(settings, shard, p.Criterion, cancellationToken, p.Input), cancellationToken);
        ReportOutputs.Write(settings.ReportPath!, ReportWriter.ToJson(part), "part");
        Console.Out.WriteLine($"shard {shard}: computed {part.Results.Count} of the run's {part.Units} units; merge all {shard.Count} parts with 'dotnet cch merge PARTS… --report cch-report.json'.");
        if (part.Units < shard.Count)
            Console.Error.WriteLine($"warning: this run has only {part.Units} units, so shards {part.Units}/{shard.Count} … {shard.Count - 1}/{shard.Count} compute nothing; with these estimators use at most {part.Units} shards (docs/scale.md#what-is-sharded).");
        Console.Error.WriteLine($"part: {settings.ReportPath}");
        return 0;
    }
}

using System.Collections.Concurrent;
using Cch.Tests;

namespace Cch.Tool.Tests.Corpus;

/// <summary>
/// Runs the corpus cases as real processes, several at a time (each process spends most of its
/// time starting up), and keeps each outcome for the test case that asserts it. The first request
/// for a case of a set starts every case of that set, so that a whole set costs a few batches, not
/// one process start after another.
/// </summary>
internal static class CorpusRuns
{
    /// <summary>What one run did: the process result and whether it wrote the report it was asked for.</summary>
    public sealed record Outcome(CchProcess.Result Result, bool ReportWritten);

    private static readonly ConcurrentDictionary<string, Lazy<Task<Outcome>>> Runs = new();
    private static readonly SemaphoreSlim Slots = new(Math.Max(2, Environment.ProcessorCount * 2));

    /// <summary>The outcome of <paramref name="case"/>, starting the other cases of its set too.</summary>
    public static Task<Outcome> Get(CorpusCase @case)
    {
        foreach (var other in CorpusCase.All.Where(c => c.Set == @case.Set))
            _ = Start(other);
        return Start(@case);
    }

    private static Task<Outcome> Start(CorpusCase @case) =>
        Runs.GetOrAdd(@case.Id, _ => new Lazy<Task<Outcome>>(() => Task.Run(() => RunAsync(@case)))).Value;

    private static async Task<Outcome> RunAsync(CorpusCase @case)
    {
        await Slots.WaitAsync();
        try
        {
            using var dir = new TempFolder();
            var report = dir.File("report.json");
            var result = CchProcess.Run(dir.Path, [.. @case.ResolvedArgs(), "--report", report]);
            return new Outcome(result, File.Exists(report));
        }
        finally
        {
            Slots.Release();
        }
    }
}

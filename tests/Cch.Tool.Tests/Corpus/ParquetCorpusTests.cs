namespace Cch.Tool.Tests.Corpus;

/// <summary>
/// The reliability corpus through the real CLI: every bad input exits 2 with a message naming the
/// file, the column and the first offending row where they apply, and writes no report; every good
/// input (each writer, each codec) is read and judged (exit 0 or 1) with a report.
/// </summary>
public sealed class ParquetCorpusTests
{
    public static TheoryData<string> BadCases => CorpusCase.Ids("bad");

    public static TheoryData<string> GoodCases => CorpusCase.Ids("good");

    [Theory]
    [MemberData(nameof(BadCases))]
    public async Task A_bad_input_exits_2_naming_file_column_and_row_and_writes_no_report(string id)
    {
        var @case = CorpusCase.Get(id);
        var expect = @case.Expect ?? throw new InvalidDataException($"corpus case {id} has no expectations.");
        var (run, reportWritten) = await CorpusRuns.Get(@case);
        var context = $"{@case.What} ({@case.Writer}); stderr: {run.StdErr}";

        Assert.True(run.ExitCode == 2, $"exit code {run.ExitCode}, expected 2: {context}");
        Assert.StartsWith("error: ", run.StdErr, StringComparison.Ordinal);
        if (expect.File is { } file)
            Assert.True(run.StdErr.Contains(CorpusCase.FullPath(file), StringComparison.Ordinal), $"the file is not named: {context}");
        if (expect.Column is { } column)
            Assert.True(run.StdErr.Contains($"column '{column}'", StringComparison.Ordinal), $"column '{column}' is not named: {context}");
        if (expect.Row is { } row)
            Assert.True(run.StdErr.Contains($"row {row}:", StringComparison.Ordinal), $"row {row} is not named: {context}");
        Assert.True(run.StdErr.Contains(expect.Says, StringComparison.OrdinalIgnoreCase), $"'{expect.Says}' is not said: {context}");
        Assert.False(reportWritten, $"a report was written: {context}");
        Assert.Equal(string.Empty, run.StdOut);
    }

    [Theory]
    [MemberData(nameof(GoodCases))]
    public async Task A_good_input_of_every_writer_and_codec_is_read_and_judged(string id)
    {
        var @case = CorpusCase.Get(id);
        var (run, reportWritten) = await CorpusRuns.Get(@case);

        Assert.True(run.ExitCode is 0 or 1, $"exit code {run.ExitCode}, expected 0 or 1: {@case.What} ({@case.Writer}); stderr: {run.StdErr}");
        Assert.True(reportWritten, $"no report: {run.StdErr}");
        Assert.DoesNotContain("error:", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_corpus_has_at_least_60_bad_inputs_from_three_writers_and_good_inputs_for_every_codec()
    {
        var bad = CorpusCase.All.Where(c => c.Set == "bad").ToList();
        Assert.True(bad.Count >= 60, $"{bad.Count} bad cases");
        foreach (var writer in new[] { "DuckDB", "Polars", "arrow-rs" })
            Assert.Contains(bad, c => c.Writer.StartsWith(writer, StringComparison.Ordinal));
        var good = CorpusCase.All.Where(c => c.Set == "good").Select(c => c.What).ToList();
        foreach (var codec in new[] { "snappy", "zstd", "gzip", "brotli", "lz4" })
            Assert.Contains(good, what => what.Contains(codec, StringComparison.Ordinal));
        Assert.Equal(CorpusCase.All.Count, CorpusCase.All.Select(c => c.Id).Distinct().Count());
    }
}

using Cch.Data;

namespace Cch.Tests.Data;

/// <summary>Progress of the read: file rows read, reported once per row group, rising to every row of every file read.</summary>
public sealed partial class DatasetLoaderTests
{
    [Fact]
    public async Task Progress_rises_by_row_group_to_every_row_of_the_file()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a.parquet");
        await WriteKeyed(path, Enumerable.Range(0, 300).Select(i => (long)i).ToList(), groupRows: 128);
        var progress = new RecordingProgress<InputProgress>();

        await DatasetLoader.LoadAsync(Sampled(path, maxRows: null, seed: 0), default, progress);

        // Row groups of 128, 128 and 44 rows: the start, one report after each group, and the end.
        Assert.All(progress.Reports, p => Assert.Equal((InputProgress.ReadingPhase, 300L), (p.Phase, p.Total)));
        Assert.Equal([0L, 128, 256, 300, 300], progress.Reports.Select(p => p.Completed));
    }

    [Fact]
    public async Task Progress_counts_the_rows_of_every_file_read_and_of_row_groups_with_no_used_row()
    {
        using var folder = new TempFolder();
        var a = Path.Combine(folder.Path, "a.parquet");
        var b = Path.Combine(folder.Path, "b.parquet");
        await WriteKeyed(a, Enumerable.Range(0, 300).Select(i => (long)i).ToList(), groupRows: 100);
        // b holds the same keys in reverse, in row groups of 50.
        await WriteKeyed(b, Enumerable.Range(0, 300).Reverse().Select(i => (long)i).ToList(), groupRows: 50);
        var progress = new RecordingProgress<InputProgress>();
        var request = Sampled(a, maxRows: null, seed: 0) with
        {
            Teachers = [new ColumnSpec(b, "x")],
            Student = new ColumnSpec(a, "x"),
            Label = new ColumnSpec(a, "key"),
            // One key: only a's first row group and b's last hold a used row; the others are skipped unread.
            Filters = [RowFilter.Parse("key=5")],
        };

        var data = await DatasetLoader.LoadAsync(request, default, progress);

        Assert.Equal(["5"], data.Keys);
        var completed = progress.Reports.Select(p => p.Completed).ToList();
        Assert.All(progress.Reports, p => Assert.Equal(600L, p.Total));
        Assert.Equal(0, completed[0]);
        Assert.Equal(600, completed[^1]);
        Assert.True(completed.Zip(completed.Skip(1)).All(pair => pair.First <= pair.Second), string.Join(", ", completed));
        // Every row group reports once, read or skipped: 3 of a's (100 rows each) and 6 of b's (50 each), after the start.
        Assert.Equal(1 + 3 + 6 + 1, completed.Count);
    }
}

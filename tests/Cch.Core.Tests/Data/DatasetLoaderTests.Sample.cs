using Cch.Data;
using Parquet;
using Parquet.Schema;

namespace Cch.Tests.Data;

/// <summary><c>--max-rows</c>: a seeded sample drawn before the numeric columns are read.</summary>
public sealed partial class DatasetLoaderTests
{
    /// <summary>Writes key, x (list of 2 floats: key and −key) and y (key / 10) for <paramref name="keys"/> in that order.</summary>
    private static async Task WriteKeyed(string path, IReadOnlyList<long> keys, int groupRows)
    {
        var key = new DataField<long>("key");
        var x = new ListField("x", new DataField<float?>("element", true));
        var y = new DataField<double>("y");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(key, x, y), stream);
        for (var start = 0; start < keys.Count; start += groupRows)
        {
            var part = keys.Skip(start).Take(groupRows).ToArray();
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(key, part);
            await group.WriteAsync<float>((DataField)x.Item, part.SelectMany(k => new float?[] { k, -k }).ToArray(), part.SelectMany(_ => new[] { 0, 1 }).ToArray());
            await group.WriteAsync<double>(y, part.Select(k => k / 10.0).ToArray());
            group.CompleteValidate();
        }
    }

    private static DataRequest Sampled(string path, int? maxRows, int seed, string? key = "key") => new()
    {
        DataPath = path,
        BaseDirectory = Path.GetDirectoryName(path)!,
        Teachers = [ColumnSpec.Parse("x")],
        Student = ColumnSpec.Parse("y"),
        Label = ColumnSpec.Parse("key"),
        Task = TaskKind.Regression,
        Key = key,
        MaxRows = maxRows,
        SampleSeed = seed,
    };

    [Fact]
    public async Task Max_rows_reads_a_seeded_sample_and_records_it()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a.parquet");
        await WriteKeyed(path, Enumerable.Range(0, 300).Select(i => (long)i).ToList(), groupRows: 128);

        var data = await Load(Sampled(path, maxRows: 40, seed: 5));

        Assert.Equal(40, data.Rows);
        Assert.Equal(40, data.Keys!.Distinct().Count());
        Assert.Equal(new RowSample(300, 40, 40, 5, RowSample.ByKey), data.Sample);
        for (var i = 0; i < data.Rows; i++)
        {
            // Each row's values belong to its key: the sample selects rows, it does not mix them.
            var k = long.Parse(data.Keys![i], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal([k, -k], Row(data.Teachers[0], i));
            Assert.Equal(k / 10.0, data.Student.Values[i], 12);
        }
    }

    [Fact]
    public async Task The_same_keys_are_drawn_whatever_the_row_and_row_group_order()
    {
        using var folder = new TempFolder();
        var keys = Enumerable.Range(0, 300).Select(i => (long)(1000 + 7 * i)).ToList();
        var shuffled = keys.ToArray();
        new Random(11).Shuffle(shuffled);
        await WriteKeyed(Path.Combine(folder.Path, "ordered.parquet"), keys, groupRows: 300);
        await WriteKeyed(Path.Combine(folder.Path, "shuffled.parquet"), shuffled, groupRows: 37);

        var a = await Load(Sampled(Path.Combine(folder.Path, "ordered.parquet"), 50, seed: 2));
        var b = await Load(Sampled(Path.Combine(folder.Path, "shuffled.parquet"), 50, seed: 2));

        Assert.Equal(a.Keys, b.Keys);
        Assert.Equal(a.Teachers[0].Values, b.Teachers[0].Values);
        Assert.Equal(a.Student.Values, b.Student.Values);
    }

    [Fact]
    public async Task Without_a_cap_or_with_fewer_rows_every_row_is_used_in_file_order()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a.parquet");
        await WriteKeyed(path, Enumerable.Range(0, 60).Select(i => (long)i).ToList(), groupRows: 25);

        var all = await Load(Sampled(path, maxRows: null, seed: 0, key: null));
        var capped = await Load(Sampled(path, maxRows: 100, seed: 0, key: null));

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i / 10.0), all.Student.Values);
        Assert.Equal(all.Student.Values, capped.Student.Values);
        Assert.Equal(new RowSample(60, 60, 100, 0, RowSample.AllRows), capped.Sample);
    }

    [Fact]
    public async Task A_row_group_corrupt_in_the_middle_of_a_file_is_an_input_error_naming_the_row_group()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "corrupt.parquet");
        await WriteKeyed(path, Enumerable.Range(0, 4000).Select(i => (long)i).ToList(), groupRows: 1000);
        var bytes = await File.ReadAllBytesAsync(path);
        // Overwrite the middle fifth (inside row groups 1–2, away from the header and the footer) with a pattern.
        for (var i = (int)(bytes.Length * 0.4); i < (int)(bytes.Length * 0.6); i++) bytes[i] = (byte)(i * 7 + 13);
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Fails(Sampled(path, maxRows: 100, seed: 0));

        Assert.Equal(path, error.File);
        Assert.Matches(@"corrupt Parquet file: .* row group [12] \(rows", error.Message);
    }
}

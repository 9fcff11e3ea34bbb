using Cch.Data;
using Parquet;

namespace Cch.Tests.Data;

/// <summary>
/// The real DuckDB-written data in <c>../shared/data</c>. Expected values were read independently
/// with DuckDB (and, for the join, with Parquet.Net's typed reader inside the test).
/// </summary>
public sealed partial class DatasetLoaderTests
{
    [Fact]
    public async Task Handwritten_train_split_has_1400_rows_with_the_documented_view_dimensions()
    {
        var path = TestPaths.Shared("handwritten.parquet");
        var data = await Load(new DataRequest
        {
            DataPath = path,
            Teachers = [ColumnSpec.Parse("fac216"), ColumnSpec.Parse("pix240")],
            Student = ColumnSpec.Parse("mor6"),
            Label = ColumnSpec.Parse("label"),
            Filters = [RowFilter.Parse("split=train")],
        });

        Assert.Equal(1400, data.Rows);
        Assert.Equal([216, 240], data.Teachers.Select(t => t.Columns));
        Assert.Equal(6, data.Student.Columns);
        Assert.Equal(LabelKind.Classification, data.Label.Kind);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], data.Label.ClassNames!);
        Assert.All(data.Teachers.SelectMany(t => t.Values).Concat(data.Student.Values), v => Assert.True(double.IsFinite(v)));

        // Row 0 of the dataset is file row 1 (row 0 is a test row); DuckDB: fac216[1] = 121, pix240[1] = 0.
        Assert.Equal(121, data.Teachers[0][0, 0]);
        Assert.Equal(0, data.Teachers[1][0, 0]);
        Assert.Equal([1, 0, 0, 126.72486114501953, 1.30274498462677, 1609.3348388671875], Row(data.Student, 0));
        Assert.Equal(0, data.Label.Classes![0]);
        // The last train row is file row 1999, digit 9.
        Assert.Equal(3808.021240234375, data.Student[1399, 5]);
        Assert.Equal(9, data.Label.Classes![1399]);

        Assert.Null(data.Keys);
        Assert.Equal(new JoinSummary(null, JoinMode.Strict, 1400, 0, 600), data.Join);
        var input = Assert.Single(data.Inputs);
        Assert.Equal(path, input.Path);
        Assert.Equal(2000, input.Rows);
        Assert.Equal(Sha256(path), input.Sha256);
    }

    [Fact]
    public async Task Breast_tcga_joins_three_modality_tables_and_the_labels_on_sample_id()
    {
        var data = await Load(new DataRequest
        {
            BaseDirectory = TestPaths.SharedData,
            Teachers = [ColumnSpec.Parse("breast_tcga_mRNA200.parquet:mrna_*"), ColumnSpec.Parse("breast_tcga_miRNA184.parquet:mirna_*")],
            Student = ColumnSpec.Parse("breast_tcga_protein142.parquet:protein_*"),
            Label = ColumnSpec.Parse("breast_tcga_labels.parquet:subtype"),
            Key = "sample_id",
        });

        Assert.Equal((150, 200), (data.Teachers[0].Rows, data.Teachers[0].Columns));
        Assert.Equal((150, 184), (data.Teachers[1].Rows, data.Teachers[1].Columns));
        Assert.Equal((150, 142), (data.Student.Rows, data.Student.Columns));
        Assert.Equal(["Basal", "Her2", "LumA"], data.Label.ClassNames!);
        Assert.Equal([45, 30, 75], data.Label.Classes!.GroupBy(c => c).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal("TCGA-0000", data.Keys![0]);
        Assert.Equal(new JoinSummary("sample_id", JoinMode.Strict, 150, 0, 0), data.Join);
        Assert.Equal(
            ["breast_tcga_mRNA200.parquet", "breast_tcga_miRNA184.parquet", "breast_tcga_protein142.parquet", "breast_tcga_labels.parquet"],
            data.Inputs.Select(i => Path.GetFileName(i.Path)));

        // TCGA-0000 is row 0 of the labels but row 109 of the mRNA table (DuckDB), so the join reordered rows.
        var (row, mrna000) = await ReadScalarForKey(TestPaths.Shared("breast_tcga_mRNA200.parquet"), "sample_id", "TCGA-0000", "mrna_000");
        Assert.Equal(109, row);
        Assert.Equal(mrna000, data.Teachers[0][0, 0]);
        Assert.Equal(4.362183305387048, data.Teachers[0][0, 0]);
        Assert.Equal(7.880923009231673, data.Teachers[0][0, 199]);
        var (_, mirna183) = await ReadScalarForKey(TestPaths.Shared("breast_tcga_miRNA184.parquet"), "sample_id", "TCGA-0000", "mirna_183");
        Assert.Equal(mirna183, data.Teachers[1][0, 183]);
        var (_, protein141) = await ReadScalarForKey(TestPaths.Shared("breast_tcga_protein142.parquet"), "sample_id", "TCGA-0000", "protein_141");
        Assert.Equal(protein141, data.Student[0, 141]);
        Assert.Equal(-0.15741890771665, data.Student[0, 141]);
    }

    [Fact]
    public async Task Rosmap_train_split_filters_the_labels_table_and_joins_245_rows()
    {
        var data = await Load(new DataRequest
        {
            BaseDirectory = TestPaths.SharedData,
            Teachers = [ColumnSpec.Parse("rosmap_mRNA.parquet:mrna_*")],
            Student = ColumnSpec.Parse("rosmap_meth.parquet:meth_*"),
            Label = ColumnSpec.Parse("rosmap_labels.parquet:diagnosis"),
            Key = "sample_id",
            Filters = [RowFilter.Parse("split=train")],
        });

        Assert.Equal(245, data.Rows);
        Assert.Equal(200, data.Teachers[0].Columns);
        Assert.Equal(200, data.Student.Columns);
        Assert.Equal(["AD", "NC"], data.Label.ClassNames!);
        Assert.Equal(127, data.Label.Classes!.Count(c => c == 0));
        Assert.Equal(new JoinSummary("sample_id", JoinMode.Strict, 245, 0, 106), data.Join);
        Assert.Equal(data.Keys!.Count, data.Keys.Distinct().Count());
    }

    [Fact]
    public async Task Mnist_uint8_pixel_lists_become_doubles_from_0_to_255()
    {
        var data = await Load(new DataRequest
        {
            DataPath = TestPaths.Shared("mnist.parquet"),
            Teachers = [ColumnSpec.Parse("pixels")],
            Student = ColumnSpec.Parse("id"),
            Label = ColumnSpec.Parse("label"),
        });

        var pixels = data.Teachers[0];
        Assert.Equal((10_000, 784), (pixels.Rows, pixels.Columns));
        Assert.All(pixels.Values, v => Assert.True(v is >= 0 and <= 255 && v == Math.Floor(v)));
        Assert.Equal(255, pixels.Values.Max());
        // Pixel sums from DuckDB; row 2048 starts the second row group.
        Assert.Equal(31095, Sum(pixels, 0));
        Assert.Equal(13118, Sum(pixels, 2048));
        Assert.Equal(19255, Sum(pixels, 9999));
        Assert.Equal(10, data.Label.ClassCount);
        Assert.Equal(1, data.Label.Classes![2048]);

        static double Sum(FeatureMatrix m, int row)
        {
            var s = 0.0;
            foreach (var v in m.Row(row)) s += v;
            return s;
        }
    }

    /// <summary>Independent check: Parquet.Net's typed reader (scalar columns only) finds the key's row and a value.</summary>
    private static async Task<(int Row, double Value)> ReadScalarForKey(string path, string keyColumn, string key, string valueColumn)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        Assert.Equal(1, reader.RowGroupCount);
        var group = reader.OpenRowGroupReader(0);
        var keys = new string?[group.RowCount];
        await group.ReadAsync(reader.Schema.FindDataField(keyColumn), keys.AsMemory());
        var values = new double?[group.RowCount];
        await group.ReadAsync(reader.Schema.FindDataField(valueColumn), values.AsMemory());
        var row = Array.IndexOf(keys, key);
        return (row, values[row]!.Value);
    }
}

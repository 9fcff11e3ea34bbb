using Cch.Data;

namespace Cch.Tests.Data;

/// <summary>Joining files on integer keys stored in different orders, and aligning files without a key.</summary>
public sealed partial class DatasetLoaderTests
{
    private static DataRequest Keyed(string student, string[]? where = null, JoinMode join = JoinMode.Strict) => new()
    {
        BaseDirectory = Path.Combine(TestPaths.TestAssets, "parquet"),
        Teachers = [ColumnSpec.Parse("keyed_features.parquet:vec")],
        Student = ColumnSpec.Parse(student),
        Label = ColumnSpec.Parse("keyed_labels.parquet:y"),
        Key = "key",
        Join = join,
        Filters = (where ?? []).Select(RowFilter.Parse).ToList(),
    };

    [Fact]
    public async Task A_key_join_follows_the_label_files_row_order()
    {
        var data = await Load(Keyed("keyed_features.parquet:key"));

        Assert.Equal(["104", "102", "106", "101", "105", "103"], data.Keys!);
        Assert.Equal([4.0, 2], Row(data.Teachers[0], 0));
        Assert.Equal([3.0, 1.5], Row(data.Teachers[0], 5));
        Assert.Equal([104.0, 102, 106, 101, 105, 103], data.Student.Values); // the student is the key itself
        Assert.Equal(["even", "odd"], data.Label.ClassNames!);
        Assert.Equal([0, 0, 0, 1, 1, 1], data.Label.Classes!);
        Assert.Equal(new JoinSummary("key", JoinMode.Strict, 6, 0, 0), data.Join);
        Assert.Equal(["keyed_features.parquet", "keyed_labels.parquet"], data.Inputs.Select(i => Path.GetFileName(i.Path)));
        Assert.All(data.Inputs, i => Assert.Equal(Sha256(i.Path), i.Sha256));
    }

    [Fact]
    public async Task A_filter_on_a_column_only_the_labels_have_drops_those_keys_everywhere()
    {
        var data = await Load(Keyed("keyed_features.parquet:key", ["split=train"]));

        Assert.Equal(["104", "102", "101", "105"], data.Keys!);
        Assert.Equal(new JoinSummary("key", JoinMode.Strict, 4, 0, 2), data.Join);
    }

    [Fact]
    public async Task A_filter_in_a_feature_file_drops_its_keys_from_the_join()
    {
        var data = await Load(Keyed("keyed_features.parquet:key", ["flag=true"]));

        Assert.Equal(["104", "102", "106", "101", "105"], data.Keys!);
        Assert.Equal(1, data.Join.RowsDroppedByFilter);
    }

    [Fact]
    public async Task A_strict_join_names_the_file_that_lacks_keys()
    {
        var error = await Fails(Keyed("keyed_partial.parquet:w"));

        Assert.Equal(Fixture("keyed_partial.parquet"), error.File);
        Assert.Equal("key", error.Column);
        Assert.Null(error.Row);
        Assert.Contains("2 key(s)", error.Message);
        Assert.Contains("'106'", error.Message);
        Assert.Contains("'105'", error.Message);
        Assert.Contains("--join inner", error.Message);
    }

    [Fact]
    public async Task An_inner_join_keeps_the_common_keys_and_counts_the_dropped_rows()
    {
        var data = await Load(Keyed("keyed_partial.parquet:w", join: JoinMode.Inner));

        Assert.Equal(["104", "102", "101", "103"], data.Keys!);
        Assert.Equal([104.0, 102, 101, 103], data.Student.Values);
        Assert.Equal([4.0, 2, 1, 3], Enumerable.Range(0, 4).Select(r => data.Teachers[0][r, 0]));
        // Keys 106 and 105 of the label file are not in the partial file: two label rows dropped
        // (not four, which would count the features file's two rows as well).
        Assert.Equal(new JoinSummary("key", JoinMode.Inner, 4, 2, 0), data.Join);
    }

    [Fact]
    public async Task An_inner_join_after_a_filter_counts_dropped_label_rows_only()
    {
        // split=train keeps labels 104, 102, 101, 105 (106 and 103 are filtered out everywhere);
        // 105 is not in the partial file, so one label row is dropped by the join.
        var data = await Load(Keyed("keyed_partial.parquet:w", ["split=train"], JoinMode.Inner));

        Assert.Equal(["104", "102", "101"], data.Keys!);
        Assert.Equal(new JoinSummary("key", JoinMode.Inner, 3, 1, 2), data.Join);
        Assert.Equal(6, data.Join.RowsKept + data.Join.RowsDroppedByJoin + data.Join.RowsDroppedByFilter);
    }

    [Fact]
    public async Task Several_files_without_a_key_are_an_error_that_suggests_key_or_row_order()
    {
        // keyed_features and keyed_labels have six rows each, in different key orders: aligning them
        // by position would pair key 101's features with key 104's label.
        var error = await Fails(Keyed("keyed_features.parquet:key") with { Key = null });

        Assert.Null(error.File);
        Assert.Contains("2 files (keyed_features.parquet, keyed_labels.parquet)", error.Message);
        Assert.Contains("no --key was given", error.Message);
        Assert.Contains("--key COLUMN (string or integer columns that every file has: 'key')", error.Message);
        Assert.Contains("--join row-order", error.Message);
    }

    [Fact]
    public async Task An_inner_join_without_a_key_over_several_files_is_the_same_error()
    {
        var error = await Fails(Keyed("keyed_features.parquet:key") with { Key = null, Join = JoinMode.Inner });

        Assert.Contains("no --key was given", error.Message);
    }

    [Fact]
    public async Task Row_order_aligns_files_with_equal_row_counts_by_position()
    {
        var request = Keyed("keyed_features.parquet:key") with { Key = null, Join = JoinMode.RowOrder };
        var data = await Load(request);

        Assert.Null(data.Keys);
        Assert.Equal([1.0, 0.5], Row(data.Teachers[0], 0)); // row 0 of the features (key 101) ...
        Assert.Equal(0, data.Label.Classes![0]);             // ... paired with row 0 of the labels (key 104, "even")
        Assert.Equal(new JoinSummary(null, JoinMode.RowOrder, 6, 0, 0), data.Join);
    }

    [Fact]
    public async Task Row_order_drops_a_row_filtered_out_in_any_file_from_all()
    {
        // flag=true drops features row 2; split=train drops labels rows 2 and 5.
        var request = Keyed("keyed_features.parquet:key", ["flag=true", "split=train"]) with { Key = null, Join = JoinMode.RowOrder };
        var data = await Load(request);

        Assert.Equal([1.0, 2, 4, 5], Enumerable.Range(0, 4).Select(r => data.Teachers[0][r, 0]));
        Assert.Equal(new JoinSummary(null, JoinMode.RowOrder, 4, 0, 2), data.Join);
    }

    [Fact]
    public async Task Row_order_with_a_key_is_contradictory()
    {
        var error = await Fails(Keyed("keyed_features.parquet:key") with { Join = JoinMode.RowOrder });

        Assert.Equal("key", error.Column);
        Assert.Contains("--key key and --join row-order contradict each other", error.Message);
    }

    [Fact]
    public async Task One_file_without_a_key_needs_no_join_mode()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_int"));

        Assert.Equal(new JoinSummary(null, JoinMode.Strict, 6, 0, 0), data.Join);
    }

    [Fact]
    public async Task Row_order_over_files_with_different_row_counts_suggests_key()
    {
        var error = await Fails(Keyed("keyed_partial.parquet:w") with { Key = null, Join = JoinMode.RowOrder });

        Assert.Contains("different row counts (keyed_features.parquet: 6, keyed_partial.parquet: 4, keyed_labels.parquet: 6)", error.Message);
        Assert.Contains("--key", error.Message);
    }

    /// <summary>Copies of the keyed fixtures: <c>a/f.parquet</c> and <c>b/f.parquet</c> (features) and <c>labels.parquet</c>.</summary>
    private static DirectoryInfo SameNameInTwoDirectories()
    {
        var root = Directory.CreateTempSubdirectory("cch-names-");
        foreach (var sub in new[] { "a", "b" })
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, sub));
            File.Copy(Fixture("keyed_features.parquet"), Path.Combine(root.FullName, sub, "f.parquet"));
        }

        File.Copy(Fixture("keyed_labels.parquet"), Path.Combine(root.FullName, "labels.parquet"));
        return root;
    }

    [Fact]
    public async Task The_same_file_name_in_two_directories_is_named_by_its_relative_path()
    {
        var root = SameNameInTwoDirectories();
        try
        {
            var data = await Load(new DataRequest
            {
                BaseDirectory = root.FullName,
                Teachers = [ColumnSpec.Parse("a/f.parquet:vec"), ColumnSpec.Parse("b/f.parquet:vec")],
                Student = ColumnSpec.Parse("labels.parquet:key"),
                Label = ColumnSpec.Parse("labels.parquet:y"),
                Key = "key",
            });

            Assert.Equal([Path.Combine("a", "f.parquet") + ":vec", Path.Combine("b", "f.parquet") + ":vec"], data.Teachers.Select(t => t.Name));
            Assert.Equal("labels.parquet:key", data.Student.Name); // unambiguous names stay short
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_clashing_file_outside_the_base_directory_is_named_by_its_full_path()
    {
        var root = SameNameInTwoDirectories();
        try
        {
            var data = await Load(new DataRequest
            {
                BaseDirectory = Path.Combine(root.FullName, "a"),
                Teachers = [ColumnSpec.Parse("f.parquet:vec"), ColumnSpec.Parse("../b/f.parquet:vec")],
                Student = ColumnSpec.Parse("../labels.parquet:key"),
                Label = ColumnSpec.Parse("../labels.parquet:y"),
                Key = "key",
            });

            Assert.Equal(["f.parquet:vec", Path.Combine(root.FullName, "b", "f.parquet") + ":vec"], data.Teachers.Select(t => t.Name));
            Assert.Equal("labels.parquet:key", data.Student.Name);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Duplicate_keys_name_the_file_the_key_and_both_rows()
    {
        var error = await Fails(OneFile("dup_keys.parquet", ["v"], "y", "y", key: "id"));

        Assert.Equal(Fixture("dup_keys.parquet"), error.File);
        Assert.Equal("id", error.Column);
        Assert.Equal(3, error.Row);
        Assert.Contains("duplicate key '2' in rows 1 and 3", error.Message);
    }

    [Fact]
    public async Task A_key_missing_from_one_file_is_an_error_naming_that_file()
    {
        var request = Keyed("arrow_vectors.parquet:fsl3_f32");
        var error = await Fails(request);

        Assert.Equal(Fixture("arrow_vectors.parquet"), error.File);
        Assert.Equal("key", error.Column);
        Assert.Contains("not found", error.Message);
    }
}

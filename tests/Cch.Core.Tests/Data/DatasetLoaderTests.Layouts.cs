using Cch.Data;

namespace Cch.Tests.Data;

/// <summary>Files written by arrow-rs (parquet-wasm) and parquetjs: list flavours, globs, labels, filters.</summary>
public sealed partial class DatasetLoaderTests
{
    [Fact]
    public async Task Every_arrow_list_flavour_reads_as_a_matrix_of_its_list_length()
    {
        var data = await Load(OneFile("arrow_vectors.parquet",
            ["fsl3_f32", "ll_f64", "item_f32", "l_i8", "l_u16", "l_i64"], "g_*", "y_int"));

        Assert.Equal(6, data.Rows);
        Assert.Equal([3, 2, 2, 2, 2, 2], data.Teachers.Select(t => t.Columns));
        Assert.Equal(["fsl3_f32", "ll_f64", "item_f32", "l_i8", "l_u16", "l_i64"], data.Teachers.Select(t => t.Name));
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal([i, i + 0.5, -i], Row(data.Teachers[0], i));
            Assert.Equal([i * 1.25, i / 1000.0], Row(data.Teachers[1], i));
            Assert.Equal([(double)(i / 4f), 1 - i], Row(data.Teachers[2], i));
            Assert.Equal([-i, 10 * i], Row(data.Teachers[3], i));
            Assert.Equal([1000 * i, 65535 - i], Row(data.Teachers[4], i));
            Assert.Equal([i * 1e12, -1099511627776.0 + i], Row(data.Teachers[5], i));
        }
    }

    [Fact]
    public async Task A_glob_takes_matching_scalar_columns_in_file_order_whatever_their_numeric_type()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_*", "y_int"));

        Assert.Equal("g_*", data.Student.Name);
        Assert.Equal(3, data.Student.Columns);
        for (var i = 0; i < 6; i++)
            Assert.Equal([i * 0.1, i + 0.25, 100 - i], Row(data.Student, i)); // g_c float64, g_a float32, g_b int32
    }

    [Fact]
    public async Task A_plain_scalar_column_gives_a_one_dimensional_vector()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["g_b"], "g_a", "y_int"));

        Assert.Equal(1, data.Teachers[0].Columns);
        Assert.Equal([100.0, 99, 98, 97, 96, 95], data.Teachers[0].Values);
        Assert.Equal([0.25, 1.25, 2.25, 3.25, 4.25, 5.25], data.Student.Values);
    }

    [Fact]
    public async Task The_same_integers_stored_as_int_and_as_float_give_identical_matrices()
    {
        var lists = await Load(OneFile("int_vs_float.parquet", ["vi", "vf"], "vd", "y"));
        Assert.Equal(lists.Teachers[0].Values, lists.Teachers[1].Values);
        Assert.Equal(lists.Teachers[0].Values, lists.Student.Values);
        Assert.Equal([4.0, 8, -12, 7], Row(lists.Teachers[0], 4));

        var scalars = await Load(OneFile("int_vs_float.parquet", ["si_*"], "sf_*", "y"));
        Assert.Equal(scalars.Teachers[0].Values, scalars.Student.Values);
        Assert.Equal([3.0, -6], Row(scalars.Student, 3));
    }

    [Fact]
    public async Task Legacy_one_level_two_level_and_bag_lists_from_parquetjs_read_alike()
    {
        var data = await Load(OneFile("legacy_lists.parquet", ["one_level", "two_level"], "bag_level", "label"));

        Assert.Equal(5, data.Rows);
        for (var i = 0; i < 5; i++)
        {
            double[] expected = [i, i + 1, i + 2];
            Assert.Equal(expected, Row(data.Teachers[0], i));
            Assert.Equal(expected, Row(data.Teachers[1], i));
            Assert.Equal(expected, Row(data.Student, i));
        }

        Assert.Equal(["0", "1"], data.Label.ClassNames!);
    }

    [Fact]
    public async Task Required_scalar_columns_without_definition_levels_are_read()
    {
        var data = await Load(OneFile("legacy_lists.parquet", ["id"], "one_level", "label"));

        Assert.Equal([0.0, 1, 2, 3, 4], data.Teachers[0].Values);
    }

    [Fact]
    public async Task A_filter_keeps_matching_rows_across_row_groups_in_file_order()
    {
        // Row groups hold rows 0-3 and 4-5; split=train keeps rows 0, 1, 3 and 5.
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "l_i8", "y_str", ["split=train"]));

        Assert.Equal(4, data.Rows);
        Assert.Equal([0.0, 1, 3, 5], Enumerable.Range(0, 4).Select(r => data.Teachers[0][r, 0]));
        Assert.Equal([-5.0, 50], Row(data.Student, 3));
        Assert.Equal(new JoinSummary(null, JoinMode.Strict, 4, 0, 2), data.Join);
    }

    [Fact]
    public async Task Rows_removed_by_a_filter_are_not_validated()
    {
        // Row 2 holds NaN in nan_list and an empty list in empty_list; part=x drops it.
        var data = await Load(OneFile("bad_values.parquet", ["nan_list"], "empty_list", "label", ["part=x"]));

        Assert.Equal(4, data.Rows);
        Assert.Equal([3.0, 4], Row(data.Teachers[0], 2));
    }

    [Fact]
    public async Task Integer_labels_are_classes_sorted_numerically()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_int"));

        Assert.Equal(LabelKind.Classification, data.Label.Kind);
        Assert.Equal(["1", "2", "10"], data.Label.ClassNames!);
        Assert.Equal([1, 2, 1, 2, 0, 1], data.Label.Classes!);
    }

    [Fact]
    public async Task String_labels_are_classes_sorted_ordinally()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_str"));

        Assert.Equal(["bird", "cat", "dog"], data.Label.ClassNames!);
        Assert.Equal([1, 2, 1, 0, 2, 1], data.Label.Classes!);
    }

    [Fact]
    public async Task Bool_labels_are_the_classes_false_and_true()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_bool"));

        Assert.Equal(["false", "true"], data.Label.ClassNames!);
        Assert.Equal([1, 0, 1, 1, 0, 0], data.Label.Classes!);
    }

    [Fact]
    public async Task Float_labels_are_regression_targets()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_float"));

        Assert.Equal(LabelKind.Regression, data.Label.Kind);
        Assert.Equal([0.5, 1.25, -2, 3.75, 0, 10.5], data.Label.Values!);
        Assert.Equal(0, data.Label.ClassCount);
    }

    [Fact]
    public async Task Whole_number_float_labels_can_be_forced_to_classes()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_whole", task: TaskKind.Classification));

        Assert.Equal(["0", "1", "2"], data.Label.ClassNames!);
        Assert.Equal([1, 0, 1, 2, 0, 1], data.Label.Classes!);
    }

    [Fact]
    public async Task Integer_labels_can_be_forced_to_regression()
    {
        var data = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_int", task: TaskKind.Regression));

        Assert.Equal([2.0, 10, 2, 10, 1, 2], data.Label.Values!);
    }

    [Fact]
    public async Task Filters_compare_bools_case_insensitively_and_integers_as_decimal_text()
    {
        var byBool = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_str", ["y_bool=TRUE"]));
        Assert.Equal([0.0, 2, 3], Enumerable.Range(0, 3).Select(r => byBool.Teachers[0][r, 0]));

        var byInt = await Load(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_str", ["y_int=10"]));
        Assert.Equal([1.0, 3], Enumerable.Range(0, 2).Select(r => byInt.Teachers[0][r, 0]));
        Assert.Equal(["bird", "dog"], byInt.Label.ClassNames!);
    }
}

using Cch.Data;

namespace Cch.Tests.Data;

/// <summary>
/// <see cref="DatasetLoader.LoadPairAsync"/> (<c>dotnet cch mi</c>): X with a second representation Y
/// (no label), or X with a label (no teacher), through the same readers, joins and error messages as
/// <c>check</c>; and the <c>check</c> messages that the pair modes must leave unchanged.
/// </summary>
public sealed partial class DatasetLoaderTests
{
    private static PairRequest Pair(string x, string? y = null, string? label = null, string? key = "key", JoinMode join = JoinMode.Strict, string[]? where = null) => new()
    {
        BaseDirectory = Path.Combine(TestPaths.TestAssets, "parquet"),
        X = ColumnSpec.Parse(x),
        Y = y is null ? null : ColumnSpec.Parse(y),
        Label = label is null ? null : ColumnSpec.Parse(label),
        Key = key,
        Join = join,
        Filters = (where ?? []).Select(RowFilter.Parse).ToList(),
    };

    private static async Task<CchInputException> PairFails(PairRequest request) =>
        await Assert.ThrowsAsync<CchInputException>(() => DatasetLoader.LoadPairAsync(request));

    [Fact]
    public async Task Two_representations_from_two_files_are_joined_on_the_key_in_the_order_of_the_x_file()
    {
        // keyed_features stores keys 101…106 in order with vec = [k − 100, (k − 100)/2]; keyed_partial
        // stores 103, 101, 104, 102 with w = [k]. The inner join keeps 101–104 in X's order.
        var data = await DatasetLoader.LoadPairAsync(Pair("keyed_features.parquet:vec", y: "keyed_partial.parquet:w", join: JoinMode.Inner));

        Assert.Equal(["101", "102", "103", "104"], data.Keys!);
        Assert.Equal(4, data.Rows);
        Assert.Equal([1.0, 0.5], Row(data.X, 0));
        Assert.Equal([4.0, 2.0], Row(data.X, 3));
        Assert.Equal([101.0, 102, 103, 104], data.Y!.Values);
        Assert.Null(data.Label);
        Assert.Equal(2, data.X.Columns);
        Assert.Equal(1, data.Y.Columns);
        // Rows 105 and 106 of X's file, which sets the order, were dropped by the join.
        Assert.Equal(new JoinSummary("key", JoinMode.Inner, 4, 2, 0), data.Join);
        Assert.Equal(["keyed_features.parquet", "keyed_partial.parquet"], data.Inputs.Select(i => Path.GetFileName(i.Path)));
        Assert.All(data.Inputs, i => Assert.Equal(Sha256(i.Path), i.Sha256));
        Assert.Equal(["keyed_features.parquet:vec", "keyed_partial.parquet:w"], [data.X.Name, data.Y.Name]);
    }

    [Fact]
    public async Task A_representation_with_a_label_follows_the_label_files_order_and_lists_x_first()
    {
        var data = await DatasetLoader.LoadPairAsync(Pair("keyed_features.parquet:vec", label: "keyed_labels.parquet:y", where: ["split=train"]));

        Assert.Equal(["104", "102", "101", "105"], data.Keys!);
        Assert.Equal([4.0, 2, 1, 5], Enumerable.Range(0, 4).Select(r => data.X[r, 0]));
        Assert.Null(data.Y);
        Assert.Equal(["even", "odd"], data.Label!.ClassNames!);
        Assert.Equal([0, 0, 1, 1], data.Label.Classes!);
        Assert.Equal(new JoinSummary("key", JoinMode.Strict, 4, 0, 2), data.Join);
        Assert.Equal(["keyed_features.parquet", "keyed_labels.parquet"], data.Inputs.Select(i => Path.GetFileName(i.Path)));
    }

    [Fact]
    public async Task One_file_without_a_key_keeps_its_rows_and_filters()
    {
        var data = await DatasetLoader.LoadPairAsync(Pair("ok", y: "label", key: null, where: ["part=x"]) with { DataPath = Fixture("bad_values.parquet") });

        Assert.Equal(4, data.Rows);
        Assert.Null(data.Keys);
        Assert.Equal([0.0, 1, 1, 0], data.Y!.Values); // label column read as a one-column representation, row 2 dropped
        Assert.Equal(new JoinSummary(null, JoinMode.Strict, 4, 0, 1), data.Join);
    }

    [Fact]
    public async Task Bad_values_are_reported_at_their_file_column_and_row_on_either_side()
    {
        var request = Pair("ok", y: "nan_list", key: null) with { DataPath = Fixture("bad_values.parquet") };
        AssertAt(await PairFails(request), "bad_values.parquet", "nan_list", 2, "has NaN at position 1");
        AssertAt(await PairFails(request with { X = ColumnSpec.Parse("null_scalar"), Y = ColumnSpec.Parse("ok") }), "bad_values.parquet", "null_scalar", 1, "is null");
        AssertAt(await PairFails(request with { Y = null, Label = ColumnSpec.Parse("null_label") }), "bad_values.parquet", "null_label", 2, "is null");

        // Rows removed by a filter are not validated, as for check.
        var filtered = await DatasetLoader.LoadPairAsync(request with { Filters = [RowFilter.Parse("part=x")] });
        Assert.Equal(4, filtered.Rows);
    }

    [Fact]
    public async Task Y_the_same_column_as_x_is_an_error_naming_both_specs()
    {
        var error = await PairFails(Pair("ok", y: "bad_values.parquet:ok", key: null) with { DataPath = Fixture("bad_values.parquet") });

        AssertAt(error, "bad_values.parquet", "ok", null, "--y 'bad_values.parquet:ok' is the same column as --x 'ok'; I(X;X) is the entropy of X");
    }

    [Fact]
    public async Task Y_a_glob_sharing_columns_with_x_is_an_error()
    {
        var error = await PairFails(Pair("g_*", y: "g_?", key: null) with { DataPath = Fixture("arrow_vectors.parquet") });

        AssertAt(error, "arrow_vectors.parquet", "g_c", null, "--y 'g_?' and --x 'g_*' share 3 column(s) ('g_c', 'g_a', 'g_b'); I(X;Y) is infinite");
    }

    [Fact]
    public async Task Both_or_neither_of_y_and_a_label_is_an_error()
    {
        var both = await PairFails(Pair("keyed_features.parquet:vec", y: "keyed_partial.parquet:w", label: "keyed_labels.parquet:y"));
        var neither = await PairFails(Pair("keyed_features.parquet:vec"));

        Assert.Contains("Both --y 'keyed_partial.parquet:w' and --label 'keyed_labels.parquet:y' were given", both.Message);
        Assert.Contains("Neither --y nor --label was given", neither.Message);
    }

    [Fact]
    public async Task Several_files_without_a_key_name_x_and_y_in_the_error()
    {
        var pair = await PairFails(Pair("keyed_features.parquet:vec", y: "keyed_labels.parquet:key", key: null));
        var labelled = await PairFails(Pair("keyed_features.parquet:vec", label: "keyed_labels.parquet:y", key: null));

        Assert.StartsWith("X (--x) and Y (--y) come from 2 files (keyed_features.parquet, keyed_labels.parquet) but no --key was given", pair.Message);
        Assert.StartsWith("X (--x) and the label (--label) come from 2 files (keyed_features.parquet, keyed_labels.parquet) but no --key was given", labelled.Message);
        Assert.Contains("--join row-order", pair.Message);
    }

    [Fact]
    public async Task The_check_messages_that_the_pair_modes_vary_are_unchanged_for_check()
    {
        var noKey = await Fails(Keyed("keyed_features.parquet:key") with { Key = null });
        var noTeacher = await Fails(Keyed("keyed_features.parquet:key") with { Teachers = [] });

        Assert.StartsWith("The teachers, the student and the label come from 2 files (keyed_features.parquet, keyed_labels.parquet) but no --key was given; ", noKey.Message);
        Assert.Equal("No teacher representation was given; expected at least one teacher column spec ([PATH:]COLUMN).", noTeacher.Message);
        // Files in first-use order for check: teachers, student, label.
        var data = await Load(Keyed("keyed_partial.parquet:w", join: JoinMode.Inner));
        Assert.Equal(["keyed_features.parquet", "keyed_partial.parquet", "keyed_labels.parquet"], data.Inputs.Select(i => Path.GetFileName(i.Path)));
    }
}

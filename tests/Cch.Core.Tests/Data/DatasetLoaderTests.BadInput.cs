using Cch.Data;

namespace Cch.Tests.Data;

/// <summary>Each bad input is a <see cref="CchInputException"/> that locates the file, column and first offending row.</summary>
public sealed partial class DatasetLoaderTests
{
    private static Task<CchInputException> BadVector(string column) =>
        Fails(OneFile("bad_values.parquet", ["ok"], column, "label"));

    private static void AssertAt(CchInputException error, string file, string? column, long? row, string phrase)
    {
        Assert.Equal(Fixture(file), error.File);
        Assert.Equal(column, error.Column);
        Assert.Equal(row, error.Row);
        Assert.Contains(phrase, error.Message);
    }

    [Fact]
    public async Task NaN_inside_a_list_is_reported_at_its_row()
    {
        var error = await BadVector("nan_list");
        AssertAt(error, "bad_values.parquet", "nan_list", 2, "has NaN at position 1");
        Assert.StartsWith($"{Fixture("bad_values.parquet")}, column 'nan_list', row 2: ", error.Message);
    }

    [Fact]
    public async Task Infinity_in_a_scalar_column_is_reported_at_its_row() =>
        AssertAt(await BadVector("inf_scalar"), "bad_values.parquet", "inf_scalar", 3, "is +infinity");

    [Fact]
    public async Task A_null_scalar_is_reported_at_its_row() =>
        AssertAt(await BadVector("null_scalar"), "bad_values.parquet", "null_scalar", 1, "is null");

    [Fact]
    public async Task A_null_list_is_reported_at_its_row() =>
        AssertAt(await BadVector("null_list"), "bad_values.parquet", "null_list", 1, "null list");

    [Fact]
    public async Task A_null_element_inside_a_list_is_reported_at_its_row() =>
        AssertAt(await BadVector("null_element"), "bad_values.parquet", "null_element", 4, "null element at position 1");

    [Fact]
    public async Task Ragged_lists_report_both_lengths()
    {
        var error = await BadVector("ragged");
        AssertAt(error, "bad_values.parquet", "ragged", 3, "has 3 values but the 3 rows read before it (from row 0) have 2");
        Assert.Contains("every row must have the same length (ragged lists)", error.Message);
    }

    private static Task<CchInputException> RaggedVector(string column) =>
        Fails(OneFile("ragged_lists.parquet", ["ok"], column, "label"));

    [Fact]
    public async Task A_ragged_first_row_is_blamed_on_row_0_not_row_1() =>
        AssertAt(await RaggedVector("first"), "ragged_lists.parquet", "first", 0, "has 3 values but rows 1 and 2 after it have 2");

    [Fact]
    public async Task A_ragged_second_row_is_blamed_on_row_1() =>
        AssertAt(await RaggedVector("second"), "ragged_lists.parquet", "second", 1, "has 3 values but rows 0 and 2 around it have 2");

    [Fact]
    public async Task Ragged_rows_without_a_majority_are_named_without_blaming_either() =>
        AssertAt(await RaggedVector("mixed"), "ragged_lists.parquet", "mixed", 1, "rows 0 and 1 differ in length (2 and 3 values)");

    [Fact]
    public async Task An_empty_list_is_reported_at_its_row() =>
        AssertAt(await BadVector("empty_list"), "bad_values.parquet", "empty_list", 2, "empty list");

    [Fact]
    public async Task A_string_column_used_as_a_vector_says_what_was_expected()
    {
        var error = await BadVector("name");
        AssertAt(error, "bad_values.parquet", "name", null, "is a string; expected a representation");
    }

    [Fact]
    public async Task A_list_of_strings_says_a_list_of_numbers_was_expected() =>
        AssertAt(await BadVector("str_list"), "bad_values.parquet", "str_list", null, "list<string>; expected a list of numbers");

    [Fact]
    public async Task A_single_class_label_is_rejected() =>
        AssertAt(await Fails(OneFile("bad_values.parquet", ["ok"], "label", "one_class")),
            "bad_values.parquet", "one_class", null, "single-class label: every used row has class '7'");

    [Fact]
    public async Task A_null_label_is_reported_at_its_row() =>
        AssertAt(await Fails(OneFile("bad_values.parquet", ["ok"], "label", "null_label")),
            "bad_values.parquet", "null_label", 2, "is null");

    [Fact]
    public async Task NaN_in_a_regression_label_is_reported_at_its_row() =>
        AssertAt(await Fails(OneFile("bad_values.parquet", ["ok"], "label", "nan_target")),
            "bad_values.parquet", "nan_target", 1, "is NaN");

    [Fact]
    public async Task A_fractional_float_label_cannot_be_forced_to_classes() =>
        AssertAt(await Fails(OneFile("bad_values.parquet", ["ok"], "label", "frac_label", task: TaskKind.Classification)),
            "bad_values.parquet", "frac_label", 2, "whole numbers");

    [Fact]
    public async Task A_string_label_cannot_be_a_regression_target() =>
        AssertAt(await Fails(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_str", task: TaskKind.Regression)),
            "arrow_vectors.parquet", "y_str", null, "--task regression needs a numeric label");

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var error = await Fails(OneFile("no_such_file.parquet", ["a"], "b", "c"));
        AssertAt(error, "no_such_file.parquet", null, null, "file not found");
    }

    [Fact]
    public async Task A_text_file_named_parquet_is_not_a_parquet_file() =>
        AssertAt(await Fails(OneFile("not_parquet.parquet", ["a"], "b", "c")),
            "not_parquet.parquet", null, null, "not a Parquet file (it does not start with PAR1).");

    [Fact]
    public async Task A_truncated_parquet_file_is_reported_as_truncated() =>
        AssertAt(await Fails(OneFile("truncated.parquet", ["a"], "b", "c")),
            "truncated.parquet", null, null, "truncated Parquet file: no PAR1 footer at the end (was it copied or written completely?).");

    /// <summary>Loads a copy of keyed_features.parquet changed by <paramref name="edit"/> (teacher vec, student key, label flag).</summary>
    private static async Task<CchInputException> FailsOnEditedCopy(Func<byte[], byte[]> edit)
    {
        var directory = Directory.CreateTempSubdirectory("cch-corrupt-");
        try
        {
            var path = Path.Combine(directory.FullName, "edited.parquet");
            await File.WriteAllBytesAsync(path, edit(await File.ReadAllBytesAsync(Fixture("keyed_features.parquet"))));
            var error = await Fails(OneFile("keyed_features.parquet", ["vec"], "key", "flag") with { DataPath = path });
            Assert.Equal(path, error.File);
            // No raw library internals in the message; they stay in the inner exception.
            Assert.DoesNotContain("Exception", error.Message);
            Assert.DoesNotContain("Thrift", error.Message);
            return error;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_file_says_it_is_empty()
    {
        var error = await FailsOnEditedCopy(_ => []);
        Assert.Equal("empty file (0 bytes), expected a Parquet file.", error.Reason);
    }

    [Fact]
    public async Task A_file_that_is_only_the_magic_is_truncated()
    {
        var error = await FailsOnEditedCopy(_ => "PAR1"u8.ToArray());
        Assert.StartsWith("truncated Parquet file: no PAR1 footer", error.Reason);
    }

    [Fact]
    public async Task A_footer_length_beyond_the_file_is_corrupt()
    {
        var error = await FailsOnEditedCopy(bytes =>
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 8, 4), 1_000_000);
            return bytes;
        });
        Assert.StartsWith("corrupt Parquet file: the footer length at the end of the file is 1000000 bytes, but the file has ", error.Reason);
    }

    [Fact]
    public async Task A_garbled_footer_is_corrupt_without_library_text()
    {
        var error = await FailsOnEditedCopy(bytes =>
        {
            var footer = BitConverter.ToInt32(bytes, bytes.Length - 8);
            bytes.AsSpan(bytes.Length - 8 - footer, footer).Fill(0xFF);
            return bytes;
        });
        Assert.Equal("corrupt Parquet file: the footer (file metadata) cannot be decoded.", error.Reason);
        Assert.Null(error.Column);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_garbled_column_chunk_names_the_column_and_the_row_group()
    {
        // The first column chunk ('key', read as the student) starts right after the leading PAR1.
        var error = await FailsOnEditedCopy(bytes =>
        {
            bytes.AsSpan(4, 24).Fill(0xFF);
            return bytes;
        });
        Assert.Equal("key", error.Column);
        Assert.Equal("corrupt Parquet file: cannot decode the column in row group 0 (rows 0–5).", error.Reason);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_directory_is_not_a_parquet_file()
    {
        var directory = Directory.CreateTempSubdirectory("cch-dir-");
        try
        {
            var error = await Fails(OneFile("keyed_features.parquet", ["vec"], "key", "flag") with { DataPath = directory.FullName });
            Assert.Equal(directory.FullName, error.File);
            Assert.Equal("is a directory, expected a Parquet file.", error.Reason);
        }
        finally
        {
            directory.Delete();
        }
    }

    [Fact]
    public async Task A_missing_column_lists_available_columns()
    {
        var error = await BadVector("nope");
        AssertAt(error, "bad_values.parquet", "nope", null, "column not found");
        Assert.Contains("available columns: 'label', 'part', 'ok'", error.Message);
        Assert.Contains("(16 in all)", error.Message);
    }

    [Fact]
    public async Task A_column_named_in_the_wrong_case_gets_a_hint() =>
        AssertAt(await Fails(OneFile("bad_values.parquet", ["ok"], "label", "Label")),
            "bad_values.parquet", "Label", null, "did you mean 'label'?");

    [Fact]
    public async Task A_glob_matching_nothing_is_an_error() =>
        AssertAt(await BadVector("zzz_*"), "bad_values.parquet", "zzz_*", null, "matches no column");

    [Fact]
    public async Task A_glob_matching_a_string_column_names_it() =>
        AssertAt(await Fails(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "mi*", "y_int")),
            "arrow_vectors.parquet", "mid", null, "a glob must match only scalar numeric columns");

    [Fact]
    public async Task A_filter_column_in_no_input_file_is_an_error()
    {
        var error = await Fails(OneFile("bad_values.parquet", ["ok"], "label", "label", ["split=train"]));
        Assert.Null(error.File);
        Assert.Equal("split", error.Column);
        Assert.Contains("in none of the input files (bad_values.parquet)", error.Message);
    }

    [Fact]
    public async Task A_filter_that_matches_no_row_shows_values_that_exist() =>
        AssertAt(await Fails(OneFile("arrow_vectors.parquet", ["fsl3_f32"], "g_a", "y_int", ["split=validation"])),
            "arrow_vectors.parquet", "split", null, "--where split=validation matches no row; values present: 'test', 'train'");

    [Fact]
    public async Task A_teacher_that_is_the_student_is_an_error()
    {
        var error = await Fails(OneFile("bad_values.parquet", ["nan_list", "ok"], "ok", "label"));
        AssertAt(error, "bad_values.parquet", "ok", null, "teacher 'ok' is the student representation itself; I(H_s;H_s) is its entropy");
    }

    [Fact]
    public async Task A_teacher_naming_the_student_through_its_file_path_is_the_same_column()
    {
        // The student has no path (the --data file); the teacher names that file explicitly.
        var request = OneFile("bad_values.parquet", [], "ok", "label") with
        {
            Teachers = [new ColumnSpec(Fixture("bad_values.parquet"), "ok")],
        };
        var error = await Fails(request);
        AssertAt(error, "bad_values.parquet", "ok", null, "is the student representation itself");
    }

    [Fact]
    public async Task A_teacher_glob_sharing_a_column_with_the_student_is_an_error()
    {
        // 'g_*' and 'g_a' differ as text but both select g_a: I(H_t;H_s) would be infinite.
        var error = await Fails(OneFile("arrow_vectors.parquet", ["g_*"], "g_a", "y_int"));
        AssertAt(error, "arrow_vectors.parquet", "g_a", null, "teacher 'g_*' and the student 'g_a' share 1 column(s) ('g_a'); I(H_t;H_s) is infinite");
    }

    [Fact]
    public async Task Two_teacher_globs_selecting_the_same_columns_are_an_error()
    {
        var error = await Fails(OneFile("arrow_vectors.parquet", ["g_*", "g_?"], "fsl3_f32", "y_int"));
        AssertAt(error, "arrow_vectors.parquet", "g_c", null, "teachers 1 ('g_*') and 2 ('g_?') select the same 3 column(s)");
    }

    [Fact]
    public async Task A_teacher_given_twice_is_an_error()
    {
        var error = await Fails(OneFile("arrow_vectors.parquet", ["fsl3_f32", "l_i8", "fsl3_f32"], "g_a", "y_int"));
        AssertAt(error, "arrow_vectors.parquet", "fsl3_f32", null, "teacher 'fsl3_f32' is given twice (teachers 1 and 3); give each teacher once");
    }

    [Fact]
    public async Task A_teacher_given_twice_under_two_spellings_names_both()
    {
        var request = OneFile("arrow_vectors.parquet", ["l_i8"], "g_a", "y_int") with
        {
            Teachers = [ColumnSpec.Parse("l_i8"), new ColumnSpec(Fixture("arrow_vectors.parquet"), "l_i8")],
        };
        var error = await Fails(request);
        Assert.Contains($"(teachers 1 and 2, also as 'l_i8')", error.Message);
    }

    [Fact]
    public async Task The_same_column_name_in_two_files_is_two_different_teachers()
    {
        // keyed_features and keyed_labels both have 'key'; different files, so not a duplicate.
        var data = await Load(new DataRequest
        {
            BaseDirectory = Path.Combine(TestPaths.TestAssets, "parquet"),
            Teachers = [ColumnSpec.Parse("keyed_features.parquet:key"), ColumnSpec.Parse("keyed_labels.parquet:key")],
            Student = ColumnSpec.Parse("keyed_features.parquet:vec"),
            Label = ColumnSpec.Parse("keyed_labels.parquet:y"),
            Key = "key",
        });
        Assert.Equal(data.Teachers[0].Values, data.Teachers[1].Values);
    }

    [Fact]
    public async Task No_teacher_is_an_error()
    {
        var request = OneFile("bad_values.parquet", [], "ok", "label");
        var error = await Fails(request);
        Assert.Contains("at least one teacher", error.Message);
    }
}

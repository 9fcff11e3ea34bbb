using Cch.Data;

namespace Cch.Tests.Data;

/// <summary>
/// <see cref="BmiSampleReader"/>: the CSV that bmi's <c>save_sample</c> writes with pandas
/// (<c>DataFrame.to_csv(index=False)</c>: header <c>X0,…,Y0,…</c>, floats in Python's <c>repr</c>, NaN as
/// an empty cell), and every way such a file can be wrong.
/// </summary>
public sealed class BmiSampleReaderTests
{
    [Fact]
    public void Pandas_floats_are_read_exactly_into_x_and_y_by_position()
    {
        using var dir = new TempFolder();
        // repr forms pandas writes: fixed with '.0', exponents with two digits, -0.0, 17 significant digits.
        var path = dir.Write("s.csv", "X0,X1,Y0\n1.0,-0.0,1e-05\n0.1,-2.5e+16,0.30000000000000004\n-1.2345678901234567,3.0,7.0\n");

        var sample = BmiSampleReader.Read(path, 2, 1);

        Assert.Equal(3, sample.Rows);
        Assert.Equal(path, sample.Path);
        Assert.Equal([1.0, -0.0, 0.1, -2.5e16, -1.2345678901234567, 3.0], sample.X.Values);
        Assert.Equal([1e-05, 0.30000000000000004, 7.0], sample.Y.Values);
        Assert.Equal((2, 1), (sample.X.Columns, sample.Y.Columns));
    }

    [Fact]
    public void Windows_line_ends_a_byte_order_mark_quotes_and_blank_lines_are_accepted()
    {
        using var dir = new TempFolder();
        var path = dir.File("s.csv");
        File.WriteAllText(path, "\uFEFFX0,Y0\r\n1,2\r\n\r\n\"3\",4\r\n\r\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var sample = BmiSampleReader.Read(path, 1, 1);

        Assert.Equal([1.0, 3.0], sample.X.Values);
        Assert.Equal([2.0, 4.0], sample.Y.Values);
    }

    [Fact]
    public void Other_header_names_are_taken_by_position()
    {
        using var dir = new TempFolder();
        var path = dir.Write("s.csv", "a,b,c\n1,2,3\n");

        var sample = BmiSampleReader.Read(path, 1, 2);

        Assert.Equal([1.0], sample.X.Values);
        Assert.Equal([2.0, 3.0], sample.Y.Values);
    }

    [Theory]
    [InlineData("X0,X1,Y0\n1,2,3\n4,abc,6\n", "X1", 1L, "'abc' is not a number (line 3)")]
    [InlineData("X0,X1,Y0\n1,2,3\n4,5,\n", "Y0", 1L, "is empty (line 3); every cell must be a finite number (pandas writes NaN as an empty cell)")]
    [InlineData("X0,X1,Y0\nnan,2,3\n", "X0", 0L, "is nan (line 2); every cell must be a finite number")]
    [InlineData("X0,X1,Y0\n1,2,3\n1,2,-inf\n", "Y0", 1L, "is -inf (line 3)")]
    [InlineData("X0,X1,Y0\n1,2,3\n1,2\n", null, 1L, "has 2 cell(s) but the header has 3 (line 3)")]
    [InlineData("X0,X1,Y0\n1,2,3,4\n", null, 0L, "has 4 cell(s) but the header has 3 (line 2)")]
    [InlineData("X0,X1,Y0\n1,2,1,5\n", null, 0L, "has 4 cell(s)")]
    [InlineData("X0,Y0,Y1\n1,2,3\n", "Y0", null, "the header names X0, Y0, Y1 but DIM_X = 2 and DIM_Y = 1 expect X0,X1,Y0: column 2 is 'Y0', expected 'X1'.")]
    [InlineData("X0,X1\n1,2\n", null, null, "the header has 2 column(s) ('X0', 'X1') but DIM_X + DIM_Y = 2 + 1 = 3")]
    [InlineData("1.5,2,3\n4,5,6\n", null, null, "the first line holds numbers ('1.5', '2', '3'), not column names; expected a header line X0,X1,Y0")]
    [InlineData("X0,X1,Y0\n", null, null, "has a header but no rows")]
    public void A_malformed_sample_names_file_column_and_row(string contents, string? column, long? row, string phrase)
    {
        using var dir = new TempFolder();
        var path = dir.Write("s.csv", contents);

        var error = Assert.Throws<CchInputException>(() => BmiSampleReader.Read(path, 2, 1));

        Assert.Equal(path, error.File);
        Assert.Equal(column, error.Column);
        Assert.Equal(row, error.Row);
        Assert.Contains(phrase, error.Message);
    }

    [Fact]
    public void Missing_empty_and_directory_paths_and_bad_dimensions_are_input_errors()
    {
        using var dir = new TempFolder();
        var empty = dir.Write("empty.csv", "");
        var ok = dir.Write("ok.csv", "X0,Y0\n1,2\n");

        Assert.Contains("file not found", Assert.Throws<CchInputException>(() => BmiSampleReader.Read(dir.File("none.csv"), 1, 1)).Message);
        Assert.Contains("empty file (0 bytes)", Assert.Throws<CchInputException>(() => BmiSampleReader.Read(empty, 1, 1)).Message);
        Assert.Contains("is a directory", Assert.Throws<CchInputException>(() => BmiSampleReader.Read(dir.Path, 1, 1)).Message);
        Assert.Contains("each side needs at least one column", Assert.Throws<CchInputException>(() => BmiSampleReader.Read(ok, 0, 2)).Message);
    }

    [Fact]
    public void A_parquet_or_other_binary_file_is_named_as_such_instead_of_quoting_its_bytes()
    {
        using var dir = new TempFolder();
        var binary = dir.File("b.csv");
        File.WriteAllBytes(binary, [(byte)'X', (byte)'0', (byte)',', 0, 1, 2, (byte)'\n']);

        var parquet = Assert.Throws<CchInputException>(() => BmiSampleReader.Read(TestPaths.ParquetFixture("keyed_features.parquet"), 1, 1));
        var other = Assert.Throws<CchInputException>(() => BmiSampleReader.Read(binary, 1, 1));

        Assert.Equal("is a Parquet file, not a CSV sample; for Parquet use dotnet cch mi --x SPEC --y SPEC.", parquet.Reason);
        Assert.Equal("is not a text file (it holds NUL bytes); expected a CSV sample.", other.Reason);
    }
}

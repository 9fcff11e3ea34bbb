using Cch.Data;

namespace Cch.Tests.Data;

public sealed class ColumnSpecTests
{
    [Theory]
    [InlineData("data.parquet:fac216", "data.parquet", "fac216")]
    [InlineData("fac216", null, "fac216")]
    [InlineData("/a/b.parquet:mrna_*", "/a/b.parquet", "mrna_*")]
    public void Parse_splits_path_and_column_at_the_last_colon(string spec, string? path, string column)
    {
        var parsed = ColumnSpec.Parse(spec);
        Assert.Equal(path, parsed.Path);
        Assert.Equal(column, parsed.Column);
    }

    [Fact]
    public void A_file_name_without_a_column_says_the_column_is_missing()
    {
        var e = Assert.Throws<CchInputException>(() => ColumnSpec.Parse("../data/mnist.parquet").ResolvePath(null, "/tmp"));
        Assert.Contains("names a file but no column", e.Message);
        Assert.Contains("../data/mnist.parquet:pixels", e.Message);
    }

    [Fact]
    public void A_bare_column_without_data_says_no_file_was_given()
    {
        var e = Assert.Throws<CchInputException>(() => ColumnSpec.Parse("pixels").ResolvePath(null, "/tmp"));
        Assert.Contains("names no file and no --data file was given", e.Message);
    }
}

using Cch.Configuration;
using Cch.Data;

namespace Cch.Tests.Configuration;

public sealed class MaxRowsSettingTests
{
    private static CchConfig Config(int? maxRows) => new() { Teachers = ["t"], Student = "s", Label = "y", Data = "/tmp/x.parquet", MaxRows = maxRows };

    private static MutualInformationConfig Pair(int? maxRows) => new() { X = "x", Y = "y", Data = "/tmp/x.parquet", MaxRows = maxRows };

    [Fact]
    public void Unset_is_the_default_cap_zero_is_every_row_and_the_seed_draws()
    {
        Assert.Equal(RowSample.DefaultMaxRows, CheckSettings.From(Config(null)).Data!.MaxRows);
        Assert.Null(CheckSettings.From(Config(0)).Data!.MaxRows);
        Assert.Equal(5000, CheckSettings.From(Config(5000) with { Seed = 7 }).Data!.MaxRows);
        Assert.Equal(7, CheckSettings.From(Config(5000) with { Seed = 7 }).Data!.SampleSeed);
        Assert.Equal(RowSample.DefaultMaxRows, MutualInformationSettings.From(Pair(null)).Data.MaxRows);
        Assert.Null(MutualInformationSettings.From(Pair(0)).Data.MaxRows);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-3)]
    [InlineData(49)]
    public void Fewer_than_fifty_rows_is_refused_naming_the_option_or_the_config_key(int maxRows)
    {
        Assert.Contains("--max-rows", Assert.Throws<CchInputException>(() => CheckSettings.From(Config(maxRows))).Message);
        Assert.Contains("--max-rows", Assert.Throws<CchInputException>(() => MutualInformationSettings.From(Pair(maxRows))).Message);
        var fromFile = Assert.Throws<CchInputException>(() => CheckSettings.ValidateFile(Config(maxRows), "/tmp/cch.json"));
        Assert.Contains("maxRows", fromFile.Message);
        Assert.Equal("/tmp/cch.json", fromFile.File);
    }
}

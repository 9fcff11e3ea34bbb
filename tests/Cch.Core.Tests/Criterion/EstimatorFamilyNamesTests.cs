using System.Text.Json;
using Cch.Criterion;

namespace Cch.Tests.Criterion;

/// <summary>The family names are one list: the enum, the config schema, the report schema and the mi schema agree.</summary>
public sealed class EstimatorFamilyNamesTests
{
    [Fact]
    public void Every_family_has_a_distinct_name_and_auto_comes_first()
    {
        Assert.Equal("auto", EstimatorFamilyNames.All[0]);
        Assert.Equal(Enum.GetValues<EstimatorFamily>().Length, EstimatorFamilyNames.All.Distinct().Count());
        Assert.Equal("cca-ksg", EstimatorFamilyNames.Of(EstimatorFamily.CcaKsg));
    }

    [Theory]
    [InlineData("cch-config.schema.json", "$defs", "estimator")]
    [InlineData("cch-report.schema.json", "properties", "estimator", "properties", "family")]
    [InlineData("cch-mi.schema.json", "properties", "family")]
    public void The_schemas_list_exactly_the_family_names(string schema, params string[] path)
    {
        using var stream = typeof(EstimatorFamily).Assembly.GetManifestResourceStream($"Cch.Schemas.{schema}")!;
        using var document = JsonDocument.Parse(stream);
        var node = document.RootElement;
        foreach (var step in path) node = node.GetProperty(step);

        Assert.Equal(EstimatorFamilyNames.All, node.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }

    [Theory]
    [InlineData("cch-report.schema.json", "$defs", "miValue", "properties", "interval")]
    [InlineData("cch-mi.schema.json", "properties", "interval")]
    public void The_schemas_list_exactly_the_interval_methods(string schema, params string[] path)
    {
        using var stream = typeof(EstimatorFamily).Assembly.GetManifestResourceStream($"Cch.Schemas.{schema}")!;
        using var document = JsonDocument.Parse(stream);
        var node = document.RootElement;
        foreach (var step in path) node = node.GetProperty(step);

        Assert.Equal(Cch.Estimators.IntervalMethods.All, node.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }
}

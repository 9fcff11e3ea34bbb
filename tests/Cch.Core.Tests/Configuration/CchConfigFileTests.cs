using Cch.Configuration;

namespace Cch.Tests.Configuration;

public sealed class CchConfigFileTests
{
    [Fact]
    public void An_unknown_key_is_an_input_error_naming_the_key_and_the_file()
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse("""{ "teachers": ["a"], "teacher": "b" }""", "/x/cch.json"));

        Assert.Equal("/x/cch.json", error.File);
        Assert.Equal("teacher", error.Column);
        Assert.Contains("Unknown key 'teacher'", error.Message);
        Assert.Contains("teachers", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key_and_line()
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse("{\n  \"k\": \"three\"\n}", "cch.json"));

        Assert.Contains("line 2", error.Message);
        Assert.Contains("'k'", error.Message);
    }

    [Fact]
    public void Malformed_json_is_an_input_error()
    {
        Assert.Throws<CchInputException>(() => CchConfigFile.Parse("{ \"k\": 3", "cch.json"));
    }

    [Fact]
    public void Comments_trailing_commas_and_a_schema_reference_are_accepted()
    {
        var config = CchConfigFile.Parse("""
            {
              // editors like this
              "$schema": "./cch-config.schema.json",
              "teachers": ["fac216", "pix240",],
              "k": 5,
            }
            """, "cch.json");

        Assert.Equal(["fac216", "pix240"], config.Teachers);
        Assert.Equal(5, config.K);
    }

    [Fact]
    public void Paths_in_a_file_are_resolved_against_its_directory()
    {
        var directory = Directory.CreateTempSubdirectory("cch-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "cch.json");
            File.WriteAllText(path, """{ "data": "data/x.parquet", "teachers": ["other.parquet:t", "plain"], "report": "out/r.json" }""");

            var config = CchConfigFile.Load(path);

            Assert.Equal(Path.Combine(directory.FullName, "data", "x.parquet"), config.Data);
            Assert.Equal(Path.Combine(directory.FullName, "other.parquet") + ":t", config.Teachers![0]);
            Assert.Equal("plain", config.Teachers[1]);
            Assert.Equal(Path.Combine(directory.FullName, "out", "r.json"), config.Report);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_config_file_is_an_input_error_naming_it()
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Load("/nonexistent/cch.json"));

        Assert.Equal("/nonexistent/cch.json", error.File);
    }

    [Fact]
    public void The_command_line_wins_over_the_file_and_the_file_over_defaults()
    {
        var file = new CchConfig { Teachers = ["a", "b"], Student = "s", Label = "y", K = 5, Seed = 3 };
        var cli = new CchConfig { K = 7 };

        var settings = CheckSettings.From(cli.Over(file));

        Assert.Equal(7, settings.Criterion.K);
        Assert.Equal(3, settings.Criterion.Seed);
        Assert.Equal(0.95, settings.Criterion.ConfidenceLevel);
        Assert.Equal(2, settings.Data!.Teachers.Count);
    }

    [Theory]
    [InlineData("estimator", "knn")]
    [InlineData("fail-on", "always")]
    [InlineData("format", "xml")]
    [InlineData("join", "outer")]
    [InlineData("task", "ranking")]
    public void A_value_outside_its_choices_lists_the_allowed_ones(string option, string value)
    {
        var config = new CchConfig { Teachers = ["t"], Student = "s", Label = "y" };
        config = option switch
        {
            "estimator" => config with { Estimator = value },
            "fail-on" => config with { FailOn = value },
            "format" => config with { Format = value },
            "join" => config with { Join = value },
            _ => config with { Task = value },
        };

        var error = Assert.Throws<CchInputException>(() => CheckSettings.From(config));

        Assert.Contains($"--{option} '{value}'", error.Message);
        Assert.Contains("expected one of", error.Message);
    }

    [Fact]
    public void A_missing_student_is_an_input_error_naming_the_option_and_key()
    {
        var error = Assert.Throws<CchInputException>(() => CheckSettings.From(new CchConfig { Teachers = ["t"], Label = "y" }));

        Assert.Contains("--student", error.Message);
        Assert.Contains("'student'", error.Message);
    }

    [Fact]
    public void Every_config_property_is_a_key_of_the_published_schema()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(CchConfigFile.ConfigSchema);
        var keys = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var json = CchConfigFile.ToJson(new CchConfig
        {
            Schema = "s", Data = "d", Teachers = ["t"], Student = "s", Label = "l", Key = "k", Join = "inner", Where = ["a=b"], Task = "auto",
            Estimator = "ksg", LabelEstimator = "mixed", K = 3, Seed = 1, Margin = 0.1, Confidence = 0.9, Replicates = 5, FailOn = "fail", Report = "r", Format = "json",
        });
        using var written = System.Text.Json.JsonDocument.Parse(json);

        Assert.All(written.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, keys));
        Assert.Equal(keys.Count, written.RootElement.EnumerateObject().Count());
    }
}

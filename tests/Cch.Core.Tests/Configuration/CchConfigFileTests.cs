using Cch.Configuration;
using Cch.Criterion;

namespace Cch.Tests.Configuration;

public sealed class CchConfigFileTests
{
    [Fact]
    public void An_unknown_key_is_an_input_error_naming_the_key_and_the_file()
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse("""{ "teachers": ["a"], "teacher": "b" }""", "/x/cch.json"));

        Assert.Equal("/x/cch.json", error.File);
        Assert.Null(error.Column);
        Assert.Contains("Unknown key 'teacher'", error.Message);
        Assert.Contains("teachers", error.Message);
    }

    [Theory]
    [InlineData("failon", "failOn")]
    [InlineData("maxRow", "maxRows")]
    [InlineData("replicate", "replicates")]
    public void A_mistyped_key_gets_the_nearest_known_key(string typed, string suggested)
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse($$"""{ "{{typed}}": 1 }""", "/x/cch.json"));

        Assert.Contains($"Unknown key '{typed}' (did you mean '{suggested}'?)", error.Message);
    }

    [Fact]
    public void A_key_far_from_every_known_key_gets_no_suggestion()
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse("""{ "colour": 1 }""", "/x/cch.json"));

        Assert.DoesNotContain("did you mean", error.Message);
    }

    [Theory]
    [InlineData("{ \"k\": \"three\" }", "The key 'k' must be a whole number")]
    [InlineData("{ \"k\": 3.5 }", "The key 'k' must be a whole number")]
    [InlineData("{ \"margin\": \"0.1\" }", "The key 'margin' must be a number")]
    [InlineData("{ \"teachers\": \"fac216\" }", "The key 'teachers' must be a list of strings")]
    [InlineData("{ \"student\": 3 }", "The key 'student' must be a string")]
    public void A_value_of_the_wrong_type_says_what_the_key_expects(string json, string expected)
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse(json, "cch.json"));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("Cch.Configuration", error.Message);
    }

    [Fact]
    public void Malformed_json_names_one_line_and_position()
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse("{\n  \"k\": 3,\n  oops\n}", "cch.json"));

        Assert.Contains("line 3", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void A_key_given_twice_is_an_input_error()
    {
        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Parse("""{ "k": 3, "k": 5 }""", "cch.json"));

        Assert.Contains("'k' appears twice", error.Message);
    }

    [Fact]
    public void A_bad_value_in_a_file_names_the_file_and_the_key_not_a_command_line_option()
    {
        using var dir = new TempFolder();
        var path = dir.Write("cch.json", """{ "estimator": "knn" }""");

        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Load(path));

        Assert.Equal(path, error.File);
        Assert.Contains("key 'estimator' 'knn'", error.Message);
        Assert.DoesNotContain("--estimator", error.Message);
    }

    [Fact]
    public void A_directory_given_as_config_is_an_input_error_saying_so()
    {
        using var dir = new TempFolder();

        var error = Assert.Throws<CchInputException>(() => CchConfigFile.Load(dir.Path));

        Assert.Contains("is a directory", error.Message);
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
        using var dir = new TempFolder();
        var path = dir.Write("cch.json", """{ "data": "data/x.parquet", "teachers": ["other.parquet:t", "plain"], "report": "out/r.json" }""");

        var config = CchConfigFile.Load(path);

        Assert.Equal(Path.Combine(dir.Path, "data", "x.parquet"), config.Data);
        Assert.Equal(Path.Combine(dir.Path, "other.parquet") + ":t", config.Teachers![0]);
        Assert.Equal("plain", config.Teachers[1]);
        Assert.Equal(Path.Combine(dir.Path, "out", "r.json"), config.Report);
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
    [InlineData("device", "gpu")]
    public void A_value_outside_its_choices_lists_the_allowed_ones(string option, string value)
    {
        var config = new CchConfig { Teachers = ["t"], Student = "s", Label = "y" };
        config = option switch
        {
            "estimator" => config with { Estimator = value },
            "fail-on" => config with { FailOn = value },
            "format" => config with { Format = value },
            "join" => config with { Join = value },
            "device" => config with { Device = value },
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
            Estimator = "ksg", LabelEstimator = "mixed", K = 3, Seed = 1, Margin = 0.1, Confidence = 0.9, Replicates = 5, SelfCheck = false, FailOn = "fail", Report = "r", Html = "h.html", Format = "json",
            StudentBlur = 1, ImageShape = "28,28", Verify = true, TestWhere = ["split=test"], TeacherLogits = ["t"], Hidden = 64, LearningRate = 0.01, BatchSize = 32, MaxEpochs = 10, Patience = 3, Seeds = 3, AutoSeeds = true, MinEffect = 0.01, ParallelSeeds = 2,
            Temperatures = [1, 2], Lambdas = [0.5], ValidationFraction = 0.2, TestFraction = 0.2, Threads = 1, MaxRows = 50000, Device = "cuda", Gate = "both",
            TeacherEncoders = ["t.onnx"], StudentEncoder = "s.onnx", EncoderOutput = "logits", InputShape = "1,28,28", InputScale = 0.5, EncoderBatchSize = 64,
        });
        using var written = System.Text.Json.JsonDocument.Parse(json);

        Assert.All(written.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, keys));
        Assert.Equal(keys.Count, written.RootElement.EnumerateObject().Count());
    }

    [Theory]
    [InlineData("seeds", "1")]
    [InlineData("lambda", "1.5")]
    [InlineData("lambda", "0")]
    [InlineData("same-rows", "split=train")]
    [InlineData("no-where", "split=test")]
    [InlineData("temperature", "0")]
    [InlineData("gate-without-verify", "")]
    [InlineData("test-where-without-verify", "")]
    [InlineData("logits-count", "")]
    [InlineData("min-effect", "-0.001")]
    [InlineData("min-effect", "NaN")]
    [InlineData("auto-first-look", "31")]
    [InlineData("parallel-seeds", "0")]
    public void Verification_settings_are_checked_before_any_training(string what, string value)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var config = new CchConfig { Teachers = ["a", "b"], Student = "s", Label = "y", Verify = true };
        config = what switch
        {
            "seeds" => config with { Seeds = int.Parse(value, inv) },
            "lambda" => config with { Lambdas = [double.Parse(value, inv)] },
            "temperature" => config with { Temperatures = [double.Parse(value, inv)] },
            "min-effect" => config with { MinEffect = double.Parse(value, inv) },
            "parallel-seeds" => config with { ParallelSeeds = int.Parse(value, inv) },
            "auto-first-look" => config with { AutoSeeds = true, Seeds = int.Parse(value, inv) },
            "gate-without-verify" => config with { Verify = null, Gate = "verified" },
            "same-rows" => config with { Where = ["split=train"], TestWhere = [value] },
            "no-where" => config with { TestWhere = [value] },
            "test-where-without-verify" => config with { Verify = null, TestWhere = ["split=test"] },
            _ => config with { TeacherLogits = ["logits"] },
        };

        Assert.Throws<CchInputException>(() => CheckSettings.From(config));
    }

    [Fact]
    public void Verification_defaults_follow_the_documented_values()
    {
        var settings = CheckSettings.From(new CchConfig { Teachers = ["a"], Student = "s", Label = "y", Verify = true, Seed = 4 });

        var v = settings.Verification!;
        Assert.Equal((128, 1e-3, 128, 200, 20, 5), (v.HiddenUnits, v.LearningRate, v.BatchSize, v.MaxEpochs, v.Patience, v.Seeds));
        Assert.Equal([2.0], v.Temperatures);
        Assert.Equal([0.5], v.Lambdas);
        Assert.Equal(4, v.Seed);
        Assert.Equal(Gate.Criterion, settings.Gate);
    }

    [Fact]
    public void Auto_seeds_and_the_minimum_effect_come_from_a_file_and_the_command_line_overrides_them()
    {
        using var dir = new TempFolder();
        var path = dir.Write("cch.json", """{ "teachers": ["a"], "student": "s", "label": "y", "verify": true, "autoSeeds": true, "seeds": 4, "minEffect": 0.01 }""");
        var file = CchConfigFile.Load(path);

        var fromFile = CheckSettings.From(file).Verification!;
        var fixedOnCommandLine = CheckSettings.From(new CchConfig { Seeds = 8, AutoSeeds = false }.Over(file)).Verification!;

        Assert.Equal((true, 4, 0.01), (fromFile.AutoSeeds, fromFile.Seeds, fromFile.MinEffect));
        Assert.Equal((false, 8), (fixedOnCommandLine.AutoSeeds, fixedOnCommandLine.Seeds));
        Assert.Null(CheckSettings.From(new CchConfig { Teachers = ["a"], Student = "s", Label = "y", Verify = true }).Verification!.MinEffect);
    }
}

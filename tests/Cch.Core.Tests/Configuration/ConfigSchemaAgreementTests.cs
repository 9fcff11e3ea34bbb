using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cch.Configuration;

namespace Cch.Core.Tests.Configuration;

/// <summary>
/// <see cref="CchConfig"/> declares the options once; the shipped schema and the tool's own rules are checked
/// against it here: same keys, same types, and the same verdict on a grid of values for every choice and range.
/// </summary>
public class ConfigSchemaAgreementTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(CchConfigFile.ConfigSchema)!.AsObject();
    private static JsonObject Properties => Schema["properties"]!.AsObject();

    /// <summary>A property's schema with a local <c>$ref</c> (<c>#/$defs/…</c>) followed.</summary>
    private static JsonObject Resolved(JsonNode node)
    {
        var reference = node["$ref"]?.GetValue<string>();
        return reference is null ? node.AsObject() : Resolved(Schema["$defs"]![reference["#/$defs/".Length..]]!);
    }

    private static IEnumerable<(string Key, PropertyInfo Property)> Keys() =>
        typeof(CchConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p));

    [Fact]
    public void The_schema_has_exactly_the_config_keys()
    {
        Assert.Equal(Keys().Select(k => k.Key).Order(StringComparer.Ordinal), Properties.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(Schema["additionalProperties"]?.GetValue<bool>() ?? true, "the schema must reject unknown keys, as the tool does");
    }

    [Fact]
    public void Every_key_but_schema_names_its_option_and_the_schema_description_names_it_too()
    {
        foreach (var (key, property) in Keys().Where(k => k.Key != "$schema"))
        {
            var option = property.GetCustomAttribute<CommandLineOptionAttribute>()?.Name;
            Assert.True(option is not null, $"{property.Name} has no [CommandLineOption]");
            var description = Properties[key]!["description"]?.GetValue<string>() ?? "";
            Assert.True(description.Contains(option, StringComparison.Ordinal), $"the schema's description of '{key}' does not name {option}: {description}");
        }
    }

    [Fact]
    public void Schema_types_match_the_config_types()
    {
        foreach (var (key, property) in Keys())
        {
            var node = Resolved(Properties[key]!);
            var type = property.PropertyType;
            var expected = type == typeof(int?) ? "integer" : type == typeof(double?) ? "number" : type == typeof(bool?) ? "boolean"
                : type == typeof(string) ? "string" : "array";
            var declared = node["type"] is JsonArray types ? types.Select(t => t!.GetValue<string>()).First(t => t != "null")
                : node["type"]?.GetValue<string>() ?? (node["enum"] is JsonArray values && values.All(v => v!.GetValueKind() == JsonValueKind.String) ? "string" : null);
            Assert.True(declared == expected, $"'{key}' is {type.Name} in CchConfig but '{declared}' in the schema");
            if (expected == "array")
            {
                var item = type == typeof(IReadOnlyList<double>) ? "number" : "string";
                Assert.True(Resolved(node["items"]!)["type"]?.GetValue<string>() == item, $"'{key}' holds {item}s in CchConfig");
            }
        }
    }

    /// <summary>For every choice and every number, the schema and the tool accept and reject the same values.</summary>
    [Fact]
    public void The_schema_and_the_tools_rules_agree_on_every_choice_and_range()
    {
        var disagreements = new List<string>();
        foreach (var (key, property) in Keys())
        {
            foreach (var candidate in Candidates(key, property.PropertyType))
            {
                var document = Base();
                document[key] = candidate;
                var bySchema = Rejects(() => ConfigSchemaCheck.Validate(JsonDocument.Parse(document.ToJsonString()).RootElement, "cch.json"));
                var option = property.GetCustomAttribute<CommandLineOptionAttribute>()?.Name;
                var byTool = Rejects(() => CheckSettings.From(Validated(document)), $"'{key}'", option);
                if (bySchema != byTool)
                    disagreements.Add($"{key} = {candidate!.ToJsonString()}: the schema {(bySchema ? "rejects" : "accepts")} it, the tool {(byTool ? "rejects" : "accepts")} it");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void Merging_keeps_every_key_from_either_side()
    {
        foreach (var (key, property) in Keys())
        {
            var type = property.PropertyType;
            object sample = type == typeof(string) ? "x" : type == typeof(int?) ? 7 : type == typeof(double?) ? 0.5 : type == typeof(bool?) ? true
                : type == typeof(IReadOnlyList<double>) ? new List<double> { 0.5 } : new List<string> { "x" };
            var set = new CchConfig();
            property.SetValue(set, sample);

            Assert.True(Equals(property.GetValue(new CchConfig().Over(set)), sample), $"Over drops '{key}' from the fallback (the config file)");
            Assert.True(Equals(property.GetValue(set.Over(new CchConfig())), sample), $"Over drops '{key}' from the command line");
        }
    }

    [Fact]
    public void A_file_the_schema_rejects_is_an_input_error_naming_the_key_and_the_schema()
    {
        var error = Assert.Throws<CchInputException>(() => ConfigSchemaCheck.Validate(JsonDocument.Parse("""{"k": 0}""").RootElement, "/tmp/cch.json"));

        Assert.Contains("'k' (0)", error.Message);
        Assert.Contains(CchConfigFile.SchemaFileName, error.Message);
        Assert.Contains("--k", error.Message); // the schema's description of the key
        Assert.Equal("/tmp/cch.json", error.File);
    }

    /// <summary>A valid config with verification, blur and an encoder on, so that every key's own rule decides, not a missing partner.</summary>
    private static JsonObject Base() => new()
    {
        ["teachers"] = new JsonArray("a", "b"), ["student"] = "s", ["label"] = "y", ["verify"] = true,
        ["studentBlur"] = 1, ["imageShape"] = "28,28", ["studentEncoder"] = "student.onnx",
    };

    private static CchConfig Validated(JsonObject document)
    {
        var config = CchConfigFile.Parse(document.ToJsonString(), "cch.json");
        CheckSettings.ValidateFile(config, "cch.json");
        return config;
    }

    /// <summary>Whether the action rejects the value: any input error, or one naming the key as a file or command line would.</summary>
    private static bool Rejects(Action action, params string?[] names)
    {
        try { action(); return false; }
        catch (CchInputException e) when (names.Length == 0 || names.Any(n => n is not null && e.Message.Contains(n, StringComparison.Ordinal))) { return true; }
        catch (CchInputException) { return false; } // about another key: this value was not the problem
    }

    private static IEnumerable<JsonNode?> Candidates(string key, Type type)
    {
        var node = Resolved(Properties[key]!);
        if (node["enum"] is JsonArray choices)
            return choices.Select(c => c!.DeepClone()).Append(JsonValue.Create("not-a-choice"));
        double[] grid = [-1, 0, 0.25, 0.5, 1, 2, 3, 7, 30, 31, 49, 50, 1000, 1001, 1024, 1025];
        if (type == typeof(int?)) return grid.Where(v => v == Math.Floor(v)).Select(v => (JsonNode?)JsonValue.Create((int)v));
        if (type == typeof(double?)) return grid.Concat([0.999, 1.5]).Select(v => (JsonNode?)JsonValue.Create(v));
        if (type == typeof(IReadOnlyList<double>)) return grid.Concat([1.5]).Select(v => (JsonNode?)new JsonArray(JsonValue.Create(v)));
        return [];
    }
}

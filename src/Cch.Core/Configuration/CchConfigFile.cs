using System.Reflection;
using System.Text.Json;
using Cch.Reports;

namespace Cch.Configuration;

/// <summary>Reads and writes <c>cch.json</c> files.</summary>
public static class CchConfigFile
{
    /// <summary>The default config file name.</summary>
    public const string DefaultFileName = "cch.json";

    /// <summary>The config schema's file name, as shipped beside a config by <c>dotnet cch init</c>.</summary>
    public const string SchemaFileName = "cch-config.schema.json";

    private static readonly string[] KnownKeys = typeof(CchConfig)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .ToArray();

    /// <summary>Reads <paramref name="path"/> and makes its paths absolute against the file's directory.</summary>
    /// <exception cref="CchInputException">The file is missing, not JSON, has an unknown key, a value of the wrong type or out of range, or anything the shipped schema rejects.</exception>
    public static CchConfig Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CchInputException("The config path is a directory; expected a JSON file such as cch.json.", file: full);
        if (!File.Exists(full))
            throw new CchInputException("The config file does not exist.", file: full);
        var text = Internal.InputText.Read(full, "The config file");

        var config = Parse(text, full);
        CheckSettings.ValidateFile(config, full);
        // The tool's own checks come first (their messages say more); the shipped schema is the backstop.
        using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
            ConfigSchemaCheck.Validate(document.RootElement, full);
        return config.WithPathsRelativeTo(Path.GetDirectoryName(full)!);
    }

    /// <summary>Parses config JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="CchInputException">Not JSON, not an object, an unknown key, or a value of the wrong type.</exception>
    public static CchConfig Parse(string json, string source)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            using (var document = JsonDocument.Parse(json, options))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new CchInputException("The config must be a JSON object.", file: source);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!KnownKeys.Contains(property.Name, StringComparer.Ordinal))
                        throw new CchInputException(
                            (Internal.NearestName.Of(property.Name, KnownKeys) is { } near ? $"Unknown key '{property.Name}' (did you mean '{near}'?). " : $"Unknown key '{property.Name}'. ")
                            + $"Known keys: {string.Join(", ", KnownKeys)}.", file: source);
                    if (!seen.Add(property.Name))
                        throw new CchInputException($"The key '{property.Name}' appears twice; keep one.", file: source);
                    if (ExpectedType(property.Name) is { } expected && !Matches(property.Value, expected))
                        throw new CchInputException($"The key '{property.Name}' must be {Describe(expected)}, not {property.Value.ValueKind.ToString().ToLowerInvariant()} {property.Value.GetRawText()}.", file: source);
                }
            }

            return JsonSerializer.Deserialize(json, CchJsonContext.Default.CchConfig)
                ?? throw new CchInputException("The config is empty (null).", file: source);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : string.Empty;
            throw new CchInputException($"Invalid JSON{where}: {FirstSentence(e.Message)}", file: source, inner: e);
        }
    }

    /// <summary>Serialises a config as indented camelCase JSON.</summary>
    public static string ToJson(CchConfig config) => JsonSerializer.Serialize(config, CchJsonContext.Default.CchConfig);

    /// <summary>The published config schema (<c>schemas/cch-config.schema.json</c>), embedded in this assembly.</summary>
    public static string ConfigSchema => EmbeddedSchema(SchemaFileName);

    /// <summary>The published report schema (<c>schemas/cch-report.schema.json</c>), embedded in this assembly.</summary>
    public static string ReportSchema => EmbeddedSchema("cch-report.schema.json");

    private static string EmbeddedSchema(string name)
    {
        using var stream = typeof(CchConfigFile).Assembly.GetManifestResourceStream($"Cch.Schemas.{name}")
            ?? throw new InvalidOperationException($"Schema {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The library's message without its own position suffix ("… LineNumber: 0 | BytePositionInLine: 8.").</summary>
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }

        return message.TrimEnd();
    }

    private static Type? ExpectedType(string key)
    {
        var property = typeof(CchConfig).GetProperties().FirstOrDefault(p =>
            (p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name)) == key);
        return property?.PropertyType;
    }

    private static bool Matches(JsonElement value, Type type) =>
        value.ValueKind == JsonValueKind.Null
        || (type == typeof(string) && value.ValueKind == JsonValueKind.String)
        || (type == typeof(int?) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _))
        || (type == typeof(double?) && value.ValueKind == JsonValueKind.Number)
        || (type == typeof(bool?) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        || (type == typeof(IReadOnlyList<string>) && value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
        || (type == typeof(IReadOnlyList<double>) && value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number));

    private static string Describe(Type type) =>
        type == typeof(string) ? "a string"
        : type == typeof(int?) ? "a whole number (32-bit)"
        : type == typeof(double?) ? "a number"
        : type == typeof(bool?) ? "true or false"
        : type == typeof(IReadOnlyList<double>) ? "a list of numbers, e.g. [1, 2]"
        : "a list of strings, e.g. [\"a\", \"b\"]";
}

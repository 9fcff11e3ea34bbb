using System.Text.Json;
using Json.Schema;

namespace Cch.Configuration;

/// <summary>
/// Checks a <c>cch.json</c> against the shipped schema (<c>schemas/cch-config.schema.json</c>, embedded), so that
/// the schema editors show and the rules the tool applies cannot drift apart unnoticed: a file the schema
/// rejects is rejected, naming the key and what the schema says about it.
/// </summary>
internal static class ConfigSchemaCheck
{
    // Its own registry: JsonSchema.Net registers schemas by $id, and tests build the same schema from the file.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(CchConfigFile.ConfigSchema, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>Validates a parsed config document.</summary>
    /// <param name="root">The document's root element.</param>
    /// <param name="source">The file, named in the error.</param>
    /// <exception cref="CchInputException">The schema rejects the document; the message names the first key it rejects.</exception>
    public static void Validate(JsonElement root, string source)
    {
        var result = Schema.Value.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return;

        var failures = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).ToList();
        var located = failures.FirstOrDefault(d => d.InstanceLocation.ToString().Length > 1) ?? failures.FirstOrDefault();
        var pointer = located?.InstanceLocation.ToString() ?? "";
        var key = pointer.Length > 1 ? Unescape(pointer[1..].Split('/')[0]) : null;
        var why = located?.Errors?.Values.FirstOrDefault() ?? "it does not match";
        var subject = key is null ? "The config" : $"The key '{key}' ({Value(root, key)})";
        var hint = key is null ? "" : Description(key) is { } d ? $" The schema says: {d}" : "";
        throw new CchInputException($"{subject} is not allowed by the published config schema ({CchConfigFile.SchemaFileName}): {why.TrimEnd('.')}.{hint}", file: source);
    }

    private static string Value(JsonElement root, string key) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var value) ? value.GetRawText() : "missing";

    private static string? Description(string key)
    {
        using var schema = JsonDocument.Parse(CchConfigFile.ConfigSchema);
        return schema.RootElement.TryGetProperty("properties", out var properties) && properties.TryGetProperty(key, out var property)
               && property.TryGetProperty("description", out var description) ? description.GetString() : null;
    }

    /// <summary>A JSON Pointer segment's text (RFC 6901: <c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>).</summary>
    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}

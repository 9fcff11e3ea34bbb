using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Cch.Tool.Tests;

/// <summary>Validates JSON against the published schemas in <c>schemas/</c>.</summary>
internal static class SchemaAssert
{
    // JsonSchema.Net registers each schema's $id globally: build each schema once per process.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new();

    public static void Valid(string schemaFile, string json)
    {
        var schema = Schemas.GetOrAdd(schemaFile, f => new Lazy<JsonSchema>(
            () => JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", f))))).Value;
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, $"{schemaFile} rejects the document:\n{string.Join("\n", errors)}\n{json}");
    }
}

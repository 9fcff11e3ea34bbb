using System.Text.Json;
using Cch.Data;

namespace Cch.Tests.Encoders;

/// <summary>
/// The committed fixture models (tests/TestAssets/onnx) and their expected outputs, computed with
/// numpy by make_fixtures.py (never by an ONNX runtime).
/// </summary>
internal static class OnnxFixtures
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference.json"))).RootElement.GetProperty("models"));

    public static string Folder => Path.Combine(TestPaths.TestAssets, "onnx");

    public static string Model(string file) => Path.Combine(Folder, file);

    /// <summary>The model's (first) input rows as an N × d matrix.</summary>
    public static FeatureMatrix Input(string model, int input = 0) =>
        Matrix("input", Reference.Value.GetProperty(model).GetProperty("inputs")[input].GetProperty("rows"));

    /// <summary>The expected output rows, flattened per row.</summary>
    public static FeatureMatrix Expected(string model, string output)
    {
        foreach (var o in Reference.Value.GetProperty(model).GetProperty("outputs").EnumerateArray())
            if (o.GetProperty("name").GetString() == output)
                return Matrix(output, o.GetProperty("rows"));
        throw new ArgumentException($"{model} has no output {output} in reference.json.");
    }

    private static FeatureMatrix Matrix(string name, JsonElement rows)
    {
        var list = rows.EnumerateArray().Select(r => r.EnumerateArray().Select(ToDouble).ToArray()).ToList();
        return new FeatureMatrix(name, list.Count, list[0].Length, list.SelectMany(r => r).ToArray());
    }

    private static double ToDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => e.GetDouble(),
    };

    /// <summary>Asserts |a − e| ≤ 1e-5 · max(|e|, 1e-3) elementwise (relative, with a floor for exact zeros).</summary>
    public static void AssertClose(FeatureMatrix expected, FeatureMatrix actual, double relative = 1e-5)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Columns, actual.Columns);
        for (var i = 0; i < expected.Values.Length; i++)
        {
            var (e, a) = (expected.Values[i], actual.Values[i]);
            Assert.True(Math.Abs(a - e) <= relative * Math.Max(Math.Abs(e), 1e-3),
                $"row {i / expected.Columns}, value {i % expected.Columns}: expected {e:R}, got {a:R}");
        }
    }
}

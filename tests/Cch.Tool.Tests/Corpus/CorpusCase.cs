using System.Text.Json;
using System.Text.Json.Serialization;
using Cch.Tests;

namespace Cch.Tool.Tests.Corpus;

/// <summary>
/// One case of the Parquet reliability corpus (<c>tests/TestAssets/parquet/corpus/corpus.json</c>,
/// written by <c>make-corpus.mjs</c> beside it): the CLI arguments, which tool wrote the file, what
/// is wrong with it and, for bad inputs, what the error message must name.
/// </summary>
public sealed record CorpusCase
{
    /// <summary>Stable name of the case (the test case's name).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary><c>bad</c> (must exit 2) or <c>good</c> (must be read: exit 0 or 1).</summary>
    [JsonPropertyName("set")] public required string Set { get; init; }

    /// <summary>The tool that wrote the file (DuckDB, Polars, arrow-rs, or an edit of their output).</summary>
    [JsonPropertyName("writer")] public required string Writer { get; init; }

    /// <summary>What is wrong with (or special about) the input.</summary>
    [JsonPropertyName("what")] public required string What { get; init; }

    /// <summary>Arguments after <c>dotnet cch</c>; <c>{c}</c> stands for the corpus folder.</summary>
    [JsonPropertyName("args")] public required string[] Args { get; init; }

    /// <summary>What the message must name (bad inputs only).</summary>
    [JsonPropertyName("expect")] public Expectation? Expect { get; init; }

    /// <summary>The facts a bad input's message must contain.</summary>
    public sealed record Expectation
    {
        /// <summary>The file at fault, relative to the corpus folder, or <c>null</c> when no one file is.</summary>
        [JsonPropertyName("file")] public string? File { get; init; }

        /// <summary>The column at fault, if one is.</summary>
        [JsonPropertyName("column")] public string? Column { get; init; }

        /// <summary>The zero-based file row of the first offending value, if one is.</summary>
        [JsonPropertyName("row")] public long? Row { get; init; }

        /// <summary>A phrase the message must contain (case-insensitive).</summary>
        [JsonPropertyName("says")] public required string Says { get; init; }
    }

    /// <summary>The corpus folder in the test output.</summary>
    public static string Folder => Path.Combine(TestPaths.TestAssets, "parquet", "corpus");

    /// <summary>Every case of the manifest.</summary>
    public static IReadOnlyList<CorpusCase> All => Manifest.Value;

    /// <summary>The case named <paramref name="id"/>.</summary>
    public static CorpusCase Get(string id) => All.Single(c => c.Id == id);

    /// <summary>The ids of the cases in <paramref name="set"/>, as xunit member data.</summary>
    public static TheoryData<string> Ids(string set)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => c.Set == set)) data.Add(c.Id);
        return data;
    }

    /// <summary>The arguments with <c>{c}</c> replaced by the corpus folder.</summary>
    public string[] ResolvedArgs() => [.. Args.Select(a => a.Replace("{c}", Folder, StringComparison.Ordinal))];

    /// <summary>The full path of a corpus-relative path, as the tool prints it.</summary>
    public static string FullPath(string relative) => Path.Combine(Folder, relative);

    private static readonly Lazy<IReadOnlyList<CorpusCase>> Manifest = new(() =>
    {
        using var stream = System.IO.File.OpenRead(Path.Combine(Folder, "corpus.json"));
        var document = JsonSerializer.Deserialize<ManifestFile>(stream)
            ?? throw new InvalidDataException("corpus.json is empty.");
        return document.Cases;
    });

    private sealed record ManifestFile([property: JsonPropertyName("cases")] CorpusCase[] Cases);
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Cch.Configuration;
using Cch.Reports;

namespace Cch.Sharding;

/// <summary>
/// <c>merge</c>: reads the parts written by <c>check --shard i/N</c>, refuses parts that do not belong to one run
/// (another tool version, seed, settings or inputs, another N, a shard missing or given twice), and hands back
/// what the final report needs (<see cref="MergedParts"/>; <see cref="Checking.CheckRunner.MergeAsync"/> builds it).
/// </summary>
public static class ShardMerge
{
    /// <summary>Reads one part.</summary>
    /// <param name="path">The part's path.</param>
    /// <exception cref="CchInputException">The file is missing, unreadable, or not a partial report.</exception>
    public static PartialReport Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
            throw new CchInputException("no such part; give the files written by check --shard i/N --report PATH.", file: path);
        var text = Internal.InputText.Read(path, "the part");

        string? kind = null;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String)
                kind = k.GetString();
        }
        catch (JsonException e)
        {
            throw new CchInputException($"this part is not JSON ({e.Message}); give the files written by check --shard i/N --report PATH.", file: path, inner: e);
        }

        if (kind != PartialReport.PartialKind)
            throw new CchInputException($"this is not a partial report (it has no \"kind\": \"{PartialReport.PartialKind}\"); give the files written by check --shard i/N --report PATH, not a final report.", file: path);
        PartialReport part;
        try
        {
            part = ReportWriter.PartialFromJson(text);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new CchInputException($"this part is not a valid partial report: {e.Message}", file: path, inner: e);
        }

        if (MissingField(part) is { } missing)
            throw new CchInputException($"this part is not a valid partial report: {missing} is null or missing.", file: path);
        return part;
    }

    /// <summary>The first required field that JSON <c>null</c> left empty (the deserializer accepts null for reference types), or <c>null</c>.</summary>
    private static string? MissingField(PartialReport part)
    {
        if (part.ToolVersion is null) return "toolVersion";
        if (part.Shard is null) return "shard";
        if (part.Settings is null) return "settings";
        if (part.Inputs is null) return "inputs";
        for (var i = 0; i < part.Inputs.Count; i++)
            if (part.Inputs[i] is not { Path: not null, Sha256: not null }) return $"inputs[{i}]";
        if (part.Results is null) return "results";
        for (var i = 0; i < part.Results.Count; i++)
        {
            var unit = part.Results[i];
            if (unit is null) return $"results[{i}]";
            if (unit.Key is null) return $"results[{i}].key";
            if (unit.Estimate is null) return $"results[{i}].estimate";
        }

        return null;
    }

    /// <summary>Reads the parts and checks that they are shards 0 … N−1 of one run, each exactly once.</summary>
    /// <param name="paths">The part files, in any order.</param>
    /// <exception cref="CchInputException">No part; a part unreadable; parts of different runs; a shard missing or given twice. The message names the files.</exception>
    public static MergedParts Combine(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
            throw new CchInputException("merge needs the parts written by check --shard i/N: give every part's path.");
        var parts = paths.Select(p => (Path: p, Name: Path.GetFileName(p), Part: Read(p))).ToList();

        foreach (var (path, name, part) in parts)
            if (part.ToolVersion != ToolInfo.Version)
                throw new CchInputException($"this part was written by cch {part.ToolVersion}, and this is cch {ToolInfo.Version}: run the shards and the merge with the same version.", file: path);

        var first = parts[0];
        var firstSettings = Canonical(first.Part.Settings);
        foreach (var (path, name, part) in parts.Skip(1))
        {
            var what = $"this part is shard {part.Shard} of a run with";
            if (part.Seed != first.Part.Seed)
                throw new CchInputException($"{what} seed {part.Seed}, {first.Name} of seed {first.Part.Seed}: merge only the shards of one run.", file: path);
            if (part.Shard.Count != first.Part.Shard.Count)
                throw new CchInputException($"{what} {part.Shard.Count} shards, {first.Name} of {first.Part.Shard.Count} ({first.Part.Shard}): merge only the shards of one run.", file: path);
            if (part.Example != first.Part.Example)
                throw new CchInputException($"{what} {(part.Example is null ? "input files" : $"--example {part.Example}")}, {first.Name} of {(first.Part.Example is null ? "input files" : $"--example {first.Part.Example}")}: merge only the shards of one run.", file: path);
            if (Canonical(part.Settings) is var settings && settings != firstSettings)
                throw new CchInputException($"{what} other settings than {first.Name} ({Difference(first.Part.Settings, first.Name, part.Settings, name)}): merge only the shards of one run.", file: path);
            if (part.Config != first.Part.Config)
                throw new CchInputException($"{what} config {part.Config ?? "(none)"}, {first.Name} of config {first.Part.Config ?? "(none)"}: merge only the shards of one run.", file: path);
            if (InputDifference(first.Part.Inputs, part.Inputs) is { } input)
                throw new CchInputException($"{what} other inputs than {first.Name} ({input}): merge only the shards of one run, on the same data.", file: path);
            if (part.Units != first.Part.Units)
                throw new CchInputException($"{what} {part.Units} units of work, {first.Name} of {first.Part.Units}: merge only the shards of one run.", file: path);
        }

        var count = first.Part.Shard.Count;
        var byIndex = new Dictionary<int, (string Path, string Name, PartialReport Part)>();
        foreach (var p in parts)
        {
            if (p.Part.Shard.Count < 1 || p.Part.Shard.Index < 0 || p.Part.Shard.Index >= count)
                throw new CchInputException($"this part claims to be shard {p.Part.Shard}, which does not exist.", file: p.Path);
            if (!byIndex.TryAdd(p.Part.Shard.Index, p))
                throw new CchInputException($"shard {p.Part.Shard} is given twice: {byIndex[p.Part.Shard.Index].Name} and {p.Name}; give each shard once.", file: p.Path);
        }

        var missing = Enumerable.Range(0, count).Where(i => !byIndex.ContainsKey(i)).ToList();
        if (missing.Count > 0)
            throw new CchInputException(
                $"shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} of the run {(missing.Count > 1 ? "are" : "is")} missing (given: {string.Join(", ", byIndex.OrderBy(b => b.Key).Select(b => $"{b.Value.Name} = {b.Value.Part.Shard}"))}); merge needs all {count}.");

        foreach (var p in parts)
            foreach (var unit in p.Part.Results)
                if (!p.Part.Shard.Owns(unit.Position))
                    throw new CchInputException($"this part (shard {p.Part.Shard}) holds unit '{unit.Key}' at position {unit.Position}, which belongs to shard {unit.Position % count}/{count}.", file: p.Path);

        var results = byIndex.OrderBy(b => b.Key).SelectMany(b => b.Value.Part.Results).OrderBy(r => r.Position).ToList();
        if (results.Count != first.Part.Units)
            throw new CchInputException($"the parts hold {results.Count} units of work, but the run has {first.Part.Units}: a part is incomplete.");
        return new MergedParts
        {
            Paths = byIndex.OrderBy(b => b.Key).Select(b => b.Value.Path).ToList(),
            Settings = first.Part.Settings,
            Example = first.Part.Example,
            Config = first.Part.Config,
            Inputs = first.Part.Inputs,
            Units = first.Part.Units,
            Results = results,
        };
    }

    /// <summary>The settings the merged run uses: the parts' settings with the merge's own report, HTML report and format.</summary>
    /// <param name="parts">The combined parts.</param>
    /// <param name="report">The final report's path (<c>--report</c>), or <c>null</c>.</param>
    /// <param name="html">The HTML report's path (<c>--html</c>), or <c>null</c>.</param>
    /// <param name="format">What to print (<c>--format</c>), or <c>null</c> for text.</param>
    /// <param name="baseDirectory">The directory relative report paths are resolved against.</param>
    /// <exception cref="CchInputException">A report path cannot take a report, or names an input or a part; the settings ask for <c>--verify</c>.</exception>
    public static CheckSettings Settings(MergedParts parts, string? report, string? html, string? format, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var config = (parts.Settings with { Report = report, Html = html, Format = format }).WithPathsRelativeTo(baseDirectory);
        var settings = CheckSettings.From(config, parts.Example, parts.Config);
        if (settings.Verification is not null)
            throw new CchInputException("the parts' settings ask for --verify, which is not sharded and which merge does not run; these parts were not written by check --shard.", file: parts.Paths.FirstOrDefault());
        settings = settings.WithPreparedReport();
        if (settings.ReportPath is { } r) Internal.AtomicFile.RefuseInputs(r, parts.Paths.Select(Path.GetFullPath), "--report");
        if (settings.HtmlPath is { } h) Internal.AtomicFile.RefuseInputs(h, parts.Paths.Select(Path.GetFullPath), "--html");
        return settings;
    }

    private static string Canonical(CchConfig config) => JsonSerializer.Serialize(config, CchJsonContext.Default.CchConfig);

    /// <summary>The first setting that differs, as <c>key: a vs b</c>.</summary>
    private static string Difference(CchConfig a, string aName, CchConfig b, string bName)
    {
        var x = JsonNode.Parse(Canonical(a))!.AsObject();
        var y = JsonNode.Parse(Canonical(b))!.AsObject();
        foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
        {
            var vx = x[key]?.ToJsonString() ?? "(unset)";
            var vy = y[key]?.ToJsonString() ?? "(unset)";
            if (vx != vy) return $"{key}: {vy} in {bName}, {vx} in {aName}";
        }

        return "settings differ";
    }

    private static string? InputDifference(IReadOnlyList<InputReport> a, IReadOnlyList<InputReport> b)
    {
        foreach (var x in a)
        {
            var y = b.FirstOrDefault(i => i.Path == x.Path);
            if (y is null) return $"{x.Path} is not among its inputs";
            if (!string.Equals(x.Sha256, y.Sha256, StringComparison.OrdinalIgnoreCase)) return $"{x.Path} has SHA-256 {y.Sha256} there, {x.Sha256} here";
        }

        return b.FirstOrDefault(y => a.All(x => x.Path != y.Path)) is { } extra ? $"it also read {extra.Path}" : null;
    }
}

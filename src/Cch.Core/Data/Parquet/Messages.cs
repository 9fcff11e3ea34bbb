namespace Cch.Data.Parquet;

/// <summary>Small helpers that keep error messages uniform.</summary>
internal static class Messages
{
    /// <summary>"a float32", "an int64", "a uint8", "a uuid", "a list&lt;string&gt;".</summary>
    public static string Article(string typeName) =>
        typeName.Length > 0 && "aeiouAEIOU".Contains(typeName[0], StringComparison.Ordinal)
        && !typeName.StartsWith("uint", StringComparison.OrdinalIgnoreCase) && !typeName.StartsWith("uuid", StringComparison.OrdinalIgnoreCase)
            ? $"an {typeName}"
            : $"a {typeName}";

    /// <summary>"1 value", "3 values".</summary>
    public static string Values(long count) => count == 1 ? "1 value" : $"{count} values";

    /// <summary>Up to <paramref name="max"/> items, quoted, then "… (N in all)".</summary>
    public static string Some(IEnumerable<string> items, int max = 8, bool quote = true)
    {
        var list = items.ToList();
        var shown = list.Take(max).Select(s => quote ? $"'{s}'" : s);
        var text = string.Join(", ", shown);
        return list.Count > max ? $"{text}, … ({list.Count} in all)" : text;
    }

    /// <summary>The file's columns, for "not found" messages.</summary>
    public static string Available(ParquetInputFile file) =>
        file.Columns.Count == 0 ? "the file has no columns" : $"available columns: {Some(file.Columns.Select(c => c.Name), 10)}";

    /// <summary>A "did you mean" hint when a column matches ignoring case.</summary>
    public static string Hint(ParquetInputFile file, string name)
    {
        var near = file.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return near is null ? string.Empty : $" (did you mean '{near.Name}'? names are case-sensitive)";
    }
}

using System.CommandLine;
using System.Globalization;

namespace Cch.Tool.Commands;

/// <summary><c>--max-rows</c>, which <c>check</c> and <c>mi</c> share.</summary>
internal static class SampleOptionParsing
{
    public static Option<string?> MaxRowsOption() => new("--max-rows")
    {
        Description = $"Use at most N of the rows that pass --where and the join, a seeded uniform sample (default {Cch.Data.RowSample.DefaultMaxRows:N0}); 'all' uses every row.",
    };

    /// <summary>Parses a whole number of rows (at least <see cref="Cch.Data.RowSample.MinimumMaxRows"/>) or <c>all</c> (0, as in the config).</summary>
    /// <exception cref="CchInputException">Anything else.</exception>
    public static int? MaxRows(string? text)
    {
        if (text is null) return null;
        if (string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase)) return 0;
        if (int.TryParse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n >= Cch.Data.RowSample.MinimumMaxRows) return n;
        throw new CchInputException($"--max-rows '{text}': expected a whole number of rows (at least {Cch.Data.RowSample.MinimumMaxRows}, the fewest any estimate accepts; at most {int.MaxValue:N0}) or all.");
    }
}

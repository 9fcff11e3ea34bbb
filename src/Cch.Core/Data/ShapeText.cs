using System.Globalization;

namespace Cch.Data;

/// <summary>Shapes written as text: positive integers separated by commas or <c>x</c>, e.g. <c>1,28,28</c> or <c>28x28</c>.</summary>
internal static class ShapeText
{
    /// <summary>Parses <paramref name="text"/>; false when an axis is not a positive integer.</summary>
    public static bool TryParse(string? text, out int[] shape)
    {
        var parts = (text ?? string.Empty).Split(',', 'x', 'X').Select(p => p.Trim()).ToArray();
        shape = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out shape[i]) || shape[i] < 1)
                return false;
        return true;
    }
}

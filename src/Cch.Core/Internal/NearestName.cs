namespace Cch.Internal;

/// <summary>"Did you mean …?" for a mistyped name: the known name at the smallest edit distance, when it is close.</summary>
internal static class NearestName
{
    /// <summary>
    /// The known name closest to <paramref name="typed"/> (Levenshtein distance, case ignored), or <c>null</c> when
    /// none is within max(1, ⌊length/3⌋) edits.
    /// </summary>
    public static string? Of(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var limit = Math.Max(1, typed.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var distance = Distance(typed.ToLowerInvariant(), name.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions; Levenshtein 1966).</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

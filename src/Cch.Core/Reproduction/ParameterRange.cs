namespace Cch.Reproduction;

/// <summary>The smallest and largest parameter of a set of sweep points (not every value in between need belong to the set).</summary>
/// <param name="Min">Smallest parameter.</param>
/// <param name="Max">Largest parameter.</param>
/// <param name="Count">How many points the set holds.</param>
public sealed record ParameterRange(double Min, double Max, int Count)
{
    /// <summary>The range of <paramref name="points"/>' parameters, or <c>null</c> when there are none.</summary>
    public static ParameterRange? Of(IEnumerable<ReproductionPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var values = points.Select(p => p.Parameter).ToList();
        return values.Count == 0 ? null : new ParameterRange(values.Min(), values.Max(), values.Count);
    }
}

namespace Cch.Reproduction;

/// <summary>One sweep of a reproduction: a teacher → student pair degraded step by step.</summary>
public sealed record ReproductionSeries
{
    /// <summary>Name, e.g. "handwritten fac216 → zer47".</summary>
    public required string Name { get; init; }

    /// <summary>The points of the sweep, in increasing parameter order.</summary>
    public required IReadOnlyList<ReproductionPoint> Points { get; init; }

    /// <summary>Where Δ and the KD effect change sign along the sweep.</summary>
    public required ReproductionBoundary Boundary { get; init; }
}

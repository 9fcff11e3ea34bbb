namespace Cch.Data;

/// <summary>
/// Aligned samples ready for estimation: every matrix and the label have the same N rows in the
/// same order (the order of the label's file after filtering).
/// </summary>
public sealed record Dataset
{
    /// <summary>Teacher representations H_t, one per <see cref="DataRequest.Teachers"/> entry, each N×d_t.</summary>
    public required IReadOnlyList<FeatureMatrix> Teachers { get; init; }

    /// <summary>The student representation H_s, N×d_s.</summary>
    public required FeatureMatrix Student { get; init; }

    /// <summary>The label Y, length N.</summary>
    public required LabelVector Label { get; init; }

    /// <summary>The key of each row (as text), or <c>null</c> without <c>--key</c>.</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Every file read, in first-use order.</summary>
    public required IReadOnlyList<InputFileInfo> Inputs { get; init; }

    /// <summary>Filter and join counts.</summary>
    public required JoinSummary Join { get; init; }

    /// <summary>How many rows were available and which were used (<c>--max-rows</c>); <c>null</c> for generated data.</summary>
    public RowSample? Sample { get; init; }

    /// <summary>Number of aligned samples N.</summary>
    public int Rows => Student.Rows;
}

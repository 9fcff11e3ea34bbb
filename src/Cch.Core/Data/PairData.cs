namespace Cch.Data;

/// <summary>
/// The aligned rows of a <see cref="PairRequest"/>: X and either a second representation Y or a label,
/// N rows in the same order (that of the label's file, or of X's file without a label, after filters).
/// </summary>
public sealed record PairData
{
    /// <summary>The representation X, N×d_x.</summary>
    public required FeatureMatrix X { get; init; }

    /// <summary>The second representation Y, N×d_y; <c>null</c> when the request named a label.</summary>
    public FeatureMatrix? Y { get; init; }

    /// <summary>The label, N values; <c>null</c> when the request named a second representation.</summary>
    public LabelVector? Label { get; init; }

    /// <summary>The key of each row (as text), or <c>null</c> without <c>--key</c>.</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Every file read, in first-use order (X, then Y or the label), with row counts and SHA-256.</summary>
    public required IReadOnlyList<InputFileInfo> Inputs { get; init; }

    /// <summary>Filter and join counts (rows dropped are counted in the file that sets the row order).</summary>
    public required JoinSummary Join { get; init; }

    /// <summary>How many rows were available and which were used (<c>--max-rows</c>).</summary>
    public RowSample? Sample { get; init; }

    /// <summary>Number of aligned samples N.</summary>
    public int Rows => X.Rows;
}

namespace Cch.Data.Parquet;

/// <summary>What a <see cref="LoadSession"/> reads: which of the request's specs are used and for what.</summary>
internal enum LoadRoles
{
    /// <summary><c>check</c>: one or more teachers, the student and the label.</summary>
    Check,

    /// <summary><c>encode</c>: the student spec alone (no teachers, no label).</summary>
    Column,

    /// <summary><c>mi --y</c>: X is the student spec, Y the single teacher spec; no label. X's file sets the row order.</summary>
    Pair,

    /// <summary><c>mi --label</c>: X is the student spec, and the label; no teachers.</summary>
    Labelled,
}

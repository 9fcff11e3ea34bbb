namespace Cch.Data;

/// <summary>How rows of several input files are matched on the key column.</summary>
public enum JoinMode
{
    /// <summary>Every key must be present in every file; otherwise an input error lists the missing keys.</summary>
    Strict,

    /// <summary>Keep the intersection of keys; the dropped counts are reported.</summary>
    Inner,

    /// <summary>No key: several files are matched row by row (they must have the same number of rows).</summary>
    RowOrder,
}

namespace Cch.Data;

/// <summary>How rows of several input files are matched.</summary>
public enum JoinMode
{
    /// <summary>
    /// Match rows on the key column (<see cref="DataRequest.Key"/>); every key must be present in every
    /// file, otherwise an input error lists the missing keys. Also the mode of a single-file request.
    /// </summary>
    Strict,

    /// <summary>Match rows on the key column and keep the intersection of keys; the dropped rows are counted.</summary>
    Inner,

    /// <summary>
    /// No key: the files are row-aligned by construction, and row <c>i</c> of every file is the same
    /// sample. The files must have equal row counts; a row removed by a filter in one file is removed
    /// from all. Giving a key as well is an error.
    /// </summary>
    RowOrder,
}

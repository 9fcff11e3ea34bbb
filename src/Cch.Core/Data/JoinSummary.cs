namespace Cch.Data;

/// <summary>How many rows survived filters and the key join, for the report.</summary>
/// <param name="Key">The key column, or <c>null</c> for a single file or row-aligned files.</param>
/// <param name="Mode">Strict or inner.</param>
/// <param name="RowsKept">Rows in the joined dataset.</param>
/// <param name="RowsDroppedByJoin">Rows (summed over files) dropped because their key was not in every file (inner join only).</param>
/// <param name="RowsDroppedByFilter">Rows dropped by <c>--where</c> filters (in the file that defines the output order).</param>
public sealed record JoinSummary(string? Key, JoinMode Mode, int RowsKept, int RowsDroppedByJoin, int RowsDroppedByFilter);

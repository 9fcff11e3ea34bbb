namespace Cch.Data;

/// <summary>How many rows survived filters and the key join, for the report.</summary>
/// <param name="Key">The key column, or <c>null</c> for a single file or row-aligned files.</param>
/// <param name="Mode">Strict or inner (with a key); <see cref="JoinMode.RowOrder"/> when files were matched by position; strict for one file without a key.</param>
/// <param name="RowsKept">Rows in the joined dataset.</param>
/// <param name="RowsDroppedByJoin">
/// Rows of the label's file (the file that defines the output order), after its filters, dropped
/// because their key is missing from at least one other file (inner join only; 0 otherwise).
/// </param>
/// <param name="RowsDroppedByFilter">Rows dropped by <c>--where</c> filters (in the file that defines the output order).</param>
public sealed record JoinSummary(string? Key, JoinMode Mode, int RowsKept, int RowsDroppedByJoin, int RowsDroppedByFilter);

namespace Cch.Data;

/// <summary>One input file as recorded in the report.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Rows">Rows in the file before filters and joins.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record InputFileInfo(string Path, long Rows, string Sha256);

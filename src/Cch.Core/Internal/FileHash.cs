using System.Security.Cryptography;

namespace Cch.Internal;

/// <summary>SHA-256 of small files (models), as recorded in reports.</summary>
internal static class FileHash
{
    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    /// <exception cref="CchInputException">The file cannot be read (the message names it).</exception>
    public static string Sha256(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CchInputException($"cannot be read: {e.Message}", file: path, inner: e);
        }
    }
}

using System.Security.Cryptography;

namespace Cch.Internal;

/// <summary>SHA-256 of small files (models), as recorded in reports.</summary>
internal static class FileHash
{
    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

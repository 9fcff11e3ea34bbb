namespace Cch.Internal;

/// <summary>Reads a small text input (a config, a partial report) whole, turning I/O failures into input errors.</summary>
internal static class InputText
{
    /// <summary>The file's text.</summary>
    /// <param name="path">Full path of an existing file.</param>
    /// <param name="what">What the file is, for the message (e.g. "The config file", "the part").</param>
    /// <exception cref="CchInputException">The file cannot be read; names <paramref name="path"/>.</exception>
    public static string Read(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CchInputException($"{what} cannot be read: {e.Message}", file: path, inner: e);
        }
    }
}

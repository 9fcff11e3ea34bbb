namespace Cch.Configuration;

/// <summary>
/// Names a setting as the user wrote it: <c>--option</c> on the command line, <c>key 'name'</c> in a
/// config file, so that an error names what the user typed.
/// </summary>
/// <param name="File">The config file the values came from, or <c>null</c> for the command line.</param>
internal readonly record struct OptionNames(string? File)
{
    /// <summary>The label (<c>--k</c> or <c>key 'k'</c>) and the file to blame.</summary>
    public (string Label, string? File) For(string option, string key) => (File is null ? $"--{option}" : $"key '{key}'", File);

    /// <summary>An input error: "<c>LABEL MESSAGE.</c>", blaming the config file when there is one.</summary>
    public CchInputException Error(string option, string key, string message) => new($"{For(option, key).Label} {message}.", file: File);
}

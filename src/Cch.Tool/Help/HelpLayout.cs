using System.CommandLine;

namespace Cch.Tool.Help;

/// <summary>
/// How a command's help is laid out: its options in titled groups (in order; options in no group are listed
/// last under "Other options") and worked examples, each with what it shows.
/// </summary>
/// <param name="Groups">Titled option groups, in the order shown.</param>
/// <param name="Examples">Command lines, each with a one-line explanation.</param>
internal sealed record HelpLayout(IReadOnlyList<(string Title, IReadOnlyList<Option> Options)> Groups, IReadOnlyList<(string CommandLine, string Explanation)> Examples);

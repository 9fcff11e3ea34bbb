using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;
using System.Text;

namespace Cch.Tool.Help;

/// <summary>
/// The <c>--help</c> action: commands with a <see cref="HelpLayout"/> (<c>check</c>, <c>verify</c>) get their options
/// grouped and worked examples; every other command gets System.CommandLine's own help.
/// </summary>
internal sealed class GroupedHelpAction(HelpAction fallback) : SynchronousCommandLineAction
{
    private static readonly ConditionalWeakTable<Command, HelpLayout> Layouts = new();

    /// <summary>Gives <paramref name="command"/> a grouped help layout.</summary>
    public static void Register(Command command, HelpLayout layout) => Layouts.AddOrUpdate(command, layout);

    /// <summary>Replaces the root's help action with this one (the help option is recursive, so it serves every subcommand).</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new GroupedHelpAction((HelpAction)help.Action!);
    }

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (!Layouts.TryGetValue(command, out var layout)) return fallback.Invoke(parseResult);
        var inherited = parseResult.RootCommandResult.Command.Options.Where(o => o.Recursive && o is not HelpOption and not VersionOption).ToList();
        parseResult.InvocationConfiguration.Output.Write(Render(command, layout, Width(), inherited));
        return 0;
    }

    /// <summary>
    /// The help text of <paramref name="command"/> laid out by <paramref name="layout"/>, wrapped at <paramref name="width"/>
    /// columns; <paramref name="inherited"/> are the root's recursive options (e.g. <c>--verbose</c>), listed beside <c>--help</c>.
    /// </summary>
    public static string Render(Command command, HelpLayout layout, int width, IReadOnlyList<Option>? inherited = null)
    {
        var text = new StringBuilder();
        text.AppendLine("Description:");
        Wrap(text, command.Description ?? "", "  ", width);
        text.AppendLine().AppendLine("Usage:").AppendLine($"  dotnet cch {command.Name} [options]");

        var shown = new HashSet<Option>();
        var groups = layout.Groups.Select(g => (g.Title, Options: g.Options.Where(command.Options.Contains).ToList())).ToList();
        var rest = command.Options.Where(o => o is not HelpOption && !layout.Groups.Any(g => g.Options.Contains(o))).ToList();
        if (rest.Count > 0) groups.Add(("Other options", rest));
        inherited ??= [];
        var rows = groups.SelectMany(g => g.Options).Concat(inherited).Select(o => (Option: o, Label: Label(o))).ToDictionary(r => r.Option, r => r.Label);
        var column = Math.Min(Math.Max(rows.Values.Append("-?, -h, --help").Max(l => l.Length), 10) + 4, Math.Max(width / 3, 12));

        foreach (var (title, options) in groups.Where(g => g.Options.Count > 0))
        {
            text.AppendLine().AppendLine($"{title}:");
            foreach (var option in options) Row(text, rows[option], option.Description ?? "", column, width);
        }

        text.AppendLine().AppendLine("General:");
        foreach (var option in inherited) Row(text, rows[option], option.Description ?? "", column, width);
        Row(text, "-?, -h, --help", "Show help and usage information.", column, width);

        if (layout.Examples.Count > 0)
        {
            text.AppendLine().AppendLine("Examples:");
            foreach (var (commandLine, explanation) in layout.Examples)
            {
                Wrap(text, explanation, "  # ", width, "    ");
                text.AppendLine($"  {commandLine}");
            }
        }

        return text.ToString();
    }

    /// <summary><c>-t, --teacher &lt;teacher&gt;</c>: short aliases first; switches take no argument.</summary>
    private static string Label(Option option)
    {
        var names = option.Aliases.Append(option.Name).Distinct().OrderBy(n => n.StartsWith("--", StringComparison.Ordinal)).ThenBy(n => n.Length);
        var label = string.Join(", ", names);
        return option.ValueType == typeof(bool) ? label : $"{label} <{option.HelpName ?? option.Name.TrimStart('-')}>";
    }

    private static void Row(StringBuilder text, string label, string description, int column, int width)
    {
        var first = $"  {label}";
        if (first.Length + 1 >= column)
        {
            text.AppendLine(first);
            first = "";
        }

        Wrap(text, description, first.PadRight(column), width, new string(' ', column));
    }

    /// <summary>Writes <paramref name="words"/> after <paramref name="lead"/>, wrapped at word boundaries, continuing after <paramref name="indent"/>.</summary>
    private static void Wrap(StringBuilder text, string words, string lead, int width, string? indent = null)
    {
        indent ??= lead;
        var line = new StringBuilder(lead);
        var empty = true;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                text.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty) line.Append(' ');
            line.Append(word);
            empty = false;
        }

        text.AppendLine(line.ToString().TrimEnd());
    }

    /// <summary>The terminal's width, or 120 columns when the output is redirected.</summary>
    private static int Width()
    {
        try
        {
            return !Console.IsOutputRedirected && Console.WindowWidth >= 40 ? Console.WindowWidth - 1 : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}

using Cch.Tool.Rendering;
using Spectre.Console;

namespace Cch.Tool.Tests.Rendering;

public sealed class FittingTableTests
{
    private static readonly string[][] Rows =
    [
        ["1", "fac216", "216", "3.669 [3.394, 3.943]", "3.700", "-0.487 [-0.567, -0.407]", "pass (interval contains margin)", "<0.001"],
        ["2", "label-only", "4", "0.062 [0.031, 0.093]", "", "-12.345 [-13.000, -11.690]", "fail", "0.250"],
    ];

    private static FittingTable Table()
    {
        var table = new FittingTable("CCH: Δ").Number("#").Fixed("teacher").Number("d").Fixed("I(H_t;H_s) [CI]").Beside("exact")
            .Fixed("Δ [CI]").Text("verdict").Number("P(wrong)");
        foreach (var row in Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        return table;
    }

    private static string[] Render(int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        Table().Write(console);
        return writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(110)]
    [InlineData(120)]
    [InlineData(140)]
    [InlineData(160)]
    public void Every_number_and_interval_appears_whole_and_no_line_is_wider_than_the_console(int width)
    {
        var lines = Render(width);

        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        foreach (var row in Rows)
            foreach (var cell in row.Skip(1).Where(c => c.Length > 0 && !c.Contains(' ', StringComparison.Ordinal) || c.Contains('[', StringComparison.Ordinal)))
                Assert.Contains(lines, l => l.Contains(cell, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('…', StringComparison.Ordinal));
    }

    [Fact]
    public void A_wide_console_gets_the_table_and_a_narrow_one_a_block_per_row()
    {
        Assert.Contains(Render(160), l => l.StartsWith('╭'));

        var narrow = Render(80);
        Assert.DoesNotContain(narrow, l => l.StartsWith('╭'));
        Assert.Contains("#1 fac216", narrow);
        Assert.Contains(narrow, l => l.Contains("3.669 [3.394, 3.943]  exact 3.700", StringComparison.Ordinal));
        Assert.DoesNotContain(narrow, l => l.Trim() == "exact"); // an empty 'exact' adds nothing to row 2
    }
}

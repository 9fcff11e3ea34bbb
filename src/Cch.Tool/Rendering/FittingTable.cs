using Spectre.Console;

namespace Cch.Tool.Rendering;

/// <summary>
/// A results table that stays readable at any console width: a rounded table where every row fits on one
/// line per cell, otherwise (a narrow terminal) one block per row — "#rank name" then "header  value" lines —
/// so numbers and intervals are never wrapped, cut to "…" or dropped.
/// </summary>
internal sealed class FittingTable(string title)
{
    private readonly List<Column> _columns = [];
    private readonly List<string[]> _rows = [];

    /// <summary>One column: its header, whether its cells may wrap at spaces (names, reasons), and alignment.</summary>
    private sealed record Column(string Header, bool MayWrap, bool RightAligned, bool Beside = false);

    /// <summary>Adds a column whose cells never wrap (numbers, intervals).</summary>
    public FittingTable Number(string header) => Add(new Column(header, MayWrap: false, RightAligned: true));

    /// <summary>Adds a left-aligned column whose cells never wrap (intervals, short codes).</summary>
    public FittingTable Fixed(string header) => Add(new Column(header, MayWrap: false, RightAligned: false));

    /// <summary>Adds a number column that, in the narrow layout, stands on the previous column's line ("… exact 0.047").</summary>
    public FittingTable Beside(string header) => Add(new Column(header, MayWrap: false, RightAligned: true, Beside: true));

    /// <summary>Adds a column whose cells may wrap between words (verdict reasons).</summary>
    public FittingTable Text(string header) => Add(new Column(header, MayWrap: true, RightAligned: false));

    /// <summary>Adds a row of Spectre markup cells, one per column in order.</summary>
    public void AddRow(params string[] cells)
    {
        if (cells.Length != _columns.Count) throw new ArgumentException($"{cells.Length} cells for {_columns.Count} columns.", nameof(cells));
        _rows.Add(cells);
    }

    /// <summary>Writes the table, or the blocks when the table is wider than <paramref name="console"/>.</summary>
    public void Write(IAnsiConsole console)
    {
        if (NeededWidth() <= console.Profile.Width) console.Write(AsTable());
        else WriteBlocks(console);
    }

    private FittingTable Add(Column column)
    {
        _columns.Add(column);
        return this;
    }

    /// <summary>
    /// The narrowest rounded table in which no fixed cell wraps and no word of a wrapping cell breaks: each
    /// column's content plus one space of padding either side, plus one border character per column and one more.
    /// </summary>
    private int NeededWidth()
    {
        var width = 1;
        for (var c = 0; c < _columns.Count; c++)
        {
            var content = Length(_columns[c].Header, _columns[c].MayWrap);
            foreach (var row in _rows) content = Math.Max(content, Length(Markup.Remove(row[c]), _columns[c].MayWrap));
            width += content + 3;
        }

        return width;
    }

    private static int Length(string text, bool mayWrap) =>
        mayWrap ? text.Split(' ').Max(w => w.Length) : text.Length;

    private Table AsTable()
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        foreach (var column in _columns)
        {
            var tableColumn = new TableColumn(Markup.Escape(column.Header));
            if (!column.MayWrap) tableColumn.NoWrap();
            if (column.RightAligned) tableColumn.RightAligned();
            table.AddColumn(tableColumn);
        }

        foreach (var row in _rows) table.AddRow(row);
        return table;
    }

    /// <summary>The narrow layout: the first header and the first two cells head each block ("#1 fac216"); the others follow as labelled lines.</summary>
    private void WriteBlocks(IAnsiConsole console)
    {
        console.WriteLine(title);
        var labelWidth = _columns.Skip(2).Where(c => !c.Beside).Select(c => c.Header.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var row in _rows)
        {
            console.MarkupLine($"{Markup.Escape(_columns[0].Header)}{row[0]} {row[1]}");
            for (var c = 2; c < _columns.Count; c++)
            {
                if (_columns[c].Beside) continue;
                var line = $"  {Markup.Escape(_columns[c].Header.PadRight(labelWidth))}{row[c]}";
                for (var b = c + 1; b < _columns.Count && _columns[b].Beside; b++)
                    if (Markup.Remove(row[b]).Length > 0) line += $"  {Markup.Escape(_columns[b].Header)} {row[b]}";
                if (Markup.Remove(line).Trim().Length > _columns[c].Header.Length) console.MarkupLine(line);
            }
        }
    }
}

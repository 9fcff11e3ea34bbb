using System.Globalization;
using System.Text.RegularExpressions;
using Cch.Data.Parquet;
using nietras.SeparatedValues;

namespace Cch.Data;

/// <summary>
/// Reads the CSV samples that the bmi benchmark hands to an external estimator: bmi's
/// <c>save_sample</c> writes a pandas CSV with a header <c>X0,…,X{d_x−1},Y0,…,Y{d_y−1}</c> and one
/// sample per line, and passes d_x and d_y on the command line.
/// </summary>
/// <remarks>
/// Strict, so that a malformed sample fails instead of being estimated wrongly: the first line must be a
/// header with exactly d_x + d_y names (bmi's <c>X</c>/<c>Y</c> names, when used, must match the
/// dimensions); every other line must hold d_x + d_y finite numbers in invariant notation (pandas'
/// <c>repr</c> floats such as <c>-0.5</c>, <c>1e-05</c>, <c>3.0</c>). Blank lines are skipped, as pandas
/// skips them. Parsing is done by Sep (quotes, CRLF and a UTF-8 byte-order mark are handled).
/// </remarks>
public static partial class BmiSampleReader
{
    /// <summary>Reads <paramref name="path"/>: the first <paramref name="dimX"/> columns are X, the next <paramref name="dimY"/> are Y.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="dimX">d_x ≥ 1.</param>
    /// <param name="dimY">d_y ≥ 1.</param>
    /// <param name="cancellationToken">Checked every 1,024 rows.</param>
    /// <returns>X (N×d_x) and Y (N×d_y), named <c>X</c> and <c>Y</c>.</returns>
    /// <exception cref="CchInputException">
    /// A missing or empty file, a dimension below 1, a header that does not fit the dimensions, a row
    /// with the wrong number of cells, or a cell that is empty, not a number or not finite; the message
    /// names the file, the column and the first offending row (zero-based, not counting the header) and
    /// its line number.
    /// </exception>
    public static BmiSample Read(string path, int dimX, int dimY, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        if (dimX < 1 || dimY < 1)
            throw new CchInputException($"DIM_X = {dimX} and DIM_Y = {dimY}: each side needs at least one column.", full);
        if (Directory.Exists(full)) throw new CchInputException("is a directory, expected a CSV sample.", full);
        if (!File.Exists(full)) throw new CchInputException("file not found; expected a CSV sample (a header X0,…,Y0,… and one sample per line).", full);
        if (new FileInfo(full).Length == 0) throw new CchInputException("empty file (0 bytes), expected a CSV sample with a header line.", full);
        try
        {
            RejectBinary(full);
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(full);
            var names = CheckHeader(reader.Header.ColNames.Select(n => n.Trim()).ToList(), dimX, dimY, full);
            var width = dimX + dimY;
            var x = new List<double>(1024 * dimX);
            var y = new List<double>(1024 * dimY);
            var rows = 0;
            foreach (var row in reader)
            {
                if (row.Span.IsWhiteSpace()) continue;
                var index = row.RowIndex - 1;
                if ((rows & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (row.ColCount != width)
                    throw new CchInputException(
                        $"has {row.ColCount} cell(s) but the header has {width} (line {row.LineNumberFrom}); every line must hold DIM_X + DIM_Y = {dimX} + {dimY} numbers.",
                        full, row: index);
                for (var c = 0; c < width; c++)
                    (c < dimX ? x : y).Add(Number(row[c].Span, full, names[c], index, row.LineNumberFrom));
                rows++;
            }

            if (rows == 0) throw new CchInputException("has a header but no rows; expected at least one sample.", full);
            return new BmiSample(full, new FeatureMatrix("X", rows, dimX, [.. x]), new FeatureMatrix("Y", rows, dimY, [.. y]));
        }
        catch (InvalidDataException e)
        {
            throw new CchInputException($"is not a well-formed CSV file: {e.Message}", full, inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CchInputException($"cannot be read: {e.Message}", full, inner: e);
        }
    }

    /// <summary>A Parquet file or other binary data given as SAMPLE: say so instead of quoting its bytes.</summary>
    private static void RejectBinary(string path)
    {
        var head = new byte[4096];
        int read;
        using (var stream = File.OpenRead(path))
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 4 && head.AsSpan(0, 4).SequenceEqual("PAR1"u8))
            throw new CchInputException("is a Parquet file, not a CSV sample; for Parquet use dotnet cch mi --x SPEC --y SPEC.", path);
        if (head.AsSpan(0, read).IndexOf((byte)0) >= 0)
            throw new CchInputException("is not a text file (it holds NUL bytes); expected a CSV sample.", path);
    }

    private static IReadOnlyList<string> CheckHeader(IReadOnlyList<string> names, int dimX, int dimY, string path)
    {
        var width = dimX + dimY;
        var numbers = names.Where(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToList();
        if (numbers.Count > 0)
            throw new CchInputException(
                $"the first line holds numbers ({Messages.Some(numbers, 3)}), not column names; expected a header line {Expected(dimX, dimY)} as bmi's save_sample writes.",
                path, row: null);
        if (names.Count != width)
            throw new CchInputException(
                $"the header has {names.Count} column(s) ({Messages.Some(names, 6)}) but DIM_X + DIM_Y = {dimX} + {dimY} = {width}; the first DIM_X columns are X and the next DIM_Y are Y.",
                path);

        // bmi's own names (X0, X1, Y0, …) must agree with the dimensions; other names are taken by position.
        if (names.All(n => BmiName().IsMatch(n)))
        {
            var expected = Enumerable.Range(0, dimX).Select(i => $"X{i}").Concat(Enumerable.Range(0, dimY).Select(i => $"Y{i}")).ToList();
            var first = Enumerable.Range(0, width).FirstOrDefault(i => names[i] != expected[i], -1);
            if (first >= 0)
                throw new CchInputException(
                    $"the header names {Messages.Some(names, 6, quote: false)} but DIM_X = {dimX} and DIM_Y = {dimY} expect {Expected(dimX, dimY)}: column {first + 1} is '{names[first]}', expected '{expected[first]}'.",
                    path, names[first]);
        }

        return names;
    }

    private static string Expected(int dimX, int dimY) =>
        $"{(dimX == 1 ? "X0" : dimX == 2 ? "X0,X1" : $"X0,…,X{dimX - 1}")},{(dimY == 1 ? "Y0" : dimY == 2 ? "Y0,Y1" : $"Y0,…,Y{dimY - 1}")}";

    private static double Number(ReadOnlySpan<char> cell, string path, string column, int row, int line)
    {
        var text = cell.Trim();
        if (text.IsEmpty)
            throw new CchInputException($"is empty (line {line}); every cell must be a finite number (pandas writes NaN as an empty cell).", path, column, row);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !NonFinite(text))
            throw new CchInputException($"'{Shorten(text)}' is not a number (line {line}); every cell must be a finite number such as -0.25 or 1e-05.", path, column, row);
        if (!double.IsFinite(value) || NonFinite(text))
            throw new CchInputException($"is {Shorten(text)} (line {line}); every cell must be a finite number.", path, column, row);
        return value;
    }

    /// <summary>Python's and pandas' spellings of infinities and NaN (<c>inf</c>, <c>-inf</c>, <c>nan</c>), which .NET does not parse.</summary>
    private static bool NonFinite(ReadOnlySpan<char> text)
    {
        var t = text.TrimStart("+-");
        return t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("infinity", StringComparison.OrdinalIgnoreCase) || t.Equals("nan", StringComparison.OrdinalIgnoreCase);
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : $"{text[..40]}…";

    [GeneratedRegex("^[XY][0-9]+$")]
    private static partial Regex BmiName();
}

using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Parquet;
using Parquet.Data;

namespace Cch.Data.Parquet;

/// <summary>
/// What to do with one numeric column of a file while streaming it: the (matrix, column offset)
/// pairs it feeds when it is a scalar, or the matrix it fills when it is a list.
/// </summary>
internal sealed class ColumnRead(ParquetColumn column)
{
    public ParquetColumn Column { get; } = column;

    public List<(MatrixBuilder Matrix, int Offset)> ScalarTargets { get; } = [];

    public MatrixBuilder? ListTarget { get; set; }
}

/// <summary>
/// One open Parquet input file. Columns are read raw (values plus definition and repetition
/// levels) row group by row group, which works for every list layout, including those whose
/// typed reads fail in Parquet.Net 6.
/// </summary>
internal sealed class ParquetInputFile : IAsyncDisposable
{
    private readonly ParquetReader _reader;
    private readonly long[] _rowGroupStarts;

    private ParquetInputFile(string path, ParquetReader reader, List<ParquetColumn> columns, int rows, long[] rowGroupStarts)
    {
        Path = path;
        _reader = reader;
        Columns = columns;
        Rows = rows;
        _rowGroupStarts = rowGroupStarts;
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <summary>Rows in the file.</summary>
    public int Rows { get; }

    /// <summary>Top-level columns in file order.</summary>
    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>The column named exactly <paramref name="name"/>, or <c>null</c>.</summary>
    public ParquetColumn? Find(string name)
    {
        foreach (var column in Columns)
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
                return column;
        return null;
    }

    /// <summary>Opens and validates the footer of <paramref name="path"/>.</summary>
    /// <exception cref="CchInputException">The file is missing, unreadable, not Parquet, truncated or corrupt.</exception>
    public static async Task<ParquetInputFile> OpenAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
            throw new CchInputException("is a directory, expected a Parquet file.", path);
        if (!File.Exists(path))
            throw new CchInputException("file not found; expected a Parquet file.", path);

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CchInputException($"cannot open the file: {ex.Message}", path, inner: ex);
        }

        ParquetReader? reader = null;
        try
        {
            await CheckFramingAsync(stream, path, cancellationToken).ConfigureAwait(false);
            reader = await ParquetReader.CreateAsync(stream, new ParquetOptions(), leaveStreamOpen: false, cancellationToken).ConfigureAwait(false);
            var metadata = reader.Metadata ?? throw new CchInputException("corrupt Parquet file: the footer holds no file metadata.", path);
            var columns = ParquetColumn.FromSchema(metadata.Schema, reader.Schema.GetDataFields());
            var starts = new long[reader.RowGroupCount + 1];
            for (var g = 0; g < reader.RowGroupCount; g++)
                starts[g + 1] = starts[g] + reader.RowGroups[g].RowCount;
            if (starts[^1] != metadata.NumRows)
                throw new CchInputException($"corrupt Parquet file: the row groups hold {starts[^1]} rows but the footer says {metadata.NumRows}.", path);
            if (metadata.NumRows > Array.MaxLength)
                throw new CchInputException($"has {metadata.NumRows} rows; at most {Array.MaxLength} are supported.", path);
            return new ParquetInputFile(path, reader, columns, (int)metadata.NumRows, starts);
        }
        catch (Exception ex) when (ParquetFault.IsBadFile(ex))
        {
            if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
            else await stream.DisposeAsync().ConfigureAwait(false);
            if (ParquetFault.IsEmptySchema(ex))
                throw new CchInputException("has no columns (its schema holds no fields); expected columns holding the representations and the label.", path, inner: ex);
            // The library's own text (Thrift internals, ArgumentOutOfRangeException, …) stays in the inner exception.
            var why = ex is NotImplementedException or NotSupportedException
                ? "uses a Parquet feature the reader does not support in its footer (file metadata)"
                : "corrupt Parquet file: the footer (file metadata) cannot be decoded";
            throw new CchInputException($"{why}.", path, inner: ex);
        }
        catch
        {
            // Our own input errors, cancellation, and bugs (which the CLI reports as internal errors, exit code 3).
            if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
            else await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Checks the Parquet framing before the library sees the file: <c>PAR1</c> at the start, then
    /// at the end a 4-byte footer length and <c>PAR1</c>, with a footer that fits in the file. This
    /// turns empty, foreign, truncated and obviously corrupt files into plain messages.
    /// </summary>
    private static async Task CheckFramingAsync(FileStream stream, string path, CancellationToken cancellationToken)
    {
        const int magicLength = 4;
        var length = stream.Length;
        if (length == 0)
            throw new CchInputException("empty file (0 bytes), expected a Parquet file.", path);
        var head = new byte[magicLength];
        var read = await stream.ReadAtLeastAsync(head, magicLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < magicLength || !IsMagic(head))
            throw new CchInputException($"not a Parquet file (it does not start with PAR1){Foreign(head.AsSpan(0, read))}.", path);

        // PAR1, at least one byte of data or footer, the footer length, PAR1.
        const string truncated = "truncated Parquet file: no PAR1 footer at the end (was it copied or written completely?).";
        if (length < 3 * magicLength)
            throw new CchInputException(truncated, path);
        var tail = new byte[2 * magicLength];
        stream.Seek(-tail.Length, SeekOrigin.End);
        await stream.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        if (!IsMagic(tail.AsSpan(magicLength)))
            throw new CchInputException(truncated, path);
        var footer = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footer <= 0 || footer > length - 3 * magicLength)
            throw new CchInputException(
                $"corrupt Parquet file: the footer length at the end of the file is {footer} bytes, but the file has {Count(length)} bytes.", path);
        stream.Seek(0, SeekOrigin.Begin);

        static bool IsMagic(ReadOnlySpan<byte> bytes) => bytes[..magicLength].SequenceEqual("PAR1"u8);
    }

    /// <summary>What a file that is not Parquet looks like, from its first bytes, when it is a common mix-up.</summary>
    private static string Foreign(ReadOnlySpan<byte> head) =>
        head.StartsWith("ARRO"u8) ? ": it is an Arrow IPC (Feather) file; write it as Parquet, e.g. pyarrow pq.write_table or DuckDB COPY … (FORMAT parquet)"
        : head.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b]) ? ": it is gzip-compressed (a .parquet.gz?); decompress it first"
        : string.Empty;

    /// <summary>Streams the file through SHA-256 and returns the lower-case hex digest.</summary>
    public async Task<string> ComputeSha256Async(CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CchInputException($"cannot read the file: {ex.Message}", Path, inner: ex);
        }
    }

    /// <summary>Reads whole scalar columns (keys, filter columns, the label) into memory.</summary>
    public async Task<ScalarColumn[]> ReadScalarsAsync(IReadOnlyList<ParquetColumn> columns, CancellationToken cancellationToken)
    {
        var result = new ScalarColumn[columns.Count];
        for (var i = 0; i < columns.Count; i++)
            result[i] = new ScalarColumn(columns[i], Rows);
        for (var g = 0; g < _reader.RowGroupCount; g++)
        {
            var group = _reader.RowGroups[g];
            var start = (int)_rowGroupStarts[g];
            var count = (int)(_rowGroupStarts[g + 1] - start);
            foreach (var target in result)
            {
                using var raw = await ReadRawAsync(group, g, target.Column, cancellationToken).ConfigureAwait(false);
                FillScalar(raw, target, g, start, count);
            }
        }

        return result;
    }

    /// <summary>
    /// Streams numeric columns row group by row group into their matrices. <paramref name="outputRow"/>
    /// maps each file row to its output row, or −1 when the row is not used (such rows are skipped,
    /// not validated). <paramref name="rowsRead"/>, when given, receives the file rows read so far after each row group.
    /// </summary>
    public async Task ReadNumericAsync(IReadOnlyList<ColumnRead> reads, int[] outputRow, CancellationToken cancellationToken, Action<int>? rowsRead = null)
    {
        for (var g = 0; g < _reader.RowGroupCount; g++)
        {
            var group = _reader.RowGroups[g];
            var start = (int)_rowGroupStarts[g];
            var count = (int)(_rowGroupStarts[g + 1] - start);
            var anyUsed = false;
            for (var r = start; r < start + count && !anyUsed; r++) anyUsed = outputRow[r] >= 0;
            if (!anyUsed)
            {
                rowsRead?.Invoke(start + count);
                continue;
            }

            foreach (var read in reads)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var raw = await ReadRawAsync(group, g, read.Column, cancellationToken).ConfigureAwait(false);
                Dispatch(raw, new NumericSink(this, read, outputRow, g, start, count));
            }

            rowsRead?.Invoke(start + count);
        }
    }

    private void Dispatch(RawColumnData raw, NumericSink sink)
    {
        switch (raw)
        {
            case RawColumnData<float> v: sink.Process<float>(v); break;
            case RawColumnData<double> v: sink.Process<double>(v); break;
            case RawColumnData<Half> v: sink.Process<Half>(v); break;
            case RawColumnData<sbyte> v: sink.Process<sbyte>(v); break;
            case RawColumnData<byte> v: sink.Process<byte>(v); break;
            case RawColumnData<short> v: sink.Process<short>(v); break;
            case RawColumnData<ushort> v: sink.Process<ushort>(v); break;
            case RawColumnData<int> v: sink.Process<int>(v); break;
            case RawColumnData<uint> v: sink.Process<uint>(v); break;
            case RawColumnData<long> v: sink.Process<long>(v); break;
            case RawColumnData<ulong> v: sink.Process<ulong>(v); break;
            default:
                throw new CchInputException($"holds {sink.Column.TypeName} values; expected numbers.", Path, sink.Column.Name);
        }
    }

    private async Task<RawColumnData> ReadRawAsync(ParquetRowGroupReader group, int groupIndex, ParquetColumn column, CancellationToken cancellationToken)
    {
        try
        {
            return await group.ReadRawColumnDataBaseAsync(column.Leaf!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ParquetFault.IsDataPageV2(ex, column.Leaf!.MaxRepetitionLevel, PageTypes(group, column)))
        {
            throw new CchInputException(DataPageV2, Path, column.Name, inner: ex);
        }
        catch (Exception ex) when (ex is NotImplementedException or NotSupportedException && ParquetFault.IsBadFile(ex))
        {
            // The library's message says which encoding or page format.
            throw new CchInputException(
                $"uses a Parquet encoding or page format the reader does not support: cannot decode the column in row group {groupIndex} ({ex.Message})",
                Path, column.Name, inner: ex);
        }
        catch (Exception ex) when (ParquetFault.IsBadFile(ex))
        {
            // Raw library text (Thrift internals, ArgumentOutOfRangeException, …) stays in the inner exception.
            throw new CchInputException(
                $"corrupt Parquet file: cannot decode the column in row group {groupIndex} (rows {_rowGroupStarts[groupIndex]}–{_rowGroupStarts[groupIndex + 1] - 1}).",
                Path, column.Name, inner: ex);
        }
    }

    /// <summary>
    /// What to tell about a list column written with data page v2, which Parquet.Net 6.1 cannot decode
    /// (its v2 reader stops at repetition levels), and how to rewrite the file with data page v1.
    /// </summary>
    internal const string DataPageV2 =
        "is written with data page v2 (DATA_PAGE_V2 pages, e.g. arrow-rs or parquet-wasm with WriterVersion V2, or parquetjs' default), "
        + "which the Parquet reader (Parquet.Net 6.1) cannot decode for list columns. Rewrite the file with data page v1: "
        + "pyarrow `pq.write_table(pq.read_table(src), dst, data_page_version='1.0')`, "
        + "or DuckDB `COPY (SELECT * FROM 'src.parquet') TO 'dst.parquet' (FORMAT parquet)`; "
        + "or store the vector as scalar columns and select them with a glob (v2 pages of scalar columns are read).";

    /// <summary>The page types the column chunk's metadata records (empty when the writer did not record them).</summary>
    private static IEnumerable<global::Parquet.Meta.PageType> PageTypes(ParquetRowGroupReader group, ParquetColumn column) =>
        group.GetMetadata(column.Leaf!)?.MetaData?.EncodingStats?.Select(s => s.PageType) ?? [];

    private void FillScalar(RawColumnData raw, ScalarColumn target, int group, int start, int count)
    {
        switch (raw)
        {
            case RawColumnData<ReadOnlyMemory<char>> v: Fill(v, target, group, start, count, (row, x) => target.Strings![row] = new string(x.Span)); break;
            case RawColumnData<bool> v: Fill(v, target, group, start, count, (row, x) => target.Bools![row] = x); break;
            case RawColumnData<float> v: Fill(v, target, group, start, count, (row, x) => target.Floats![row] = x); break;
            case RawColumnData<double> v: Fill(v, target, group, start, count, (row, x) => target.Floats![row] = x); break;
            case RawColumnData<Half> v: Fill(v, target, group, start, count, (row, x) => target.Floats![row] = (double)x); break;
            case RawColumnData<sbyte> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = x); break;
            case RawColumnData<byte> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = x); break;
            case RawColumnData<short> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = x); break;
            case RawColumnData<ushort> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = x); break;
            case RawColumnData<int> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = x); break;
            case RawColumnData<uint> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = x); break;
            case RawColumnData<long> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = x); break;
            case RawColumnData<ulong> v: Fill(v, target, group, start, count, (row, x) => target.Integers![row] = unchecked((long)x)); break;
            default: throw new CchInputException($"holds {target.Column.TypeName} values, which cannot be read here.", Path, target.Column.Name);
        }
    }

    /// <summary>Stores one row group of a scalar column, checking that the library returned a level per row and a value per defined row.</summary>
    private void Fill<T>(RawColumnData<T> raw, ScalarColumn target, int group, int start, int count, Action<int, T> store) where T : struct
    {
        var column = target.Column;
        var maxDefinition = column.MaxDefinition;
        var definitions = maxDefinition > 0 ? raw.DefinitionLevels : default;
        if (maxDefinition > 0 && definitions.Length < count)
            throw Corrupt(column, $"{definitions.Length} definition levels for the {count} rows of row group {group}");
        var values = raw.Values;
        var vi = 0;
        for (var i = 0; i < count; i++)
        {
            if (maxDefinition > 0 && definitions[i] != maxDefinition)
            {
                target.SetNull(start + i);
                continue;
            }

            if (vi >= values.Length)
                throw Corrupt(column, $"only {values.Length} values for the defined rows of row group {group}", row: start + i);
            store(start + i, values[vi++]);
        }
    }

    private CchInputException Corrupt(ParquetColumn column, string what, long? row = null) =>
        new($"corrupt Parquet file: {what}.", Path, column.Name, row);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    /// <summary>Converts one row group of a raw numeric column into doubles, validating used rows.</summary>
    private readonly ref struct NumericSink(ParquetInputFile file, ColumnRead read, int[] outputRow, int group, int start, int count)
    {
        private readonly ParquetInputFile _file = file;
        private readonly ColumnRead _read = read;
        private readonly int[] _outputRow = outputRow;
        private readonly int _group = group;
        private readonly int _start = start;
        private readonly int _count = count;

        public ParquetColumn Column => _read.Column;

        public void Process<T>(RawColumnData<T> raw) where T : struct
        {
            if (_read.Column.Shape == ColumnShape.List) ProcessList(raw);
            else ProcessScalar(raw);
        }

        private void ProcessScalar<T>(RawColumnData<T> raw) where T : struct
        {
            var column = _read.Column;
            var maxDefinition = column.MaxDefinition;
            var definitions = maxDefinition > 0 ? raw.DefinitionLevels : default;
            if (maxDefinition > 0 && definitions.Length < _count)
                throw _file.Corrupt(column, $"{definitions.Length} definition levels for the {_count} rows of row group {_group}");
            var values = raw.Values;
            var targets = _read.ScalarTargets;
            var vi = 0;
            for (var i = 0; i < _count; i++)
            {
                var row = _start + i;
                var defined = maxDefinition == 0 || definitions[i] == maxDefinition;
                if (!defined)
                {
                    if (_outputRow[row] >= 0)
                        throw new CchInputException("is null; every used row needs a number.", _file.Path, column.Name, row);
                    continue;
                }

                if (vi >= values.Length)
                    throw _file.Corrupt(column, $"only {values.Length} values for the defined rows of row group {_group}", row);
                var value = ToDouble(values[vi++]);
                var output = _outputRow[row];
                if (output < 0) continue;
                if (!double.IsFinite(value))
                    throw new CchInputException($"is {Describe(value)}; every value must be a finite number.", _file.Path, column.Name, row);
                foreach (var (matrix, offset) in targets)
                    matrix.Values![(long)output * matrix.Width + offset] = value;
            }
        }

        private void ProcessList<T>(RawColumnData<T> raw) where T : struct
        {
            var column = _read.Column;
            var matrix = _read.ListTarget!;
            var definitions = raw.DefinitionLevels;
            var repetitions = raw.RepetitionLevels;
            var values = raw.Values;
            if (definitions.Length != repetitions.Length)
                throw _file.Corrupt(column, $"{definitions.Length} definition levels but {repetitions.Length} repetition levels in row group {_group}");
            var n = definitions.Length;
            var maxDefinition = column.MaxDefinition;
            var listDefined = column.ListDefined;
            var elementDefined = column.ElementDefined;
            var vi = 0;
            var row = _start - 1;
            var i = 0;
            while (i < n)
            {
                if (repetitions[i] != 0)
                    throw _file.Corrupt(column, $"level entry {i} of row group {_group} continues a list without a row start");
                row++;
                if (row >= _start + _count)
                    throw _file.Corrupt(column, $"more list rows than the {_count} rows of row group {_group}");

                var end = i + 1;
                while (end < n && repetitions[end] != 0) end++;
                var output = _outputRow[row];
                var first = definitions[i];
                if (output < 0)
                {
                    for (var k = i; k < end; k++)
                        if (definitions[k] == maxDefinition) vi++;
                    i = end;
                    continue;
                }

                if (first < listDefined)
                    throw new CchInputException("is a null list; every used row needs a list of numbers.", _file.Path, column.Name, row);
                if (first < elementDefined)
                    throw new CchInputException("is an empty list; every used row needs a non-empty list of numbers.", _file.Path, column.Name, row);

                var length = end - i;
                if (matrix.Values is null)
                    matrix.Allocate(length, row);
                else if (length != matrix.Width)
                    throw Ragged(matrix, row, length, NextUsedLength(definitions, repetitions, end, row, elementDefined));
                matrix.WidthCount++;

                var destination = matrix.Values.AsSpan((int)((long)output * matrix.Width), matrix.Width);
                for (var k = 0; k < length; k++)
                {
                    if (definitions[i + k] != maxDefinition)
                        throw new CchInputException($"has a null element at position {k}; lists must not contain nulls.", _file.Path, column.Name, row);
                    if (vi >= values.Length)
                        throw _file.Corrupt(column, $"only {values.Length} values for the list elements of row group {_group}", row);
                    var value = ToDouble(values[vi++]);
                    if (!double.IsFinite(value))
                        throw new CchInputException($"has {Describe(value)} at position {k}; every value must be a finite number.", _file.Path, column.Name, row);
                    destination[k] = value;
                }

                i = end;
            }

            if (row != _start + _count - 1)
                throw _file.Corrupt(column, $"{row - _start + 1} list rows in row group {_group} of {_count} rows");
        }

        /// <summary>
        /// The list length and file row of the next used row after <paramref name="row"/> in this row
        /// group (its level entries start at <paramref name="index"/>), or (−1, −1) when there is none
        /// or it holds no length (a null or empty list).
        /// </summary>
        private (int Length, int Row) NextUsedLength(ReadOnlySpan<int> definitions, ReadOnlySpan<int> repetitions, int index, int row, int elementDefined)
        {
            var n = Math.Min(definitions.Length, repetitions.Length);
            while (index < n && ++row < _start + _count)
            {
                var end = index + 1;
                while (end < n && repetitions[end] != 0) end++;
                if (_outputRow[row] >= 0)
                    return definitions[index] < elementDefined ? (-1, -1) : (end - index, row);
                index = end;
            }

            return (-1, -1);
        }

        /// <summary>
        /// A list whose length differs from the rows before it. Blames the row whose length is the
        /// rarer one: the current row when two or more rows agree on the width, the first row when
        /// the next row agrees with the current one; otherwise names both rows without choosing.
        /// </summary>
        private CchInputException Ragged(MatrixBuilder matrix, int row, int length, (int Length, int Row) next)
        {
            const string rule = "every row must have the same length (ragged lists)";
            var (path, name, width, first) = (_file.Path, _read.Column.Name, matrix.Width, matrix.WidthRow);
            if (matrix.WidthCount >= 2)
                return new CchInputException(
                    $"has {Messages.Values(length)} but the {Count(matrix.WidthCount)} rows read before it (from row {first}) have {width}; {rule}.",
                    path, name, row);
            if (next.Length == length)
                return new CchInputException($"has {Messages.Values(width)} but rows {row} and {next.Row} after it have {length}; {rule}.", path, name, first);
            if (next.Length == width)
                return new CchInputException($"has {Messages.Values(length)} but rows {first} and {next.Row} around it have {width}; {rule}.", path, name, row);
            return new CchInputException($"rows {first} and {row} differ in length ({width} and {length} values); {rule}.", path, name, row);
        }

        private static string Describe(double value) =>
            double.IsNaN(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity";

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double ToDouble<T>(T value) where T : struct
        {
            if (typeof(T) == typeof(float)) return Unsafe.As<T, float>(ref value);
            if (typeof(T) == typeof(double)) return Unsafe.As<T, double>(ref value);
            if (typeof(T) == typeof(Half)) return (double)Unsafe.As<T, Half>(ref value);
            if (typeof(T) == typeof(sbyte)) return Unsafe.As<T, sbyte>(ref value);
            if (typeof(T) == typeof(byte)) return Unsafe.As<T, byte>(ref value);
            if (typeof(T) == typeof(short)) return Unsafe.As<T, short>(ref value);
            if (typeof(T) == typeof(ushort)) return Unsafe.As<T, ushort>(ref value);
            if (typeof(T) == typeof(int)) return Unsafe.As<T, int>(ref value);
            if (typeof(T) == typeof(uint)) return Unsafe.As<T, uint>(ref value);
            if (typeof(T) == typeof(long)) return Unsafe.As<T, long>(ref value);
            if (typeof(T) == typeof(ulong)) return Unsafe.As<T, ulong>(ref value);
            throw new NotSupportedException(typeof(T).Name);
        }
    }

    /// <summary>Formats a row count or index for messages.</summary>
    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

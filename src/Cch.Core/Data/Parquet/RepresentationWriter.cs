using Parquet;
using Parquet.Schema;

namespace Cch.Data.Parquet;

/// <summary>
/// Writes representations as Parquet: an optional key column (int64 or string) followed by one
/// <c>list&lt;float&gt;</c> column, one row per sample — the layout PyTorch/pandas/pyarrow dumps use,
/// so <c>dotnet cch check</c> (or any Parquet reader) reads it back.
/// </summary>
internal static class RepresentationWriter
{
    /// <summary>Writes the file to <paramref name="stream"/>.</summary>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="column">Name of the list column.</param>
    /// <param name="values">N × d values (row-major), stored as float32.</param>
    /// <param name="keyColumn">Name of the key column, or <c>null</c>.</param>
    /// <param name="keys">N keys as text, or <c>null</c>.</param>
    /// <param name="integerKeys">Write the keys as int64 (they must parse as integers).</param>
    /// <param name="metadata">Key–value pairs stored in the file's metadata (e.g. the encoder's SHA-256).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteAsync(
        Stream stream, string column, FeatureMatrix values, string? keyColumn, IReadOnlyList<string>? keys, bool integerKeys,
        IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var listField = new ListField(column, new DataField<float?>("element", true));
        var element = (DataField)listField.Item;
        var fields = new List<Field>();
        DataField? keyField = null;
        if (keyColumn is not null)
        {
            keyField = integerKeys ? new DataField<long>(keyColumn) : new DataField<string>(keyColumn, false);
            fields.Add(keyField);
        }

        fields.Add(listField);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = metadata.ToDictionary(p => p.Key, p => p.Value);
        using var group = writer.CreateRowGroup();
        if (keyField is not null)
        {
            if (integerKeys)
                await group.WriteAsync<long>(keyField, keys!.Select(k => long.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            else
                await group.WriteAsync(keyField, keys!.ToList(), null).ConfigureAwait(false);
        }

        await WriteListColumnAsync(group, element, values, cancellationToken).ConfigureAwait(false);
        group.CompleteValidate();
    }

    /// <summary>
    /// Writes <paramref name="values"/> (N × d) into <paramref name="group"/> as a <c>list&lt;float&gt;</c> column
    /// whose element field is <paramref name="element"/>: one list of d float32 values per row.
    /// </summary>
    internal static async Task WriteListColumnAsync(ParquetRowGroupWriter group, DataField element, FeatureMatrix values, CancellationToken cancellationToken)
    {
        var flat = new float?[values.Values.Length];
        var repetition = new int[flat.Length];
        for (var i = 0; i < flat.Length; i++)
        {
            flat[i] = (float)values.Values[i];
            repetition[i] = i % values.Columns == 0 ? 0 : 1;
        }

        await group.WriteAsync<float>(element, flat, repetition, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

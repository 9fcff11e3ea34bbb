using Parquet.Meta;
using Parquet.Schema;

namespace Cch.Data.Parquet;

/// <summary>How a top-level Parquet column is laid out.</summary>
internal enum ColumnShape
{
    /// <summary>One value (or null) per row.</summary>
    Scalar,

    /// <summary>A list of primitive values per row (LIST of any writer's naming, or a legacy repeated field).</summary>
    List,

    /// <summary>Something the reader cannot turn into numbers: a struct, a map, a nested list, a list of structs.</summary>
    Unsupported,
}

/// <summary>What the leaf values of a column are, as far as the loader cares.</summary>
internal enum ValueKind
{
    /// <summary>float16, float32 or float64.</summary>
    Float,

    /// <summary>Signed or unsigned integers of 8 to 64 bits.</summary>
    Integer,

    /// <summary>UTF-8 strings.</summary>
    String,

    /// <summary>Booleans.</summary>
    Bool,

    /// <summary>Anything else (decimal, dates, binary, …).</summary>
    Other,
}

/// <summary>
/// One top-level column of a Parquet file, derived from the file's flat schema elements (so that
/// every list layout — 3-level LIST with <c>element</c>/<c>item</c>/<c>array_element</c>, 2-level
/// <c>array</c> lists, bare repeated fields — is recognised the same way) and its single leaf.
/// </summary>
internal sealed class ParquetColumn
{
    private ParquetColumn(string name, int ordinal)
    {
        Name = name;
        Ordinal = ordinal;
    }

    /// <summary>The column name as users write it (the top-level field name).</summary>
    public string Name { get; }

    /// <summary>Position among the file's top-level columns.</summary>
    public int Ordinal { get; }

    /// <summary>Scalar, list, or unsupported.</summary>
    public ColumnShape Shape { get; private init; }

    /// <summary>Why the column is unsupported (e.g. "struct"), when <see cref="Shape"/> is unsupported.</summary>
    public string? Unsupported { get; private init; }

    /// <summary>The leaf field that holds the values; <c>null</c> when unsupported.</summary>
    public DataField? Leaf { get; private init; }

    /// <summary>The kind of the leaf values.</summary>
    public ValueKind Kind { get; private init; }

    /// <summary>The leaf value type in words (<c>float32</c>, <c>uint8</c>, <c>string</c>, <c>decimal</c>, …).</summary>
    public string ValueType { get; private init; } = "unknown";

    /// <summary>Whether the leaf values are 32-bit floats (affects how they are written as text).</summary>
    public bool IsSingle { get; private init; }

    /// <summary>Whether the leaf values are unsigned 64-bit integers.</summary>
    public bool IsUInt64 { get; private init; }

    /// <summary>The leaf's maximum definition level (a value is present when its level equals this).</summary>
    public int MaxDefinition { get; private init; }

    /// <summary>For lists: a definition level below this means the whole list is null.</summary>
    public int ListDefined { get; private init; }

    /// <summary>For lists: a definition level below this (but at least <see cref="ListDefined"/>) means an empty list.</summary>
    public int ElementDefined { get; private init; }

    /// <summary>Whether the values can be read as numbers.</summary>
    public bool IsNumeric => Kind is ValueKind.Float or ValueKind.Integer;

    /// <summary>The column's type in words, e.g. <c>float64</c>, <c>list&lt;uint8&gt;</c>, <c>struct</c>.</summary>
    public string TypeName => Shape switch
    {
        ColumnShape.Scalar => ValueType,
        ColumnShape.List => $"list<{ValueType}>",
        _ => Unsupported ?? "unsupported",
    };

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TypeName})";

    /// <summary>
    /// Builds the top-level columns from the file's flat schema (depth-first, root first) and
    /// matches each column's leaf to the reader's <see cref="DataField"/> by path.
    /// </summary>
    public static List<ParquetColumn> FromSchema(IReadOnlyList<SchemaElement> elements, IEnumerable<DataField> dataFields)
    {
        var byPath = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var field in dataFields)
            byPath.TryAdd(string.Join('\u001f', field.Path.ToList()), field);

        var columns = new List<ParquetColumn>();
        if (elements.Count == 0) return columns;
        var index = 1;
        var topLevel = elements[0].NumChildren ?? 0;
        for (var ordinal = 0; ordinal < topLevel && index < elements.Count; ordinal++)
        {
            var node = Node.Parse(elements, ref index);
            columns.Add(Describe(node, ordinal, byPath));
        }

        return columns;
    }

    private static ParquetColumn Describe(Node node, int ordinal, Dictionary<string, DataField> byPath)
    {
        var leaves = new List<List<Node>>();
        node.CollectLeaves([], leaves);
        if (leaves.Count != 1)
        {
            var what = node.IsMap ? "map" : node.IsList ? "list of structs" : "struct";
            return new ParquetColumn(node.Name, ordinal) { Shape = ColumnShape.Unsupported, Unsupported = what, Kind = ValueKind.Other };
        }

        var path = leaves[0];
        var repeated = path.Count(n => n.Repetition == FieldRepetitionType.REPEATED);
        if (repeated > 1)
            return new ParquetColumn(node.Name, ordinal) { Shape = ColumnShape.Unsupported, Unsupported = "nested list", Kind = ValueKind.Other };
        if (repeated == 0 && path.Count > 1)
            return new ParquetColumn(node.Name, ordinal) { Shape = ColumnShape.Unsupported, Unsupported = node.IsMap ? "map" : "struct", Kind = ValueKind.Other };

        var key = string.Join('\u001f', path.Select(n => n.Name));
        if (!byPath.TryGetValue(key, out var leaf))
            return new ParquetColumn(node.Name, ordinal) { Shape = ColumnShape.Unsupported, Unsupported = "column the Parquet library cannot read", Kind = ValueKind.Other };

        var maxDefinition = path.Count(n => n.Repetition != FieldRepetitionType.REQUIRED);
        var listDefined = 0;
        var elementDefined = 0;
        if (repeated == 1)
        {
            var r = path.FindIndex(n => n.Repetition == FieldRepetitionType.REPEATED);
            // A list is the repeated node at the top (1-level) or right below the LIST group, with the value at most one
            // level below it (the element); anything deeper is a list of structs, anything above a struct holding a list.
            if (path.Count - r - 1 > 1)
                return new ParquetColumn(node.Name, ordinal) { Shape = ColumnShape.Unsupported, Unsupported = "list of structs", Kind = ValueKind.Other };
            if (r > 1)
                return new ParquetColumn(node.Name, ordinal) { Shape = ColumnShape.Unsupported, Unsupported = "struct", Kind = ValueKind.Other };
            listDefined = path.Take(r).Count(n => n.Repetition != FieldRepetitionType.REQUIRED);
            elementDefined = listDefined + 1;
        }

        if (leaf.MaxDefinitionLevel != maxDefinition || leaf.MaxRepetitionLevel != repeated)
            return new ParquetColumn(node.Name, ordinal) { Shape = ColumnShape.Unsupported, Unsupported = "column with unexpected nesting levels", Kind = ValueKind.Other };

        var (kind, valueType) = Classify(leaf.ClrType, path[^1]);
        return new ParquetColumn(node.Name, ordinal)
        {
            Shape = repeated == 1 ? ColumnShape.List : ColumnShape.Scalar,
            Leaf = leaf,
            Kind = kind,
            ValueType = valueType,
            IsSingle = leaf.ClrType == typeof(float),
            IsUInt64 = leaf.ClrType == typeof(ulong),
            MaxDefinition = maxDefinition,
            ListDefined = listDefined,
            ElementDefined = elementDefined,
        };
    }

    private static (ValueKind Kind, string Name) Classify(System.Type clr, Node leaf)
    {
        if (clr == typeof(float)) return (ValueKind.Float, "float32");
        if (clr == typeof(double)) return (ValueKind.Float, "float64");
        if (clr == typeof(Half)) return (ValueKind.Float, "float16");
        if (clr == typeof(sbyte)) return (ValueKind.Integer, "int8");
        if (clr == typeof(byte)) return (ValueKind.Integer, "uint8");
        if (clr == typeof(short)) return (ValueKind.Integer, "int16");
        if (clr == typeof(ushort)) return (ValueKind.Integer, "uint16");
        if (clr == typeof(int)) return (ValueKind.Integer, "int32");
        if (clr == typeof(uint)) return (ValueKind.Integer, "uint32");
        if (clr == typeof(long)) return (ValueKind.Integer, "int64");
        if (clr == typeof(ulong)) return (ValueKind.Integer, "uint64");
        if (clr == typeof(bool)) return (ValueKind.Bool, "bool");
        if (clr == typeof(ReadOnlyMemory<char>) || clr == typeof(string)) return (ValueKind.String, "string");
        if (clr == typeof(decimal) || clr == typeof(System.Numerics.BigInteger)) return (ValueKind.Other, "decimal");
        if (clr == typeof(DateTime) || clr == typeof(DateOnly) || clr == typeof(DateTimeOffset)) return (ValueKind.Other, "date/time");
        if (clr == typeof(TimeSpan) || clr == typeof(TimeOnly)) return (ValueKind.Other, "time");
        if (clr == typeof(Guid)) return (ValueKind.Other, "uuid");
        if (leaf.IsInterval) return (ValueKind.Other, "interval");
        if (clr == typeof(byte[]) || clr == typeof(ReadOnlyMemory<byte>)) return (ValueKind.Other, "binary");
        return (ValueKind.Other, leaf.PhysicalType?.ToString().ToLowerInvariant() ?? clr.Name);
    }

    /// <summary>A node of the schema tree rebuilt from the flat schema elements.</summary>
    private sealed class Node
    {
        public required string Name { get; init; }
        public FieldRepetitionType? Repetition { get; init; }
        public global::Parquet.Meta.Type? PhysicalType { get; init; }
        public bool IsInterval { get; init; }
        public bool IsList { get; init; }
        public bool IsMap { get; init; }
        public List<Node> Children { get; } = [];

        public static Node Parse(IReadOnlyList<SchemaElement> elements, ref int index)
        {
            var e = elements[index++];
            var node = new Node
            {
                Name = e.Name ?? string.Empty,
                Repetition = e.RepetitionType,
                PhysicalType = e.Type,
                IsInterval = e.ConvertedType == ConvertedType.INTERVAL,
                IsList = e.ConvertedType == ConvertedType.LIST || e.LogicalType?.LIST is not null,
                IsMap = e.ConvertedType is ConvertedType.MAP or ConvertedType.MAP_KEY_VALUE || e.LogicalType?.MAP is not null,
            };
            var children = e.NumChildren ?? 0;
            for (var i = 0; i < children && index < elements.Count; i++)
                node.Children.Add(Parse(elements, ref index));
            return node;
        }

        public void CollectLeaves(List<Node> prefix, List<List<Node>> leaves)
        {
            var path = new List<Node>(prefix) { this };
            if (Children.Count == 0)
            {
                leaves.Add(path);
                return;
            }

            foreach (var child in Children)
                child.CollectLeaves(path, leaves);
        }
    }
}

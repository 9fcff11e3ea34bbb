namespace Cch.Data;

/// <summary>A column read by <see cref="DatasetLoader.LoadColumnAsync"/>.</summary>
public sealed record ColumnData
{
    /// <summary>The rows, N × d.</summary>
    public required FeatureMatrix Features { get; init; }

    /// <summary>The key of each row as text, or <c>null</c> without a key.</summary>
    public IReadOnlyList<string>? Keys { get; init; }

    /// <summary>Whether the key column holds integers (so it can be written back as integers).</summary>
    public bool IntegerKeys { get; init; }

    /// <summary>The file read: path, rows and SHA-256.</summary>
    public required InputFileInfo Input { get; init; }
}

namespace Cch.Data.Parquet;

/// <summary>
/// What one <see cref="LoadSession"/> reads, whichever public request it came from (<see cref="DataRequest"/>,
/// <see cref="ColumnRequest"/> or <see cref="PairRequest"/>): the specs in the roles <see cref="Roles"/> gives
/// them, and how rows are filtered, joined and sampled.
/// </summary>
internal sealed record LoadRequest
{
    /// <summary>Which specs are read and for what.</summary>
    public required LoadRoles Roles { get; init; }

    /// <summary>The default file for specs without a path, or <c>null</c>.</summary>
    public string? DataPath { get; init; }

    /// <summary>Directory that relative paths are resolved against.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>The teachers (<c>check</c>), Y (<c>mi --y</c>, exactly one) or none.</summary>
    public required IReadOnlyList<ColumnSpec> Teachers { get; init; }

    /// <summary>The student (<c>check</c>), X (<c>mi</c>) or the one column (<c>encode</c>).</summary>
    public required ColumnSpec Student { get; init; }

    /// <summary>The label; <c>null</c> when <see cref="Roles"/> reads none (then the student's file sets the row order).</summary>
    public ColumnSpec? Label { get; init; }

    /// <summary>Key column joining several files, or <c>null</c>.</summary>
    public string? Key { get; init; }

    /// <summary>How the files' rows are matched.</summary>
    public JoinMode Join { get; init; } = JoinMode.Strict;

    /// <summary>Row filters, all of which must hold.</summary>
    public IReadOnlyList<RowFilter> Filters { get; init; } = [];

    /// <summary>At most this many rows (a seeded sample), or <c>null</c> for all.</summary>
    public int? MaxRows { get; init; }

    /// <summary>Seed of the <see cref="MaxRows"/> draw.</summary>
    public int SampleSeed { get; init; }

    /// <summary>How the label is read.</summary>
    public TaskKind Task { get; init; } = TaskKind.Auto;

    /// <summary>See <see cref="DataRequest.TeachersTransformedApart"/>.</summary>
    public IReadOnlyList<bool> TeachersTransformedApart { get; init; } = [];

    /// <summary>See <see cref="DataRequest.StudentEncoded"/>.</summary>
    public bool StudentEncoded { get; init; }

    /// <summary>Whether the label spec is read (otherwise the student's file sets the row order).</summary>
    public bool ReadsLabel => Label is not null;

    /// <summary>Whether teacher <paramref name="index"/> is the same representation as the student when both read the same columns.</summary>
    public bool TeacherAlikeStudent(int index) => !(index < TeachersTransformedApart.Count && TeachersTransformedApart[index]);

    /// <summary>A <c>check</c> read.</summary>
    public static LoadRequest From(DataRequest request) => new()
    {
        Roles = LoadRoles.Check,
        DataPath = request.DataPath,
        BaseDirectory = request.BaseDirectory,
        Teachers = request.Teachers,
        Student = request.Student,
        Label = request.Label,
        Key = request.Key,
        Join = request.Join,
        Filters = request.Filters,
        MaxRows = request.MaxRows,
        SampleSeed = request.SampleSeed,
        Task = request.Task,
        TeachersTransformedApart = request.TeachersTransformedApart,
        StudentEncoded = request.StudentEncoded,
    };

    /// <summary>One column on its own (<c>encode</c>): no teachers, no label.</summary>
    public static LoadRequest From(ColumnRequest request) => new()
    {
        Roles = LoadRoles.Column,
        DataPath = request.DataPath,
        BaseDirectory = request.BaseDirectory,
        Teachers = [],
        Student = request.Column,
        Key = request.Key,
        Filters = request.Filters,
    };

    /// <summary>X with Y or with a label (<c>mi</c>); exactly one of <see cref="PairRequest.Y"/> and <see cref="PairRequest.Label"/> is set.</summary>
    public static LoadRequest From(PairRequest request) => new()
    {
        Roles = request.Y is null ? LoadRoles.Labelled : LoadRoles.Pair,
        DataPath = request.DataPath,
        BaseDirectory = request.BaseDirectory,
        Teachers = request.Y is { } y ? [y] : [],
        Student = request.X,
        Label = request.Label,
        Key = request.Key,
        Join = request.Join,
        Filters = request.Filters,
        Task = request.Task,
        MaxRows = request.MaxRows,
        SampleSeed = request.SampleSeed,
    };
}

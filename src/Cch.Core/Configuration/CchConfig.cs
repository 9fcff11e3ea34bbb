using System.Text.Json.Serialization;

namespace Cch.Configuration;

/// <summary>
/// The <c>cch.json</c> configuration: everything the command line can say, under the same names in
/// camelCase (schema <c>schemas/cch-config.schema.json</c>). Every property is optional; the
/// command line wins over the file, and the file over the defaults. Relative paths in a file are
/// resolved against the file's directory.
/// </summary>
public sealed record CchConfig
{
    /// <summary>Optional JSON schema reference for editors; ignored by Cch.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Default Parquet file for column specs without a path (<c>--data</c>).</summary>
    [CommandLineOption("--data")]
    public string? Data { get; init; }

    /// <summary>Teacher column specs <c>[PATH:]COLUMN</c> (<c>--teacher</c>, repeatable).</summary>
    [CommandLineOption("--teacher")]
    public IReadOnlyList<string>? Teachers { get; init; }

    /// <summary>Student column spec (<c>--student</c>).</summary>
    [CommandLineOption("--student")]
    public string? Student { get; init; }

    /// <summary>Label column spec (<c>--label</c>).</summary>
    [CommandLineOption("--label")]
    public string? Label { get; init; }

    /// <summary>Key column for joining files (<c>--key</c>).</summary>
    [CommandLineOption("--key")]
    public string? Key { get; init; }

    /// <summary><c>strict</c>, <c>inner</c> or <c>row-order</c> (<c>--join</c>).</summary>
    [CommandLineOption("--join")]
    public string? Join { get; init; }

    /// <summary>Row filters <c>COLUMN=VALUE</c> (<c>--where</c>, repeatable).</summary>
    [CommandLineOption("--where")]
    public IReadOnlyList<string>? Where { get; init; }

    /// <summary><c>auto</c>, <c>classification</c> or <c>regression</c> (<c>--task</c>).</summary>
    [CommandLineOption("--task")]
    public string? Task { get; init; }

    /// <summary>An estimator family, one of <see cref="Criterion.EstimatorFamilyNames.All"/> (<c>--estimator</c>; default <c>auto</c>).</summary>
    [CommandLineOption("--estimator")]
    public string? Estimator { get; init; }

    /// <summary>Estimator family for I(H_s;Y) if different (<c>--label-estimator</c>).</summary>
    [CommandLineOption("--label-estimator")]
    public string? LabelEstimator { get; init; }

    /// <summary>k nearest neighbours (<c>--k</c>).</summary>
    [CommandLineOption("--k")]
    public int? K { get; init; }

    /// <summary>Seed (<c>--seed</c>).</summary>
    [CommandLineOption("--seed")]
    public int? Seed { get; init; }

    /// <summary>Decision margin in nats (<c>--margin</c>).</summary>
    [CommandLineOption("--margin")]
    public double? Margin { get; init; }

    /// <summary>Confidence level in (0, 1) (<c>--confidence</c>).</summary>
    [CommandLineOption("--confidence")]
    public double? Confidence { get; init; }

    /// <summary>Half-sample replicates B (<c>--replicates</c>).</summary>
    [CommandLineOption("--replicates")]
    public int? Replicates { get; init; }

    /// <summary>Run the self-check on matched Gaussian surrogates (default true; <c>--no-self-check</c> sets false).</summary>
    [CommandLineOption("--no-self-check")]
    public bool? SelfCheck { get; init; }

    /// <summary><c>fail</c> or <c>inconclusive</c> (<c>--fail-on</c>).</summary>
    [CommandLineOption("--fail-on")]
    public string? FailOn { get; init; }

    /// <summary>Report path (<c>--report</c>).</summary>
    [CommandLineOption("--report")]
    public string? Report { get; init; }

    /// <summary>HTML report path (<c>--html</c>).</summary>
    [CommandLineOption("--html")]
    public string? Html { get; init; }

    /// <summary><c>text</c>, <c>json</c>, <c>markdown</c> or <c>html</c> (<c>--format</c>).</summary>
    [CommandLineOption("--format")]
    public string? Format { get; init; }

    /// <summary>Blur the student as images with this σ in pixels (<c>--student-blur</c>); needs <see cref="ImageShape"/>.</summary>
    [CommandLineOption("--student-blur")]
    public double? StudentBlur { get; init; }

    /// <summary>Image shape <c>H,W</c> of the student's rows, stored row-major (<c>--image-shape 28,28</c>).</summary>
    [CommandLineOption("--image-shape")]
    public string? ImageShape { get; init; }

    /// <summary>Verify the prediction with real distillation runs (<c>--verify</c>).</summary>
    [CommandLineOption("--verify")]
    public bool? Verify { get; init; }

    /// <summary>Row filters selecting held-out test rows (<c>--test-where</c>); without them a seeded share is held out.</summary>
    [CommandLineOption("--test-where")]
    public IReadOnlyList<string>? TestWhere { get; init; }

    /// <summary>Teacher outputs (logits) to distil from instead of training a teacher, one spec per teacher (<c>--teacher-logits</c>).</summary>
    [CommandLineOption("--teacher-logits")]
    public IReadOnlyList<string>? TeacherLogits { get; init; }

    /// <summary>Hidden units of the MLPs (<c>--hidden</c>).</summary>
    [CommandLineOption("--hidden")]
    public int? Hidden { get; init; }

    /// <summary>AdamW learning rate (<c>--learning-rate</c>).</summary>
    [CommandLineOption("--learning-rate")]
    public double? LearningRate { get; init; }

    /// <summary>Mini-batch size (<c>--batch-size</c>).</summary>
    [CommandLineOption("--batch-size")]
    public int? BatchSize { get; init; }

    /// <summary>Epoch limit (<c>--max-epochs</c>).</summary>
    [CommandLineOption("--max-epochs")]
    public int? MaxEpochs { get; init; }

    /// <summary>Early-stopping patience in epochs (<c>--patience</c>).</summary>
    [CommandLineOption("--patience")]
    public int? Patience { get; init; }

    /// <summary>Number of seeds (<c>--seeds N</c>); with <see cref="AutoSeeds"/>, the first look's count (default 5).</summary>
    [CommandLineOption("--seeds")]
    public int? Seeds { get; init; }

    /// <summary>Add seeds in rounds of 5 until the outcome is decided, at most 30 (<c>--seeds auto</c>).</summary>
    [CommandLineOption("--seeds")]
    public bool? AutoSeeds { get; init; }

    /// <summary>The smallest effect worth having in the primary metric's units (<c>--min-effect</c>).</summary>
    [CommandLineOption("--min-effect")]
    public double? MinEffect { get; init; }

    /// <summary>Seeds trained at the same time (<c>--parallel-seeds</c>); results do not depend on it.</summary>
    [CommandLineOption("--parallel-seeds")]
    public int? ParallelSeeds { get; init; }

    /// <summary>Temperatures T to try (<c>--temperature 1,2,3,4</c>).</summary>
    [CommandLineOption("--temperature")]
    public IReadOnlyList<double>? Temperatures { get; init; }

    /// <summary>Distillation weights λ to try (<c>--lambda 0.2,0.5</c>).</summary>
    [CommandLineOption("--lambda")]
    public IReadOnlyList<double>? Lambdas { get; init; }

    /// <summary>Share of training rows held out for validation (<c>--validation-fraction</c>).</summary>
    [CommandLineOption("--validation-fraction")]
    public double? ValidationFraction { get; init; }

    /// <summary>Share of rows held out for testing without <c>--test-where</c> (<c>--test-fraction</c>).</summary>
    [CommandLineOption("--test-fraction")]
    public double? TestFraction { get; init; }

    /// <summary>Rows to use at most (<c>--max-rows</c>), drawn by the seed; 0 uses every row. Default <see cref="Data.RowSample.DefaultMaxRows"/>.</summary>
    [CommandLineOption("--max-rows")]
    public int? MaxRows { get; init; }

    /// <summary>libtorch threads (<c>--threads</c>).</summary>
    [CommandLineOption("--threads")]
    public int? Threads { get; init; }

    /// <summary>Where libtorch trains: <c>cpu</c> (default) or <c>cuda</c> (<c>--device</c>).</summary>
    [CommandLineOption("--device")]
    public string? Device { get; init; }

    /// <summary>ONNX encoders for the teachers' raw columns (<c>--teacher-encoder</c>): one for all teachers or one per teacher.</summary>
    [CommandLineOption("--teacher-encoder")]
    public IReadOnlyList<string>? TeacherEncoders { get; init; }

    /// <summary>ONNX encoder for the student's raw column (<c>--student-encoder</c>).</summary>
    [CommandLineOption("--student-encoder")]
    public string? StudentEncoder { get; init; }

    /// <summary>The encoder output to use (<c>--output</c>); default: each model's first output.</summary>
    [CommandLineOption("--output")]
    public string? EncoderOutput { get; init; }

    /// <summary>Shape of one row as the encoders take it, without the batch axis (<c>--input-shape</c>), e.g. "1,28,28".</summary>
    [CommandLineOption("--input-shape")]
    public string? InputShape { get; init; }

    /// <summary>Factor applied to every raw value before encoding (<c>--input-scale</c>), e.g. 0.00392156862745098 (1/255).</summary>
    [CommandLineOption("--input-scale")]
    public double? InputScale { get; init; }

    /// <summary>Rows per ONNX Runtime call (<c>--encoder-batch-size</c>; default 256).</summary>
    [CommandLineOption("--encoder-batch-size")]
    public int? EncoderBatchSize { get; init; }

    /// <summary><c>criterion</c>, <c>verified</c> or <c>both</c> (<c>--gate</c>).</summary>
    [CommandLineOption("--gate")]
    public string? Gate { get; init; }

    /// <summary>
    /// Combines two configs: every value set here wins, the rest comes from <paramref name="fallback"/>.
    /// Lists are replaced, not appended.
    /// </summary>
    public CchConfig Over(CchConfig fallback) => new()
    {
        Schema = Schema ?? fallback.Schema,
        Data = Data ?? fallback.Data,
        Teachers = Teachers is { Count: > 0 } ? Teachers : fallback.Teachers,
        Student = Student ?? fallback.Student,
        Label = Label ?? fallback.Label,
        Key = Key ?? fallback.Key,
        Join = Join ?? fallback.Join,
        Where = Where is { Count: > 0 } ? Where : fallback.Where,
        Task = Task ?? fallback.Task,
        Estimator = Estimator ?? fallback.Estimator,
        LabelEstimator = LabelEstimator ?? fallback.LabelEstimator,
        K = K ?? fallback.K,
        Seed = Seed ?? fallback.Seed,
        Margin = Margin ?? fallback.Margin,
        Confidence = Confidence ?? fallback.Confidence,
        Replicates = Replicates ?? fallback.Replicates,
        SelfCheck = SelfCheck ?? fallback.SelfCheck,
        FailOn = FailOn ?? fallback.FailOn,
        Report = Report ?? fallback.Report,
        Html = Html ?? fallback.Html,
        Format = Format ?? fallback.Format,
        StudentBlur = StudentBlur ?? fallback.StudentBlur,
        ImageShape = ImageShape ?? fallback.ImageShape,
        Verify = Verify ?? fallback.Verify,
        TestWhere = TestWhere is { Count: > 0 } ? TestWhere : fallback.TestWhere,
        TeacherLogits = TeacherLogits is { Count: > 0 } ? TeacherLogits : fallback.TeacherLogits,
        Hidden = Hidden ?? fallback.Hidden,
        LearningRate = LearningRate ?? fallback.LearningRate,
        BatchSize = BatchSize ?? fallback.BatchSize,
        MaxEpochs = MaxEpochs ?? fallback.MaxEpochs,
        Patience = Patience ?? fallback.Patience,
        Seeds = Seeds ?? (AutoSeeds is null ? fallback.Seeds : null),
        AutoSeeds = AutoSeeds ?? fallback.AutoSeeds,
        MinEffect = MinEffect ?? fallback.MinEffect,
        ParallelSeeds = ParallelSeeds ?? fallback.ParallelSeeds,
        Temperatures = Temperatures is { Count: > 0 } ? Temperatures : fallback.Temperatures,
        Lambdas = Lambdas is { Count: > 0 } ? Lambdas : fallback.Lambdas,
        ValidationFraction = ValidationFraction ?? fallback.ValidationFraction,
        TestFraction = TestFraction ?? fallback.TestFraction,
        Threads = Threads ?? fallback.Threads,
        MaxRows = MaxRows ?? fallback.MaxRows,
        Device = Device ?? fallback.Device,
        TeacherEncoders = TeacherEncoders is { Count: > 0 } ? TeacherEncoders : fallback.TeacherEncoders,
        StudentEncoder = StudentEncoder ?? fallback.StudentEncoder,
        EncoderOutput = EncoderOutput ?? fallback.EncoderOutput,
        InputShape = InputShape ?? fallback.InputShape,
        InputScale = InputScale ?? fallback.InputScale,
        EncoderBatchSize = EncoderBatchSize ?? fallback.EncoderBatchSize,
        Gate = Gate ?? fallback.Gate,
    };

    /// <summary>
    /// Makes every path absolute against <paramref name="baseDirectory"/>: <see cref="Data"/>,
    /// <see cref="Report"/>, <see cref="Html"/> and the PATH part of each column spec.
    /// </summary>
    public CchConfig WithPathsRelativeTo(string baseDirectory)
    {
        string? Full(string? path) => string.IsNullOrEmpty(path) ? path : Path.GetFullPath(path, baseDirectory); // "" stays "": the checks say it names no file
        string? Spec(string? spec)
        {
            if (spec is null) return null;
            var parsed = Cch.Data.ColumnSpec.Parse(spec);
            return parsed.Path is null ? spec : $"{Path.GetFullPath(parsed.Path, baseDirectory)}:{parsed.Column}";
        }

        return this with
        {
            Data = Full(Data),
            Report = Full(Report),
            Html = Full(Html),
            Teachers = Teachers?.Select(t => Spec(t)!).ToList(),
            TeacherLogits = TeacherLogits?.Select(t => Spec(t)!).ToList(),
            Student = Spec(Student),
            Label = Spec(Label),
            TeacherEncoders = TeacherEncoders?.Select(t => Full(t)!).ToList(),
            StudentEncoder = Full(StudentEncoder),
        };
    }
}

using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Cch.Encoders;

namespace Cch.Configuration;

/// <summary>
/// A fully resolved <c>check</c>: validated from a merged <see cref="CchConfig"/> (command line over
/// file over defaults).
/// </summary>
public sealed record CheckSettings
{
    /// <summary>What to read; <c>null</c> when running a generated example.</summary>
    public DataRequest? Data { get; init; }

    /// <summary>What is done to <see cref="Data"/> after reading: the student's blur and the encoders (<see cref="RepresentationTransforms.None"/> by default).</summary>
    public RepresentationTransforms Transforms { get; init; } = RepresentationTransforms.None;

    /// <summary>The generated example's name (<c>gaussian</c>), or <c>null</c>.</summary>
    public string? Example { get; init; }

    /// <summary>Estimators, seed, margin and interval settings.</summary>
    public required CriterionOptions Criterion { get; init; }

    /// <summary>Which verdicts fail the gate.</summary>
    public FailOn FailOn { get; init; } = FailOn.Fail;

    /// <summary>Absolute report path, or <c>null</c> to write none.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Absolute path of the HTML report (<c>--html</c>), or <c>null</c> to write none.</summary>
    public string? HtmlPath { get; init; }

    /// <summary>What to print on standard output.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Text;

    /// <summary>The config file the settings came from (recorded in the report), or <c>null</c>.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The merged configuration these settings were validated from (a sharded run records it for <c>merge</c>); <c>null</c> when built directly.</summary>
    public CchConfig? Source { get; init; }

    /// <summary>Distillation settings when <c>--verify</c> is on; otherwise <c>null</c>.</summary>
    public VerificationOptions? Verification { get; init; }

    /// <summary>Filters selecting held-out test rows (<c>--test-where</c>); empty means a seeded share of the rows.</summary>
    public IReadOnlyList<RowFilter> TestFilters { get; init; } = [];

    /// <summary>Teacher output specs, one per teacher in order (<c>--teacher-logits</c>); empty to train teachers.</summary>
    public IReadOnlyList<ColumnSpec> TeacherLogits { get; init; } = [];

    /// <summary>What the exit code gates on.</summary>
    public Gate Gate { get; init; } = Gate.Criterion;

    /// <summary>The arguments after <c>dotnet cch</c>, recorded in the report's <c>invocation</c>; empty when run as a library.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>Every file this run reads: the config, the Parquet files named by the specs and <c>--data</c>, the encoders' models.</summary>
    public IEnumerable<string> FilesRead()
    {
        if (ConfigPath is not null) yield return ConfigPath;
        if (Data is not { } data) yield break;
        var specs = data.Teachers.Append(data.Student).Append(data.Label).Concat(TeacherLogits);
        foreach (var spec in specs)
            if ((spec.Path ?? data.DataPath) is { } path)
                yield return Path.GetFullPath(path, data.BaseDirectory);
        foreach (var encoder in Transforms.TeacherEncoders.Append(Transforms.StudentEncoder))
            if (encoder is not null)
                yield return Path.GetFullPath(encoder.ModelPath, data.BaseDirectory);
    }

    /// <summary>
    /// Checks that the report paths (<c>--report</c>, <c>--html</c>) can take a report, are none of the run's
    /// inputs and differ from each other, before any work.
    /// </summary>
    /// <returns>The settings with <see cref="ReportPath"/> and <see cref="HtmlPath"/> made full (links followed); unchanged without reports.</returns>
    /// <exception cref="CchInputException">A path cannot take a report, names an input, or both name the same file.</exception>
    public CheckSettings WithPreparedReport()
    {
        var report = ReportPath is null ? null : Reports.ReportWriter.PrepareTarget(ReportPath);
        if (report is not null) Internal.AtomicFile.RefuseInputs(report, FilesRead(), "--report");
        var html = HtmlPath is null ? null : Reports.ReportWriter.PrepareHtmlTarget(HtmlPath);
        if (html is not null)
        {
            Internal.AtomicFile.RefuseInputs(html, FilesRead(), "--html");
            if (report is not null) Internal.AtomicFile.RefuseSameTarget(report, "--report", html, "--html");
        }

        return this with { ReportPath = report, HtmlPath = html };
    }

    /// <summary>Validates <paramref name="config"/> (paths already absolute) into settings.</summary>
    /// <param name="config">The merged configuration.</param>
    /// <param name="example">A generated example to run instead of reading data, or <c>null</c>.</param>
    /// <param name="configPath">The config file that contributed, for the report, or <c>null</c>.</param>
    /// <exception cref="CchInputException">A required value is missing or a value is not allowed.</exception>
    public static CheckSettings From(CchConfig config, string? example = null, string? configPath = null)
    {
        var names = new OptionNames(null);
        var settings = Common(config, names) with { ConfigPath = configPath, Source = config };
        if (settings.Gate != Gate.Criterion && settings.Verification is null)
            throw new CchInputException($"--gate {config.Gate} gates on the measured outcome, which needs --verify.");

        if (example is not null)
        {
            if (!string.Equals(example, Examples.GaussianExample.Name, StringComparison.OrdinalIgnoreCase))
                throw new CchInputException($"--example '{example}': the only built-in example is '{Examples.GaussianExample.Name}'.");
            return settings with { Example = Examples.GaussianExample.Name };
        }

        var teachers = config.Teachers ?? [];
        if (teachers.Count == 0) throw SettingRules.Missing("--teacher", "teachers", "the teacher representation, e.g. --teacher fac216");
        if (config.Student is null) throw SettingRules.Missing("--student", "student", "the student representation, e.g. --student mor6");
        if (config.Label is null) throw SettingRules.Missing("--label", "label", "the label column, e.g. --label label");

        if (settings.Verification is null && (config.TestWhere is { Count: > 0 } || config.TeacherLogits is { Count: > 0 }))
            throw new CchInputException("--test-where and --teacher-logits only apply with --verify.");
        if (config.TestWhere is { Count: > 0 } && config.TestFraction is not null)
            throw new CchInputException("--test-fraction only applies without --test-where (the test rows are either filtered or a seeded share).");
        if (config.TestWhere is { Count: > 0 } testWhere && !Disjoint(config.Where ?? [], testWhere))
            throw new CchInputException(
                $"--where {string.Join(" ", config.Where ?? [])} and --test-where {string.Join(" ", testWhere)} may select the same rows; the test rows must be held out from training. " +
                "Give both a filter on the same column with different values, e.g. --where split=train --test-where split=test.");
        if (config.TeacherEncoders is not { Count: > 0 } && config.StudentEncoder is null
            && (config.EncoderOutput ?? config.InputShape ?? (object?)config.InputScale ?? config.EncoderBatchSize) is not null)
            throw new CchInputException("--output, --input-shape, --input-scale and --encoder-batch-size (config keys encoderOutput, inputShape, inputScale, encoderBatchSize) only apply with --teacher-encoder or --student-encoder (teacherEncoders, studentEncoder).");
        if (config.TeacherLogits is { Count: > 0 } logits && logits.Count != teachers.Count)
            throw new CchInputException($"--teacher-logits was given {logits.Count} time(s) for {teachers.Count} teacher(s); give one per --teacher, in the same order.");

        return settings with
        {
            TestFilters = (config.TestWhere ?? []).Select(RowFilter.Parse).ToList(),
            TeacherLogits = (config.TeacherLogits ?? []).Select(ColumnSpec.Parse).ToList(),
            Data = new DataRequest
            {
                DataPath = config.Data,
                BaseDirectory = Environment.CurrentDirectory,
                Teachers = teachers.Select(ColumnSpec.Parse).ToList(),
                Student = ColumnSpec.Parse(config.Student),
                Label = ColumnSpec.Parse(config.Label),
                Key = string.IsNullOrWhiteSpace(config.Key) ? null : config.Key,
                Join = SettingRules.Join(config.Join, names),
                Filters = (config.Where ?? []).Select(RowFilter.Parse).ToList(),
                Task = SettingRules.Task(config.Task, names),
                MaxRows = SettingRules.MaxRows(config.MaxRows, names),
                SampleSeed = settings.Criterion.Seed,
            },
            Transforms = new RepresentationTransforms
            {
                StudentBlur = Blur(config, names),
                TeacherEncoders = (config.TeacherEncoders ?? []).Select(path => Encoder(config, path, names)).ToList(),
                StudentEncoder = config.StudentEncoder is { } studentEncoder ? Encoder(config, studentEncoder, names) : null,
            },
        };
    }

    private static Encoders.EncoderOptions Encoder(CchConfig config, string path, OptionNames names) => new(path)
    {
        OutputName = string.IsNullOrWhiteSpace(config.EncoderOutput) ? null : config.EncoderOutput.Trim(),
        InputShape = config.InputShape is null ? null : ParseShape(config.InputShape, names.For("input-shape", "inputShape")),
        InputScale = config.InputScale ?? 1,
        BatchSize = config.EncoderBatchSize ?? Encoders.EncoderOptions.DefaultBatchSize,
        Threads = config.Threads ?? 1,
    };

    /// <summary>Parses a row shape such as <c>1,28,28</c> (also <c>1x28x28</c>).</summary>
    /// <exception cref="CchInputException">An axis is not a positive integer.</exception>
    public static IReadOnlyList<int> ParseShape(string text, (string Label, string? File) name) =>
        ShapeText.TryParse(text, out var shape)
            ? shape
            : throw new CchInputException($"{name.Label} '{text}': expected positive integers separated by commas, the shape of one row without the batch axis (e.g. 1,28,28).", file: name.File);

    private static ImageBlur? Blur(CchConfig config, OptionNames names)
    {
        // Range and pairing first, so that a config file's error names its keys rather than the options.
        if (config.StudentBlur is { } sigma && !(sigma >= 0 && double.IsFinite(sigma)))
            throw names.Error("student-blur", "studentBlur", $"{sigma.ToString(System.Globalization.CultureInfo.InvariantCulture)}: σ must be a finite number of pixels ≥ 0");
        if (config.StudentBlur is not null && config.ImageShape is null)
            throw names.Error("student-blur", "studentBlur", $"needs {names.For("image-shape", "imageShape").Label} H,W (e.g. 28,28), the shape each row was stored in row-major");
        if (config.StudentBlur is null && config.ImageShape is not null)
            throw names.Error("image-shape", "imageShape", $"only applies with {names.For("student-blur", "studentBlur").Label} (an encoder's input shape is {names.For("input-shape", "inputShape").Label})");
        return ImageBlur.From(config.StudentBlur, config.ImageShape, names.For("student-blur", "studentBlur").Label);
    }

    /// <summary>
    /// Checks every value set in a config file (choices and ranges), so that an error names the
    /// file and the key rather than a command-line option the user never typed.
    /// </summary>
    /// <exception cref="CchInputException">A value is not allowed; <see cref="CchInputException.File"/> is <paramref name="path"/>.</exception>
    public static void ValidateFile(CchConfig config, string path)
    {
        var names = new OptionNames(path);
        Common(config, names);
        SettingRules.Join(config.Join, names);
        SettingRules.Task(config.Task, names);
        if (config.Teachers is { Count: 0 }) throw names.Error("teachers", "teachers", "the list is empty; name at least one teacher");
    }

    /// <summary>The options shared by files and examples: estimators, ranges, gate, output.</summary>
    private static CheckSettings Common(CchConfig config, OptionNames names)
    {
        var criterion = SettingRules.Criterion(names, config.Estimator, config.LabelEstimator, config.K, config.Seed, config.Margin, config.Confidence, config.Replicates);
        if (config.Report is { } report && (report.Length == 0 || report.EndsWith(Path.DirectorySeparatorChar) || report.EndsWith(Path.AltDirectorySeparatorChar)))
            throw names.Error("report", "report", $"'{report}' names no file; expected a file path such as cch-report.json");

        if (config.Html is { } html && (html.Length == 0 || html.EndsWith(Path.DirectorySeparatorChar) || html.EndsWith(Path.AltDirectorySeparatorChar)))
            throw names.Error("html", "html", $"'{html}' names no file; expected a file path such as cch-report.html");

        if (config.EncoderBatchSize is < 1) throw names.Error("encoder-batch-size", "encoderBatchSize", $"{config.EncoderBatchSize}: expected at least 1 row per inference call");
        if (config.InputScale is { } scale && !(double.IsFinite(scale) && scale != 0)) throw names.Error("input-scale", "inputScale", "must be a finite, non-zero factor, e.g. 0.00392156862745098 for 1/255");
        if (config.Threads is < 1 or > SettingRules.MaxThreads) throw names.Error("threads", "threads", $"{config.Threads}: expected 1 to 1,024 CPU threads");
        SettingRules.MaxRows(config.MaxRows, names);
        if (config.InputShape is { } inputShape) ParseShape(inputShape, names.For("input-shape", "inputShape"));

        var gate = SettingRules.Choice(config.Gate, names.For("gate", "gate"), Gate.Criterion, ("criterion", Gate.Criterion), ("verified", Gate.Verified), ("both", Gate.Both));
        criterion = criterion with { Device = SettingRules.Device(config.Device, names) };

        return new CheckSettings
        {
            Gate = gate,
            Verification = config.Verify == true ? VerificationFrom(config, criterion, names) : null,
            Criterion = criterion with { SelfCheck = config.SelfCheck ?? true },
            FailOn = SettingRules.Choice(config.FailOn, names.For("fail-on", "failOn"), FailOn.Fail, ("fail", FailOn.Fail), ("inconclusive", FailOn.Inconclusive)),
            ReportPath = config.Report,
            HtmlPath = config.Html,
            Format = SettingRules.Choice(config.Format, names.For("format", "format"), ReportFormat.Text, ("text", ReportFormat.Text), ("json", ReportFormat.Json), ("markdown", ReportFormat.Markdown), ("html", ReportFormat.Html)),
        };
    }

    private static VerificationOptions VerificationFrom(CchConfig config, CriterionOptions criterion, OptionNames names)
    {
        var defaults = new VerificationOptions();
        var options = defaults with
        {
            HiddenUnits = config.Hidden ?? defaults.HiddenUnits,
            LearningRate = config.LearningRate ?? defaults.LearningRate,
            BatchSize = config.BatchSize ?? defaults.BatchSize,
            MaxEpochs = config.MaxEpochs ?? defaults.MaxEpochs,
            Patience = config.Patience ?? defaults.Patience,
            Seeds = config.Seeds ?? defaults.Seeds,
            AutoSeeds = config.AutoSeeds == true,
            MinEffect = config.MinEffect,
            ParallelSeeds = config.ParallelSeeds ?? defaults.ParallelSeeds,
            Temperatures = config.Temperatures is { Count: > 0 } t ? t : defaults.Temperatures,
            Lambdas = config.Lambdas is { Count: > 0 } l ? l : defaults.Lambdas,
            ValidationFraction = config.ValidationFraction ?? defaults.ValidationFraction,
            TestFraction = config.TestFraction ?? defaults.TestFraction,
            Threads = config.Threads ?? defaults.Threads,
            Device = criterion.Device,
            Seed = criterion.Seed,
            ConfidenceLevel = criterion.ConfidenceLevel,
        };
        if (options.HiddenUnits < 1) throw names.Error("hidden", "hidden", $"{options.HiddenUnits}: expected at least 1 hidden unit");
        // libtorch trains in float32: a rate beyond float's range fails inside the optimizer instead of being refused here.
        if (!(options.LearningRate > 0 && options.LearningRate <= float.MaxValue)) throw names.Error("learning-rate", "learningRate", $"must be a positive number up to {float.MaxValue:G3} (training runs in float32), e.g. 0.001");
        if (options.BatchSize < 1) throw names.Error("batch-size", "batchSize", $"{options.BatchSize}: expected at least 1");
        if (options.MaxEpochs < 1) throw names.Error("max-epochs", "maxEpochs", $"{options.MaxEpochs}: expected at least 1");
        if (options.Patience < 1) throw names.Error("patience", "patience", $"{options.Patience}: expected at least 1");
        if (options.Seeds < 2) throw names.Error("seeds", "seeds", $"{options.Seeds}: the paired interval needs at least 2 seeds");
        if (options.AutoSeeds && options.Seeds > options.MaxSeeds) throw names.Error("seeds", "seeds", $"{options.Seeds}: with automatic seeds this is the first look, which must not exceed the cap of {options.MaxSeeds}");
        if (options.ParallelSeeds < 1) throw names.Error("parallel-seeds", "parallelSeeds", $"{options.ParallelSeeds}: expected at least 1 seed at a time");
        if (options.MinEffect is { } minEffect && !(minEffect >= 0 && double.IsFinite(minEffect))) throw names.Error("min-effect", "minEffect", "must be a finite number ≥ 0 in the primary metric's units, e.g. 0.005 (half a point of accuracy)");
        if (options.Threads is < 1 or > SettingRules.MaxThreads) throw names.Error("threads", "threads", $"{options.Threads}: expected 1 to 1,024 CPU threads");
        if (options.Temperatures.Any(x => !(x > 0 && double.IsFinite(x)))) throw names.Error("temperature", "temperatures", "values must be positive numbers, e.g. 1,2,3,4");
        if (options.Lambdas.Any(x => !(x > 0 && x <= 1))) throw names.Error("lambda", "lambdas", "values must lie in (0, 1], e.g. 0.2,0.5,0.8 (λ = 0 would not distil at all)");
        if (!(options.ValidationFraction is > 0 and < 1)) throw names.Error("validation-fraction", "validationFraction", "must lie strictly between 0 and 1");
        if (!(options.TestFraction is > 0 and < 1)) throw names.Error("test-fraction", "testFraction", "must lie strictly between 0 and 1");
        return options;
    }

    /// <summary>Whether the filters surely select disjoint rows: some column is required to equal two different values.</summary>
    private static bool Disjoint(IReadOnlyList<string> train, IReadOnlyList<string> test)
    {
        var a = train.Select(RowFilter.Parse).ToList();
        return test.Select(RowFilter.Parse).Any(t => a.Any(f => f.Column == t.Column && f.Value != t.Value));
    }

}

using System.CommandLine;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch check</c>: the options. See <c>docs/cli.md</c>.</summary>
internal static partial class CheckCommand
{
    private static readonly Option<string?> Config = new("--config", "-c") { Description = "cch.json holding any of these options (the command line wins). Default: ./cch.json when present." };
    private static readonly Option<string?> Example = new("--example") { Description = "Run on a built-in generated example instead of files: 'gaussian' (the paper's joint-Gaussian model)." };
    private static readonly Option<string?> Data = new("--data", "-d") { Description = "Default Parquet file for column specs without a path." };
    private static readonly Option<string[]> Teacher = new("--teacher", "-t") { Description = "Teacher representation [PATH:]COLUMN (repeatable; several teachers are ranked by Δ).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Student = new("--student", "-s") { Description = "Student representation [PATH:]COLUMN." };
    private static readonly Option<string?> Label = new("--label", "-l") { Description = "Label column [PATH:]COLUMN (integer, string or bool: classes; float: regression)." };
    private static readonly Option<string?> Key = new("--key") { Description = "Key column joining several files (rows may be in any order); needed when specs name several files, unless --join row-order." };
    private static readonly Option<string?> Join = new("--join") { Description = "strict (default: every key in every file), inner (keep the intersection, reported) or row-order (no key: several files matched row by row)." };
    private static readonly Option<string[]> Where = new("--where") { Description = "Keep rows where COLUMN=VALUE (repeatable, all must hold), e.g. split=train.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Task = new("--task") { Description = "auto (default), classification or regression." };
    private static readonly Option<string?> Estimator = new("--estimator", "-e") { Description = $"Estimator family: {string.Join(", ", Cch.Criterion.EstimatorFamilyNames.All)} (default auto: chosen per term from the dimensions, N and the label kind; probe only for I(H_s;Y)); see docs/estimators.md." };
    private static readonly Option<string?> LabelEstimator = new("--label-estimator") { Description = "Estimator family for I(H_s;Y) if it should differ from --estimator (same names; e.g. probe)." };
    private static readonly Option<int?> K = new("--k", "-k") { Description = "k nearest neighbours for the k-NN estimators (ksg, mixed; default 3)." };
    private static readonly Option<int?> Seed = new("--seed") { Description = "Seed for every random choice (default 0)." };
    private static readonly Option<double?> Margin = new("--margin") { Description = "Decision margin in nats (default 0): pass when the whole interval of Δ lies above it." };
    private static readonly Option<double?> Confidence = new("--confidence") { Description = "Confidence level of the intervals (default 0.95)." };
    private static readonly Option<int?> Replicates = new("--replicates") { Description = "Half-samples behind the intervals (default 20)." };
    private static readonly Option<bool> NoSelfCheck = new("--no-self-check") { Description = "Skip the self-check on matched Gaussian surrogates (saves about one estimate per term; the intervals then cover sampling only, not the estimators' bias)." };
    private static readonly Option<string?> FailOn = new("--fail-on") { Description = "fail (default) or inconclusive: which verdicts exit with code 1." };
    private static readonly Option<string?> Report = new("--report", "-r") { Description = "Write the JSON report here (atomically)." };
    private static readonly Option<string?> Html = new("--html") { Description = "Write a self-contained HTML report with plots here (atomically; no scripts or external resources)." };
    private static readonly Option<string?> Format = new("--format", "-f") { Description = "What to print on standard output: text (default), json, markdown or html." };
    private static readonly Option<double?> StudentBlur = new("--student-blur") { Description = "Blur the student as images with a Gaussian of this σ in pixels (a degraded view; needs --image-shape)." };
    private static readonly Option<string?> ImageShape = new("--image-shape") { Description = "H,W of the student's row-major images, e.g. 28,28 for MNIST's 784 pixels." };
    private static readonly Option<bool> Verify = new("--verify") { Description = "Also train the student with and without distillation from each teacher and measure the held-out effect." };
    private static readonly Option<string[]> TestWhere = new("--test-where") { Description = "Held-out test rows COLUMN=VALUE (repeatable), e.g. split=test, disjoint from the --where rows; default: a seeded share of the rows.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> TeacherLogits = new("--teacher-logits") { Description = "Distil from these teacher outputs [PATH:]COLUMN instead of training a teacher (one per --teacher).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<int?> Hidden = new("--hidden") { Description = "Hidden ReLU units of each MLP (default 128)." };
    private static readonly Option<double?> LearningRate = new("--learning-rate") { Description = "AdamW learning rate (default 0.001)." };
    private static readonly Option<int?> BatchSize = new("--batch-size") { Description = "Mini-batch size (default 128)." };
    private static readonly Option<int?> MaxEpochs = new("--max-epochs") { Description = "Epoch limit (default 200)." };
    private static readonly Option<int?> Patience = new("--patience") { Description = "Early-stopping patience on the validation loss (default 20)." };
    private static readonly Option<string?> Seeds = new("--seeds") { Description = "Training repetitions (default 5), or auto: 5, then 5 more per round until the outcome is decided, at most 30 (each look at α/6, Bonferroni)." };
    private static readonly Option<int?> ParallelSeeds = new("--parallel-seeds") { Description = "Seeds trained at the same time (default 1); results are identical, each uses --threads libtorch threads." };
    private static readonly Option<double?> MinEffect = new("--min-effect") { Description = "Smallest effect worth having, in the primary metric's units (default 0.005 accuracy; for regression 1 % of the no-KD MSE)." };
    private static readonly Option<string?> Temperature = new("--temperature", "-T") { Description = "Temperature(s) T, comma-separated (default 2); with several, every T × λ is tried and the best chosen on validation." };
    private static readonly Option<string?> Lambda = new("--lambda") { Description = "Distillation weight(s) λ in (0, 1], comma-separated (default 0.5)." };
    private static readonly Option<double?> ValidationFraction = new("--validation-fraction") { Description = "Share of training rows held out per seed for early stopping and selection (default 0.2)." };
    private static readonly Option<double?> TestFraction = new("--test-fraction") { Description = "Share of rows held out for testing without --test-where (default 0.2)." };
    private static readonly Option<string?> MaxRows = SampleOptionParsing.MaxRowsOption();
    private static readonly Option<int?> Threads = new("--threads") { Description = "CPU threads for ONNX Runtime and libtorch (default 1; results are reproducible for a fixed count)." };
    private static readonly Option<string[]> TeacherEncoder = new("--teacher-encoder") { Description = "ONNX model that encodes the teachers' raw columns (one for all teachers, or repeat once per --teacher).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> StudentEncoder = new("--student-encoder") { Description = "ONNX model that encodes the student's raw column (after --student-blur)." };
    private static readonly Option<string?> Output = EncoderOptionParsing.OutputOption();
    private static readonly Option<string?> InputShape = EncoderOptionParsing.InputShapeOption();
    private static readonly Option<string?> InputScale = EncoderOptionParsing.InputScaleOption();
    private static readonly Option<int?> EncoderBatchSize = new("--encoder-batch-size") { Description = "Rows per ONNX Runtime call (default 256)." };
    private static readonly Option<string?> Shard = new("--shard") { Description = "Compute only shard INDEX/COUNT of the estimates (0-based: 0/4 … 3/4) and write it as a partial report to --report; 'dotnet cch merge' combines the parts (docs/scale.md)." };
    private static readonly Option<string?> Device = new("--device") { Description = "Where libtorch trains: cpu (default) or cuda (needs a CUDA build of libtorch, which the tool package does not ship; see docs/scale.md). CUDA results are not bit-identical to the CPU's." };
    private static readonly Option<string?> Gate = new("--gate") { Description = "What the exit code gates on: criterion (default), verified (needs kd-helps) or both." };

    /// <summary>Creates the <c>check</c> command.</summary>
    public static Command Create() => Create(
        "check",
        "Estimate I(H_t;H_s) and I(H_s;Y) with confidence intervals and decide whether distillation from each teacher should help; --verify also measures it. Exit code: 0 pass, 1 fail, 2 input error, 3 internal error (a bug), 130 cancelled.",
        verify: false);

    /// <summary>Creates the <c>verify</c> command: <c>check --verify</c>.</summary>
    public static Command CreateVerify() => Create(
        "verify",
        "The same as check --verify: estimate the criterion, then train the student with and without distillation and compare on held-out rows.",
        verify: true);

    private static Command Create(string name, string description, bool verify)
    {
        var command = new Command(name, description);
        foreach (var option in new Option[]
                 {
                     Config, Example, Data, Teacher, Student, StudentBlur, ImageShape, Label, Key, Join, Where, Task, Estimator, LabelEstimator, K, Seed, Margin, Confidence, Replicates, NoSelfCheck, FailOn, Report, Html, Format,
                     TestWhere, TeacherLogits, Hidden, LearningRate, BatchSize, MaxEpochs, Patience, Seeds, MinEffect, ParallelSeeds, Temperature, Lambda, ValidationFraction, TestFraction, Threads, MaxRows, Device, Gate,
                     TeacherEncoder, StudentEncoder, Output, InputShape, InputScale, EncoderBatchSize,
                 })
            command.Options.Add(option);
        if (!verify) command.Options.Add(Verify);
        if (!verify) command.Options.Add(Shard);
        Help.GroupedHelpAction.Register(command, Layout(verify));
        command.SetAction((parse, cancellationToken) => RunAsync(parse, verify, cancellationToken));
        return command;
    }
}

using Cch.Criterion;

namespace Cch.Reports;

/// <summary>A mutual information or Δ in nats with its confidence interval.</summary>
/// <param name="Estimate">Point estimate on all N rows.</param>
/// <param name="CiLow">Lower end of the interval.</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="Ceiling">For KSG: ψ(N) − ψ(k), the largest value it can return; absent otherwise.</param>
/// <param name="NearCeiling">For KSG: whether the estimate is close to the ceiling (likely saturated); absent otherwise.</param>
public sealed record MiValue(double Estimate, double CiLow, double CiHigh, double? Ceiling = null, bool? NearCeiling = null)
{
    /// <summary>The estimator that computed a mutual information (e.g. <c>copula</c>); absent for Δ.</summary>
    public string? Estimator { get; init; }

    /// <summary>Why <c>--estimator auto</c> chose <see cref="Estimator"/>; absent when the family was given.</summary>
    public string? AutoReason { get; init; }

    /// <summary>How the interval was computed: <c>half-sampling</c>, <c>influence</c> or <c>cross-fit</c>; absent for Δ.</summary>
    public string? Interval { get; init; }

    /// <summary>The standard error in nats behind the interval (for Δ: of the paired difference).</summary>
    public double? StandardError { get; init; }

    /// <summary>What a trained estimator fitted; absent for closed forms and k-NN estimators.</summary>
    public TrainingReport? Training { get; init; }

    /// <summary>For a combined estimate (<c>max(…)</c>), every component's value; absent otherwise.</summary>
    public IReadOnlyList<Estimators.ComponentEstimate>? Components { get; init; }

    /// <summary>The same estimator on a matched Gaussian surrogate with a known value (<see cref="Criterion.SurrogateCheck"/>); absent when the self-check did not run, and for Δ.</summary>
    public SurrogateReport? Surrogate { get; init; }

    /// <summary>The interval from sampling alone; absent when it equals [<see cref="CiLow"/>, <see cref="CiHigh"/>] (no self-check).</summary>
    public SamplingIntervalReport? Sampling { get; init; }

    /// <summary>B in nats: the estimator bias the interval allows for (<see cref="Criterion.BiasAwareInterval"/>); absent without the self-check.</summary>
    public double? BiasBound { get; init; }
}

/// <summary>An interval from sampling variability alone, in nats.</summary>
/// <param name="CiLow">Lower end.</param>
/// <param name="CiHigh">Upper end.</param>
public sealed record SamplingIntervalReport(double CiLow, double CiHigh);

/// <summary>The self-check on a matched Gaussian surrogate.</summary>
/// <param name="Known">The surrogate's mutual information in nats (closed form; Monte Carlo for a class label).</param>
/// <param name="Estimate">The estimator's value on the surrogate, in nats.</param>
/// <param name="Recovery">Estimate / known; absent when the known value is below 0.1 nats.</param>
public sealed record SurrogateReport(double Known, double Estimate, double? Recovery)
{
    /// <summary>For a combined estimate, each component on the surrogate; absent otherwise.</summary>
    public IReadOnlyList<SurrogateComponentReport>? Components { get; init; }
}

/// <summary>One component of a combined estimator on the surrogate.</summary>
/// <param name="Estimator">The component (e.g. <c>ksg-ranks</c>).</param>
/// <param name="Estimate">Its value on the surrogate in nats.</param>
/// <param name="Recovery">Estimate / known; absent when the known value is below 0.1 nats.</param>
/// <param name="Valid">Whether it passed the self-check (recovery in [0.85, 1.15], missed by no more than two standard errors, or unmeasured), so that it takes part in the robust verdict.</param>
public sealed record SurrogateComponentReport(string Estimator, double Estimate, double? Recovery, bool Valid);

/// <summary>One teacher's criterion.</summary>
/// <param name="Name">The teacher's column spec.</param>
/// <param name="Rank">1 for the largest Δ.</param>
/// <param name="Dimensions">d_t.</param>
/// <param name="MiTeacherStudent">I(H_t;H_s) in nats.</param>
/// <param name="MiStudentLabel">I(H_s;Y) in nats.</param>
/// <param name="Delta">Δ = I(H_t;H_s) − I(H_s;Y) in nats.</param>
/// <param name="Verdict">Pass, fail or inconclusive.</param>
/// <param name="ClosedForm">Exact values for a generated example; absent otherwise.</param>
/// <param name="Verification">The measured effect of distillation (with <c>--verify</c>); absent otherwise.</param>
/// <param name="Agreement">Whether the verdict matches the measured outcome (with <c>--verify</c>); absent otherwise.</param>
public sealed record TeacherReport(
    string Name,
    int Rank,
    int Dimensions,
    MiValue MiTeacherStudent,
    MiValue MiStudentLabel,
    MiValue Delta,
    Verdict Verdict,
    ClosedFormReport? ClosedForm = null,
    VerificationReport? Verification = null,
    Agreement? Agreement = null)
{
    /// <summary>P(the true Δ lies on the other side of the margin than Δ̂) (<see cref="Criterion.DeltaDistribution.WrongSignProbability"/>).</summary>
    public double? WrongSignProbability { get; init; }

    /// <summary>P(this teacher has the largest Δ) (<see cref="Criterion.TeacherSelection.BestProbabilities"/>).</summary>
    public double? BestProbability { get; init; }

    /// <summary>Why the verdict is inconclusive (<see cref="Criterion.VerdictReason"/>); absent for pass and fail.</summary>
    public VerdictReason? Reason { get; init; }

    /// <summary>Δ̂ under every pair of estimators that passed the self-check (<see cref="Criterion.RobustVerdict"/>); absent when there is only the estimator of <see cref="Delta"/>.</summary>
    public IReadOnlyList<EstimatorDelta>? EstimatorDeltas { get; init; }
}

/// <summary>
/// What a trained estimator fitted for one value (<see cref="Estimators.TrainingSummary"/> without its
/// wall-clock time, which the report keeps in <c>timings</c> so that the same seed gives the same report).
/// </summary>
/// <param name="Model">What was fitted.</param>
/// <param name="FitRows">Rows used to fit (per fold or seed).</param>
/// <param name="EvaluationRows">Held-out rows the value was computed on (in total).</param>
/// <param name="Repeats">Folds × seeds combined.</param>
/// <param name="Epochs">Epochs (or optimiser iterations) per fit, averaged over repeats; 0 for closed-form fits.</param>
/// <param name="HeldOutLoss">The objective on held-out rows, or absent.</param>
/// <param name="RepeatValues">The estimate of each repeat in nats.</param>
public sealed record TrainingReport(string Model, int FitRows, int EvaluationRows, int Repeats, double Epochs, double? HeldOutLoss, IReadOnlyList<double> RepeatValues)
{
    /// <summary>The report form of <paramref name="t"/> (values rounded to 6 decimals), or <c>null</c>.</summary>
    public static TrainingReport? From(Estimators.TrainingSummary? t) => t is null ? null : new(
        t.Model, t.FitRows, t.EvaluationRows, t.Repeats, Math.Round(t.Epochs, 6), t.HeldOutLoss is { } l ? Math.Round(l, 6) : null,
        t.RepeatValues.Select(v => Math.Round(v, 6)).ToList());
}

/// <summary>The verification of one teacher: settings, outcome, per-seed metrics, paired differences, grid and wall time.</summary>
/// <param name="Outcome">kd-helps, kd-hurts, equivalent or undetermined (no-difference in reports from before --min-effect).</param>
/// <param name="PrimaryMetric">The metric the outcome is decided on.</param>
/// <param name="Temperature">Chosen T (on validation rows).</param>
/// <param name="Lambda">Chosen λ (on validation rows).</param>
/// <param name="TrainRows">Rows for fitting and validation.</param>
/// <param name="TestRows">Held-out rows the metrics come from.</param>
/// <param name="TeacherSource"><c>mlp</c> (a teacher trained on H_t) or <c>logits</c> (given outputs).</param>
/// <param name="Settings">The training settings.</param>
/// <param name="Differences">Paired differences KD − no KD per metric, with both arms' means (<c>noKdMean</c>, <c>kdMean</c>).</param>
/// <param name="Seeds">Per-seed metrics of teacher, no-KD and KD students.</param>
/// <param name="Grid">Every (T, λ) tried with its validation loss.</param>
/// <param name="Timings">Wall time per phase.</param>
public sealed record VerificationReport(
    Distillation.KdOutcome Outcome,
    string PrimaryMetric,
    double Temperature,
    double Lambda,
    int TrainRows,
    int TestRows,
    string TeacherSource,
    VerificationSettingsReport Settings,
    IReadOnlyList<Distillation.PairedDifference> Differences,
    IReadOnlyList<Distillation.SeedOutcome> Seeds,
    IReadOnlyList<Distillation.GridPoint> Grid,
    VerificationTimingsReport Timings)
{
    /// <summary>The no-KD arm's chosen AdamW weight decay; absent in reports from before the no-KD arm had its own selection.</summary>
    public double? NoKdWeightDecay { get; init; }

    /// <summary>Every weight decay the no-KD arm tried (as many as <see cref="Grid"/> has points) with its validation loss; absent in older reports.</summary>
    public IReadOnlyList<Distillation.NoKdGridPoint>? NoKdGrid { get; init; }

    /// <summary>How the outcome was decided (δ, α per look, TOST interval, seeds run, why they stopped); absent in older reports.</summary>
    public Distillation.VerificationDecision? Decision { get; init; }
}

/// <summary>Training settings of a verification.</summary>
/// <param name="HiddenUnits">Hidden ReLU units of each MLP.</param>
/// <param name="LearningRate">AdamW learning rate.</param>
/// <param name="WeightDecay">AdamW weight decay.</param>
/// <param name="BatchSize">Mini-batch size.</param>
/// <param name="MaxEpochs">Epoch limit.</param>
/// <param name="Patience">Early-stopping patience.</param>
/// <param name="Seeds">Number of seeds (the first look's with <c>--seeds auto</c>).</param>
/// <param name="Temperatures">Temperatures tried.</param>
/// <param name="Lambdas">Distillation weights tried.</param>
/// <param name="ValidationFraction">Share of training rows used for validation.</param>
/// <param name="TestSplit">How the test rows were chosen: the <c>--test-where</c> filters, or a seeded share.</param>
/// <param name="Threads">libtorch threads.</param>
public sealed record VerificationSettingsReport(
    int HiddenUnits,
    double LearningRate,
    double WeightDecay,
    int BatchSize,
    int MaxEpochs,
    int Patience,
    int Seeds,
    IReadOnlyList<double> Temperatures,
    IReadOnlyList<double> Lambdas,
    double ValidationFraction,
    string TestSplit,
    int Threads)
{
    /// <summary>Whether seeds were added in rounds until decided (<c>--seeds auto</c>); then <see cref="Seeds"/> is the first look's count.</summary>
    public bool AutoSeeds { get; init; }

    /// <summary>Seeds added per round with <see cref="AutoSeeds"/>; absent otherwise.</summary>
    public int? AutoSeedsStep { get; init; }

    /// <summary>The cap on seeds with <see cref="AutoSeeds"/>; absent otherwise.</summary>
    public int? MaxSeeds { get; init; }

    /// <summary><c>--min-effect</c> as given; absent for the default (the value used is in <c>decision.minEffect</c>).</summary>
    public double? MinEffect { get; init; }
}

/// <summary>Wall-clock seconds of a verification.</summary>
/// <param name="TeacherSeconds">Training teachers.</param>
/// <param name="StudentSeconds">Training students.</param>
/// <param name="EvaluationSeconds">Computing metrics.</param>
public sealed record VerificationTimingsReport(double TeacherSeconds, double StudentSeconds, double EvaluationSeconds);

/// <summary>Exact values of a generated example, in nats.</summary>
/// <param name="MiTeacherStudent">Exact I(H_t;H_s).</param>
/// <param name="MiStudentLabel">Exact I(H_s;Y).</param>
/// <param name="Delta">Exact Δ.</param>
public sealed record ClosedFormReport(double MiTeacherStudent, double MiStudentLabel, double Delta);

/// <summary>The estimators used.</summary>
/// <param name="Family">The <c>--estimator</c> family (<c>auto</c> by default).</param>
/// <param name="TeacherStudent">Estimator(s) of I(H_t;H_s), comma-separated when <c>auto</c> chose differently per teacher.</param>
/// <param name="StudentLabel">Estimator of I(H_s;Y).</param>
/// <param name="K">k nearest neighbours (k-NN estimators).</param>
/// <param name="LabelFamily">The <c>--label-estimator</c> family when it differs from <paramref name="Family"/>; absent otherwise.</param>
public sealed record EstimatorReport(EstimatorFamily Family, string TeacherStudent, string StudentLabel, int K, EstimatorFamily? LabelFamily = null);

/// <summary>How the intervals were computed.</summary>
/// <param name="Method">The methods used, comma-separated: <c>half-sampling</c> (B subsets of ⌊N/2⌋ rows without
/// replacement, θ̂ ± t·sd), <c>influence</c> (delta method on per-row influence terms, θ̂ ± z·SE) or
/// <c>cross-fit</c> (held-out per-row terms of cross-fitted models, θ̂ ± z·SE); each value names its own.</param>
/// <param name="Level">Confidence level, e.g. 0.95.</param>
/// <param name="Replicates">B, the half-samples (used only by half-sampled terms).</param>
/// <param name="SubsampleRows">⌊N/2⌋, or 0 when no term was half-sampled.</param>
public sealed record IntervalReport(string Method, double Level, int Replicates, int SubsampleRows)
{
    /// <summary>The level of each teacher's Δ interval: <see cref="Level"/> for one teacher, 1 − (1 − level)/T for T (Bonferroni).</summary>
    public double? DeltaLevel { get; init; }

    /// <summary>Whether the intervals allow for the estimators' bias measured by the self-check (<see cref="Criterion.BiasAwareInterval"/>) as well as for sampling; absent in older reports.</summary>
    public bool? BiasAware { get; init; }
}

/// <summary>One input file.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Rows">Rows in the file before filters.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file.</param>
public sealed record InputReport(string Path, long Rows, string Sha256)
{
    /// <summary>The report's view of the files a run read.</summary>
    public static IReadOnlyList<InputReport> From(IEnumerable<Data.InputFileInfo> inputs) =>
        inputs.Select(i => new InputReport(i.Path, i.Rows, i.Sha256)).ToList();
}

/// <summary>Key join and filters.</summary>
/// <param name="Key">Key column, or absent.</param>
/// <param name="Mode"><c>strict</c> or <c>inner</c>.</param>
/// <param name="Filters">The <c>--where</c> filters as COLUMN=VALUE.</param>
/// <param name="RowsKept">Aligned rows.</param>
/// <param name="RowsDroppedByJoin">Rows dropped by an inner join.</param>
/// <param name="RowsDroppedByFilter">Rows dropped by filters.</param>
public sealed record JoinReport(string? Key, string Mode, IReadOnlyList<string> Filters, int RowsKept, int RowsDroppedByJoin, int RowsDroppedByFilter);

/// <summary>How the run was invoked: enough to tell two reports' runs apart and to run it again.</summary>
/// <param name="CommandLine">The arguments after <c>dotnet cch</c> (e.g. <c>check</c>, <c>--data</c>, …), as typed; empty when Cch ran as a library.</param>
/// <param name="StartedUtc">When the run started, UTC, ISO 8601 (e.g. <c>2026-12-03T06:30:00.0000000Z</c>).</param>
/// <param name="ConfigSha256">SHA-256 of the config file the run read (lower-case hex), or absent without one.</param>
public sealed record InvocationReport(IReadOnlyList<string> CommandLine, string StartedUtc, string? ConfigSha256);

/// <summary>How many rows were available and how the rows used were drawn (<c>--max-rows</c>).</summary>
/// <param name="TotalRows">Rows that passed the filters and the join.</param>
/// <param name="RowsUsed">Rows the estimates and intervals use (N); the intervals reflect these rows.</param>
/// <param name="MaxRows">The cap, or <c>null</c> with <c>--max-rows all</c>.</param>
/// <param name="Seed">Seed of the draw.</param>
/// <param name="Method">How the rows were drawn.</param>
public sealed record SampleReport(int TotalRows, int RowsUsed, int? MaxRows, int Seed, string Method)
{
    /// <summary>The report's view of <paramref name="sample"/>; <c>null</c> for generated data.</summary>
    public static SampleReport? From(Data.RowSample? sample) =>
        sample is null ? null : new(sample.TotalRows, sample.Rows, sample.MaxRows, sample.Seed, sample.Method);
}

/// <summary>A representation's name and width.</summary>
/// <param name="Name">Column spec.</param>
/// <param name="Dimensions">d.</param>
public sealed record RepresentationReport(string Name, int Dimensions);

/// <summary>The label.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Kind"><c>classification</c> or <c>regression</c>.</param>
/// <param name="Classes">Class names (classification); absent for regression.</param>
public sealed record LabelReport(string Name, string Kind, IReadOnlyList<string>? Classes);

/// <summary>A generated example.</summary>
/// <param name="Name">Example name.</param>
/// <param name="Description">What was generated.</param>
public sealed record ExampleReport(string Name, string Description);

/// <summary>Wall-clock seconds per phase.</summary>
/// <param name="ReadSeconds">Reading and joining the input.</param>
/// <param name="EstimateSeconds">Full-sample estimates.</param>
/// <param name="IntervalSeconds">Half-sample replicates.</param>
/// <param name="TotalSeconds">Everything.</param>
public sealed record TimingsReport(double ReadSeconds, double EstimateSeconds, double IntervalSeconds, double TotalSeconds);

using Cch.Criterion;

namespace Cch.Reports;

/// <summary>
/// The JSON document of <c>dotnet cch mi --format json</c> (schema <c>schemas/cch-mi.schema.json</c>,
/// camelCase): one mutual information I(X;Y) in nats with its confidence interval, what computed it,
/// and what was read. Apart from the wall-clock times (<see cref="Timings"/>), the
/// same seed and input give the same document.
/// </summary>
public sealed record MutualInformationReport
{
    /// <summary>The current schema version.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Schema version; bumped on any breaking change.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Version of the Cch tool that wrote the document.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The estimate of I(X;Y) on all N rows, in nats (6 decimals).</summary>
    public required double Estimate { get; init; }

    /// <summary>Lower end of the confidence interval, in nats.</summary>
    public required double CiLow { get; init; }

    /// <summary>Upper end of the confidence interval, in nats.</summary>
    public required double CiHigh { get; init; }

    /// <summary>Confidence level of the interval, in (0, 1).</summary>
    public required double Level { get; init; }

    /// <summary>The standard error behind the interval, in nats.</summary>
    public required double StandardError { get; init; }

    /// <summary>The estimator that computed the value, e.g. <c>ksg</c>, <c>mixed</c>, <c>copula</c>.</summary>
    public required string Estimator { get; init; }

    /// <summary>The requested family (<c>--estimator</c>; <c>auto</c> by default).</summary>
    public required EstimatorFamily Family { get; init; }

    /// <summary>Why <c>auto</c> chose <see cref="Estimator"/>; absent when a family was given.</summary>
    public string? AutoReason { get; init; }

    /// <summary>How the interval was computed: <c>half-sampling</c>, <c>influence</c> or <c>cross-fit</c>.</summary>
    public required string Interval { get; init; }

    /// <summary>B, the half-samples asked for (used only when <see cref="Interval"/> is <c>half-sampling</c>).</summary>
    public required int Replicates { get; init; }

    /// <summary>⌊N/2⌋ rows per half-sample, or 0 when the interval is the estimator's own.</summary>
    public required int SubsampleRows { get; init; }

    /// <summary>k nearest neighbours (used by the k-NN estimators).</summary>
    public required int K { get; init; }

    /// <summary>For KSG: ψ(N) − ψ(k), the largest value it can return; absent otherwise.</summary>
    public double? Ceiling { get; init; }

    /// <summary>For KSG: whether the estimate is close to <see cref="Ceiling"/> (likely saturated); absent otherwise.</summary>
    public bool? NearCeiling { get; init; }

    /// <summary>N, the aligned rows used.</summary>
    public required int N { get; init; }

    /// <summary>Seed of every random choice.</summary>
    public required int Seed { get; init; }

    /// <summary>Where libtorch trained (<c>--device</c>): <c>cpu</c> or <c>cuda</c>; CUDA results are not bit-identical to the CPU's.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>What Y is: <c>representation</c> (<c>--y</c>), or a label read as <c>classification</c> or <c>regression</c>.</summary>
    public required string Task { get; init; }

    /// <summary>X: its name and dimension d_x.</summary>
    public required RepresentationReport X { get; init; }

    /// <summary>Y: its name and dimension d_y (1 for a label).</summary>
    public required RepresentationReport Y { get; init; }

    /// <summary>The label's kind and classes when Y is a label (<c>--label</c>); absent with <c>--y</c>.</summary>
    public LabelReport? Label { get; init; }

    /// <summary>What a trained estimator fitted; absent for closed forms and k-NN estimators.</summary>
    public TrainingReport? Training { get; init; }

    /// <summary>The files read, with row counts and SHA-256.</summary>
    public required IReadOnlyList<InputReport> Inputs { get; init; }

    /// <summary>Key join and filters.</summary>
    public required JoinReport Join { get; init; }

    /// <summary>Rows available and rows used (<c>--max-rows</c>).</summary>
    public SampleReport? Sample { get; init; }

    /// <summary>Warnings (also printed on standard error).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Wall-clock seconds: reading, the full estimate, the interval, everything.</summary>
    public required TimingsReport Timings { get; init; }
}

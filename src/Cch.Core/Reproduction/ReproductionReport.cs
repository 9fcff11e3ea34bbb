namespace Cch.Reproduction;

/// <summary>
/// One <c>dotnet cch reproduce</c> run: an experiment of the CCH paper (Xie, Xu &amp; Sanguinetti 2025,
/// arXiv:2510.13182) in which the teacher is degraded step by step, with the criterion and the measured
/// effect of distillation at every step. Serialised as the reproduce JSON report.
/// </summary>
public sealed record ReproductionReport
{
    /// <summary>Report format version.</summary>
    public string SchemaVersion { get; init; } = "1";

    /// <summary>Cch version that produced the report.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The experiment as named on the command line: <c>gaussian</c>, <c>mnist</c>, <c>mnist-student-blur</c> or <c>noise</c>.</summary>
    public required string Experiment { get; init; }

    /// <summary>One-line title, e.g. "Joint-Gaussian model: coupling sweep".</summary>
    public required string Title { get; init; }

    /// <summary>What was run: data, models, sizes, the sweep, and how it differs from the paper.</summary>
    public required string Description { get; init; }

    /// <summary>The swept parameter with its unit, e.g. "teacher blur σ (pixels)".</summary>
    public required string Parameter { get; init; }

    /// <summary>
    /// What <see cref="ReproductionPoint.KdEffect"/> measures, signed so that positive means distillation
    /// helped, e.g. "test accuracy, KD − no KD" or "test MSE, no KD − KD".
    /// </summary>
    public required string EffectMetric { get; init; }

    /// <summary>Master seed of the run.</summary>
    public required int Seed { get; init; }

    /// <summary>Whether the reduced <c>--quick</c> setting was used.</summary>
    public bool Quick { get; init; }

    /// <summary>The sweeps (one per dataset or teacher/student pair).</summary>
    public required IReadOnlyList<ReproductionSeries> Series { get; init; }

    /// <summary>Plain statements of what the paper claims for this experiment, for the side-by-side comparison.</summary>
    public IReadOnlyList<string> PaperClaims { get; init; } = [];

    /// <summary>Caveats (e.g. a substitute dataset) and observations worth a reader's attention.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Wall-clock time of the run, in seconds.</summary>
    public double ElapsedSeconds { get; init; }
}

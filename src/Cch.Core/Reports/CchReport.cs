using Cch.Criterion;

namespace Cch.Reports;

/// <summary>
/// The JSON report of <c>dotnet cch check</c> (schema <c>schemas/cch-report.schema.json</c>,
/// camelCase). Every mutual information is in nats. Apart from <see cref="Timings"/>, the same
/// seed and input give the same report.
/// </summary>
public sealed record CchReport
{
    /// <summary>The current report schema version.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>Report schema version; bumped on any breaking change.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Version of the Cch tool that wrote the report.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The overall verdict: that of the best-ranked teacher.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The process exit code the verdict maps to under <see cref="FailOn"/>.</summary>
    public required int ExitCode { get; init; }

    /// <summary>Which verdicts fail the gate.</summary>
    public required FailOn FailOn { get; init; }

    /// <summary>What the exit code gates on: the criterion, the verified outcome, or both.</summary>
    public Gate Gate { get; init; } = Gate.Criterion;

    /// <summary>Name of the best-ranked teacher.</summary>
    public required string BestTeacher { get; init; }

    /// <summary>Estimators and k.</summary>
    public required EstimatorReport Estimator { get; init; }

    /// <summary>How the confidence intervals were computed.</summary>
    public required IntervalReport Interval { get; init; }

    /// <summary>Decision margin in nats.</summary>
    public required double Margin { get; init; }

    /// <summary>N, the aligned rows used.</summary>
    public required int N { get; init; }

    /// <summary>Seed of every random choice.</summary>
    public required int Seed { get; init; }

    /// <summary>Where libtorch trained (<c>--device</c>): <c>cpu</c> or <c>cuda</c>; CUDA results are not bit-identical to the CPU's.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary><c>classification</c> or <c>regression</c>.</summary>
    public required string Task { get; init; }

    /// <summary>The command line, start time (UTC) and config hash of the run; like <see cref="Timings"/>, it differs between two runs that give the same results.</summary>
    public InvocationReport? Invocation { get; init; }

    /// <summary>The config file the run used, or absent.</summary>
    public string? Config { get; init; }

    /// <summary>The files read (empty for a generated example).</summary>
    public required IReadOnlyList<InputReport> Inputs { get; init; }

    /// <summary>The ONNX encoders that turned raw columns into the representations (absent without encoders).</summary>
    public IReadOnlyList<EncoderReport>? Encoders { get; init; }

    /// <summary>Key join and filter counts.</summary>
    public required JoinReport Join { get; init; }

    /// <summary>Rows available and rows used (<c>--max-rows</c>); absent for a generated example.</summary>
    public SampleReport? Sample { get; init; }

    /// <summary>The student representation.</summary>
    public required RepresentationReport Student { get; init; }

    /// <summary>The label.</summary>
    public required LabelReport Label { get; init; }

    /// <summary>Every teacher, ranked by Δ (best first).</summary>
    public required IReadOnlyList<TeacherReport> Teachers { get; init; }

    /// <summary>The generated example, when <c>--example</c> was used; otherwise absent.</summary>
    public ExampleReport? Example { get; init; }

    /// <summary>Things the user should know (e.g. an estimate near the KSG ceiling).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Wall-clock times in seconds.</summary>
    public required TimingsReport Timings { get; init; }
}

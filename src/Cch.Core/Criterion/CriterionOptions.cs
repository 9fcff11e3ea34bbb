namespace Cch.Criterion;

/// <summary>How the criterion estimates mutual information and its uncertainty.</summary>
public sealed record CriterionOptions
{
    /// <summary>Estimator family for I(H_t;H_s) (and for I(H_s;Y) unless <see cref="LabelEstimator"/> is set).</summary>
    public EstimatorFamily Estimator { get; init; } = EstimatorFamily.Auto;

    /// <summary>Estimator family for I(H_s;Y); <c>null</c> means the same as <see cref="Estimator"/>.</summary>
    public EstimatorFamily? LabelEstimator { get; init; }

    /// <summary>Number of nearest neighbours k for the k-NN estimators (k ≥ 1; default 3, as in Kraskov et al. 2004).</summary>
    public int K { get; init; } = 3;

    /// <summary>Seed for every random choice: tie-breaking jitter and the half-samples.</summary>
    public int Seed { get; init; }

    /// <summary>Decision margin m in nats: pass when the whole interval of Δ lies above m, fail when below.</summary>
    public double Margin { get; init; }

    /// <summary>Confidence level of the intervals, in (0, 1); default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Number of half-samples B used for the intervals (B ≥ 2; default 20).</summary>
    public int Replicates { get; init; } = 20;

    /// <summary>
    /// Run every term's estimator once more on a matched Gaussian surrogate with a known mutual
    /// information and report the recovery (<see cref="SurrogateCheck"/>; default on). Costs about one
    /// more full estimate per term.
    /// </summary>
    public bool SelfCheck { get; init; } = true;

    /// <summary>
    /// Where the trained estimators (infonce, smile, mine, latent) run (<c>--device</c>): CPU (default) or
    /// CUDA. The other estimators always run on the CPU.
    /// </summary>
    public Cch.Neural.ComputeDevice Device { get; init; } = Cch.Neural.ComputeDevice.Cpu;
}

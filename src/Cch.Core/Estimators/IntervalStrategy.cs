namespace Cch.Estimators;

/// <summary>How the criterion puts a confidence interval on an estimator's values.</summary>
public enum IntervalStrategy
{
    /// <summary>Re-run the estimator on B half-samples of ⌊N/2⌋ rows (cheap estimators: k-NN).</summary>
    HalfSampling,

    /// <summary>Use the <see cref="EstimatorInterval"/> the estimator returns with each estimate (trained and closed-form estimators).</summary>
    Own,
}

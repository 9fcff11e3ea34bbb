using System.Globalization;
using Cch.Estimators;

namespace Cch.Criterion;

/// <summary>
/// The rule behind <c>--estimator auto</c> (the default): which estimator computes a term, from its
/// dimensions and the label kind. Chosen on the accuracy benchmark (docs/accuracy.md); the table is in
/// docs/estimators.md.
/// <list type="table">
/// <listheader><term>term</term><description>estimator</description></listheader>
/// <item><term>continuous X, Y with d_x + d_y ≤ <see cref="LowDimensions"/></term><description>max(ksg-ranks, copula, cca-ksg)</description></item>
/// <item><term>continuous X, Y with d_x + d_y &gt; <see cref="LowDimensions"/></term><description>copula (on leading principal components when d_x + d_y &gt; N/4)</description></item>
/// <item><term>class label, d ≤ <see cref="LowDimensions"/></term><description>max(mixed-ranks, probe, cca-ksg)</description></item>
/// <item><term>class label, d &gt; <see cref="LowDimensions"/></term><description>probe</description></item>
/// <item><term>real label</term><description>as continuous X, Y with d_y = 1</description></item>
/// </list>
/// </summary>
/// <remarks>
/// Up to <see cref="LowDimensions"/> total dimensions the k-NN estimators (on rank-normalised columns)
/// see dependence that a Gaussian copula cannot express — heavy tails, non-monotone relations — and
/// their bias is still moderate; above it they collapse (measured: 0.13 nats for a truth of 1.02 at
/// 25 + 25 dimensions) while the copula estimator stays unbiased on Gaussian-copula data at any
/// dimension. Each component falls short of the truth in its own way, so at low dimension the largest
/// of them is taken (<see cref="MaximumEstimator"/>; its half-sampling interval recomputes the
/// maximum on every half-sample).
/// </remarks>
public static class AutoEstimatorRule
{
    /// <summary>The largest total dimension at which the k-NN and projection components take part (20).</summary>
    public const int LowDimensions = 20;

    /// <summary>
    /// The copula estimator works on at most N/4 dimensions (<see cref="CopulaEstimator.MaxDimensionRatio"/>):
    /// beyond, each side is reduced to leading principal components, so its standard error
    /// √(d_x·d_y/2)/N stays below about 0.09 nats and it never falls back to shrinkage (measured on
    /// breast_tcga, 384 dimensions for 150 rows: 44 nats with the shrinkage fallback, docs/validation.md).
    /// </summary>
    public const double CopulaDimensionRatio = 0.25;

    /// <summary>The estimator of I(X;Y) between continuous X (d_x columns) and Y (d_y columns) from N rows.</summary>
    public static AutoChoice<IMutualInformationEstimator> Continuous(int dx, int dy, int rows, CriterionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (dx + dy <= LowDimensions)
            return new(new MaximumEstimator([new KsgEstimator(options.K, options.Seed, ranks: true), new CopulaEstimator(CopulaDimensionRatio), new CcaKsgEstimator(options.K, options.Seed)]),
                Text($"{dx} + {dy} ≤ {LowDimensions} dimensions: the largest of k-NN on ranks, Gaussian copula and CCA + k-NN"));
        return rows * CopulaDimensionRatio >= dx + dy
            ? new(new CopulaEstimator(CopulaDimensionRatio), Text($"{dx} + {dy} > {LowDimensions} dimensions: Gaussian copula"))
            : new(new CopulaEstimator(CopulaDimensionRatio), Text($"{dx} + {dy} > {LowDimensions} dimensions and more than N/4 = {rows / 4}: Gaussian copula on leading principal components"));
    }

    /// <summary>The estimator of I(X;Y) between continuous X (d columns) and a class label from N rows.</summary>
    public static AutoChoice<ILabelMutualInformationEstimator> Classification(int d, int rows, int classes, CriterionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (d <= LowDimensions)
            return new(new MaximumEstimator([new MixedEstimator(options.K, options.Seed, ranks: true), new ProbeEstimator(seed: options.Seed), new CcaKsgEstimator(options.K, options.Seed)]),
                Text($"{d} ≤ {LowDimensions} dimensions: the largest of mixed k-NN on ranks, a cross-fitted linear probe and discriminant projection + k-NN"));
        return new(new ProbeEstimator(seed: options.Seed), Text($"{d} > {LowDimensions} dimensions: cross-fitted linear probe (a held-out lower bound)"));
    }

    /// <summary>The estimator of I(X;Y) between continuous X (d columns) and a real-valued label from N rows.</summary>
    public static AutoChoice<IMutualInformationEstimator> Regression(int d, int rows, CriterionOptions options) => Continuous(d, 1, rows, options);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="AutoEstimatorRule"/> chose for one term, and why.</summary>
/// <param name="Estimator">The estimator (possibly a <see cref="MaximumEstimator"/> of several).</param>
/// <param name="Reason">One line for the report, e.g. "100 + 100 &gt; 20 dimensions: Gaussian copula".</param>
/// <typeparam name="T">The estimator contract of the term.</typeparam>
public sealed record AutoChoice<T>(T Estimator, string Reason);

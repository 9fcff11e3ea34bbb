using System.Globalization;

namespace Cch.Criterion;

/// <summary>
/// The rule behind <c>--estimator auto</c>: which estimator family computes a term, from its
/// dimensions, N and the label kind. The thresholds come from the accuracy benchmark
/// (docs/accuracy.md); the table is in docs/estimators.md.
/// </summary>
public static class AutoEstimatorRule
{
    /// <summary>
    /// Largest total dimension d_x + d_y for which KSG is used between two continuous
    /// representations: up to here its bias is small and it sees dependence a Gaussian copula cannot
    /// (heavy tails, non-monotone relations); above it, the copula estimator.
    /// </summary>
    public const int KsgMaxDimensions = 4;

    /// <summary>Largest student dimension for which Ross's mixed k-NN estimator is used with a class label.</summary>
    public const int MixedMaxDimensions = 2;

    /// <summary>The family for I(X;Y) between continuous X (d_x columns) and Y (d_y columns) from N rows.</summary>
    public static AutoChoice Continuous(int dx, int dy, int rows) =>
        dx + dy <= KsgMaxDimensions
            ? new AutoChoice(EstimatorFamily.Ksg, Text($"{dx} + {dy} ≤ {KsgMaxDimensions} dimensions: KSG"))
            : new AutoChoice(EstimatorFamily.Copula, Text($"{dx} + {dy} > {KsgMaxDimensions} dimensions: Gaussian copula"));

    /// <summary>The family for I(X;Y) between continuous X (d columns) and a class label from N rows.</summary>
    public static AutoChoice Classification(int d, int rows, int classes) =>
        d <= MixedMaxDimensions
            ? new AutoChoice(EstimatorFamily.Mixed, Text($"{d} ≤ {MixedMaxDimensions} dimensions: mixed k-NN"))
            : new AutoChoice(EstimatorFamily.Copula, Text($"{d} > {MixedMaxDimensions} dimensions: copula class-conditional Gaussian"));

    /// <summary>The family for I(X;Y) between continuous X (d columns) and a real-valued label from N rows.</summary>
    public static AutoChoice Regression(int d, int rows) => Continuous(d, 1, rows);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="AutoEstimatorRule"/> chose for one term, and why.</summary>
/// <param name="Family">A concrete family (never <see cref="EstimatorFamily.Auto"/>).</param>
/// <param name="Reason">One line for the report, e.g. "100 + 100 &gt; 4 dimensions: Gaussian copula".</param>
public sealed record AutoChoice(EstimatorFamily Family, string Reason);

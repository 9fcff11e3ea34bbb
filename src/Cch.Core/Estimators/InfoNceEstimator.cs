using System.Globalization;
using Cch.Estimators.Neural;

namespace Cch.Estimators;

/// <summary>
/// InfoNCE lower bound on I(X;Y) in nats (van den Oord, Li &amp; Vinyals 2018, "Representation learning
/// with contrastive predictive coding", eq. 4; Poole et al. 2019, "On variational bounds of mutual
/// information", ICML, eq. 12):
/// <code>I(X;Y) ≥ E[ f(x_i, y_i) − ln( (1/K) Σ_{j=1..K} e^{f(x_i, y_j)} ) ]</code>
/// over batches of K joint pairs, with a trained critic f. X continuous (N×d_x); Y continuous (N×d_y)
/// or a class label (one-hot encoded).
/// </summary>
/// <remarks>
/// <para><b>Critic.</b> Separable, f(x, y) = g(x)ᵀh(y), g and h ReLU MLPs
/// (<see cref="NeuralEstimatorOptions.HiddenLayers"/> × <see cref="NeuralEstimatorOptions.HiddenUnits"/> →
/// <see cref="NeuralEstimatorOptions.EmbeddingSize"/>), chosen for speed: a batch's B² scores cost two network
/// passes and one matrix product, so all B − 1 other rows of a batch serve as negatives. Trained with
/// AdamW (no weight decay) on the InfoNCE cross-entropy, with early stopping on the bound over the
/// validation rows.</para>
/// <para><b>Protocol.</b> Columns standardised (constant ones dropped; a side that is all constant, or a
/// single class, gives exactly 0 without training). Rows are dealt into <see cref="NeuralEstimatorOptions.Folds"/>
/// folds by a seeded permutation (stratified by class); each fold's rows are evaluated only by a critic
/// trained and early-stopped on the other folds, so every row is evaluated once, never by a model that
/// saw it. Held-out rows are scored in seeded batches of near-equal size K ≤
/// <see cref="NeuralEstimatorOptions.EvaluationBatchSize"/>; the estimate is the mean of the per-row terms.</para>
/// <para><b>Ceiling.</b> Each row's term is at most ln K, so the estimate never exceeds ln K (7.6 nats at
/// K = 2,000) however large the true MI: with an ideal critic the expected bound is about
/// I − ln(e^I/K + 1 − 1/K) (pairs whose other density ratios average 1), so the deficit for an estimate Î
/// is about ln((K − 1)/(K − e^Î)). <see cref="IsNearCeiling"/> flags Î ≥ ln K − 1, where that deficit
/// reaches ln(e/(e − 1)) ≈ 0.46 nats; a note then says the true MI may be higher.</para>
/// <para><b>Interval</b> (<see cref="IntervalStrategy.Own"/>, method <c>held-out+folds</c>): the per-row
/// held-out terms, centred and in input row order, are the <see cref="EstimatorInterval.RowInfluence"/>; the
/// excess of the fold spread over their variance is the <see cref="EstimatorInterval.ExtraVariance"/>
/// (training randomness), so SE² = max(Var(ψ)/N, s²_folds/F).</para>
/// <para>A lower bound up to evaluation noise: it can fall below 0 for independent data (a critic that
/// fits noise scores worse on held-out rows). Deterministic for the same seed, input and
/// <see cref="NeuralEstimatorOptions.Threads"/>. Needs libtorch: throws <see cref="Cch.Neural.TorchUnavailableException"/>
/// where it cannot load. Only one trained estimate (or verification) runs at a time per process.</para>
/// </remarks>
public sealed class InfoNceEstimator : CriticEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="options">Settings (defaults when <c>null</c>).</param>
    /// <exception cref="ArgumentException">A setting is out of range (the message names it).</exception>
    public InfoNceEstimator(NeuralEstimatorOptions? options = null)
        : base(options)
    {
    }


    /// <inheritdoc />
    public override string Name => "infonce";



    /// <summary>The ceiling ln K of an InfoNCE estimate from batches of K rows, in nats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> &lt; 1.</exception>
    public static double Ceiling(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return Math.Log(k);
    }

    /// <summary>Whether <paramref name="estimate"/> is within 1 nat of <paramref name="ceiling"/> (= ln K): then the true MI may be clearly higher (see remarks).</summary>
    public static bool IsNearCeiling(double estimate, double ceiling) => estimate >= ceiling - 1;

    private protected override CriticObjective CreateObjective() => new InfoNceObjective(Options.EvaluationBatchSize);

    private protected override (string Model, IEnumerable<string>? Notes) Describe(IReadOnlyList<FoldResult> folds, int rows, string model)
    {
        var value = folds.Sum(f => (double)f.HeldOutRows.Length / rows * f.Bound.Value);
        // The exact ceiling of this estimate: the row-average of ln K_b over every held-out row.
        var ceiling = folds.Sum(f => f.Bound.LogK!.Sum()) / rows;
        var k = (int)Math.Round(Math.Exp(ceiling));
        var notes = new List<string>();
        if (IsNearCeiling(value, ceiling))
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The InfoNCE estimate {value:F3} is within 1 nat of its ceiling ln K = {ceiling:F3} (K ≈ {k} held-out rows per evaluation batch): the true MI may be higher; use more rows, a larger EvaluationBatchSize, or another estimator."));
        return (string.Create(CultureInfo.InvariantCulture, $"{model}; evaluated in held-out batches of K ≈ {k} (ceiling ln K = {ceiling:F3} nats)"), notes);
    }
}

using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// One variational bound: the loss its critic is trained on (per mini-batch of B joint pairs, all
/// B(B − 1) mismatched pairs as negatives) and the bound evaluated on held-out rows. A new instance per
/// fold (MINE keeps a moving average between steps).
/// </summary>
internal abstract class CriticObjective
{
    /// <summary>What the critic is trained on, for <see cref="TrainingSummary.Model"/>.</summary>
    public abstract string TrainedOn { get; }

    /// <summary>The training loss (to minimise) of a B×B float32 score matrix whose diagonal holds the joint pairs.</summary>
    public abstract Tensor Loss(Tensor scores);

    /// <summary>The bound on n rows from their float64 embeddings g(x_i), h(y_i) (n×E each).</summary>
    /// <param name="g">g(x), n×E, float64.</param>
    /// <param name="h">h(y), n×E, float64.</param>
    /// <param name="seed">Seed of any random batching of the rows.</param>
    /// <param name="withLoss">Whether <see cref="HeldOutBound.Loss"/> is needed (held-out rows), or only the value (validation; the loss is then NaN where it costs extra).</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    public abstract HeldOutBound Evaluate(Tensor g, Tensor h, int seed, bool withLoss, CancellationToken cancellationToken);

    /// <summary>A loss of 0 with a gradient (for a last batch of one row, which has no negative pair).</summary>
    protected static Tensor Zero(Tensor scores) => Cch.Neural.ExplicitScalars.Scale(scores.sum(), 0);
}

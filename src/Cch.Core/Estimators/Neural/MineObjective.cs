using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// MINE (Belghazi et al. 2018, "Mutual information neural estimation", ICML): the Donsker–Varadhan bound
/// I ≥ E_P[T] − ln E_Q[e^T] (eq. 7 / Theorem 1), trained with the moving-average gradient correction of
/// §3.2: the mini-batch gradient E_B[∇T] − E_B̄[e^T ∇T] / E_B̄[e^T] is biased because of the batch
/// denominator, so the denominator is replaced by an exponential moving average
/// m ← (1 − α)·m + α·E_B̄[e^T] (updated first, then used, as in Song &amp; Ermon's reference <c>mine_lower_bound</c>),
/// with rate α (default 0.01). Implemented as the surrogate loss −(E_B[T] − E_B̄[e^T]/m) with m held
/// constant, in log space (m is tracked as ln m). E_B̄ runs over all B(B − 1) mismatched pairs of the
/// batch; the held-out E_Q over all mismatched pairs of the held-out rows.
/// </summary>
internal sealed class MineObjective(double rate) : CriticObjective
{
    private double logAverage = double.NaN;

    /// <inheritdoc />
    public override string TrainedOn => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the Donsker–Varadhan bound with a moving-average denominator (rate {rate})");

    /// <inheritdoc />
    public override Tensor Loss(Tensor scores)
    {
        var b = (int)scores.shape[0];
        if (b < 2) return Zero(scores);
        var mask = new float[b * b];
        for (var i = 0; i < b; i++) mask[i * b + i] = float.NegativeInfinity;
        var logMeanQ = ExplicitScalars.Shift(ExplicitScalars.Sum(scores, TorchSession.OnDevice(tensor(mask, [b, b]))).reshape(-1).logsumexp(0L), -Math.Log((double)b * (b - 1)));
        var batch = (double)logMeanQ.item<float>();
        logAverage = double.IsNaN(logAverage) ? batch : LogAddExp(Math.Log(1 - rate) + logAverage, Math.Log(rate) + batch);
        var ratio = ExplicitScalars.Shift(logMeanQ, -logAverage).exp(); // E_B̄[e^T] / m, gradient through the numerator only
        return ExplicitScalars.Difference(ratio, scores.diagonal().mean());
    }

    /// <inheritdoc />
    public override HeldOutBound Evaluate(Tensor g, Tensor h, int seed, bool withLoss, CancellationToken cancellationToken)
    {
        var (value, influence) = PairSums.Compute(g, h, clip: null, softplus: false, cancellationToken).DonskerVaradhan();
        return new HeldOutBound(value, influence, -value);
    }

    private static double LogAddExp(double a, double b)
    {
        var m = Math.Max(a, b);
        return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
    }
}

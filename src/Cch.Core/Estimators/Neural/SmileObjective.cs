using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// SMILE (Song &amp; Ermon 2020, "Understanding the limitations of variational mutual information
/// estimators", ICLR, eq. 17): E_P[T] − ln E_Q[clip(e^T, e^−τ, e^τ)]. As in the authors' reference
/// implementation (github.com/ermongroup/smile-mi-estimator, <c>estimators.py</c>: <c>smile_lower_bound</c>
/// returns <c>js + (dv − js).detach()</c>), the critic is trained on the Jensen–Shannon f-GAN bound
/// (Nowozin, Cseke &amp; Tomioka 2016, "f-GAN"; the objective of Deep InfoMax, Hjelm et al. 2019):
/// E_P[−softplus(−T)] − E_Q[softplus(T)],
/// whose optimum is T* = ln p(x,y)/(p(x)p(y)), and the clipped Donsker–Varadhan form is only evaluated.
/// E_Q runs over all mismatched pairs (i ≠ j) of the batch, and of the held-out rows.
/// </summary>
internal sealed class SmileObjective(double clip) : CriticObjective
{
    /// <inheritdoc />
    public override string TrainedOn => "the Jensen–Shannon (f-GAN) bound, evaluated with SMILE";

    /// <inheritdoc />
    public override Tensor Loss(Tensor scores)
    {
        var b = scores.shape[0];
        if (b < 2) return Zero(scores);
        var positive = scores.diagonal();
        var joint = ExplicitScalars.Softplus(positive.neg()).mean();
        var all = ExplicitScalars.Softplus(scores);
        var mismatched = ExplicitScalars.Scale(ExplicitScalars.Difference(all.sum(), all.diagonal().sum()), 1.0 / (b * (b - 1)));
        return ExplicitScalars.Sum(joint, mismatched); // −(JS bound)
    }

    /// <inheritdoc />
    public override HeldOutBound Evaluate(Tensor g, Tensor h, int seed, bool withLoss, CancellationToken cancellationToken)
    {
        var sums = PairSums.Compute(g, h, clip, softplus: withLoss, cancellationToken);
        var (value, influence) = sums.DonskerVaradhan();
        if (!withLoss) return new HeldOutBound(value, influence, double.NaN);
        var n = sums.Positive.Length;
        var joint = 0.0;
        foreach (var p in sums.Positive) joint += Softplus(-p);
        var js = -joint / n - sums.SoftplusOffDiagonal / ((double)n * (n - 1));
        return new HeldOutBound(value, influence, -js);
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}

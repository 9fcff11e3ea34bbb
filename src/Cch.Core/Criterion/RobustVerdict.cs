using Cch.Estimators;

namespace Cch.Criterion;

/// <summary>
/// The verdict that survives the estimators' known weaknesses: pass or fail only when Δ's bias-aware
/// interval excludes the margin, no term's estimator is unreliable at these dimensions, and every
/// estimator that passed the self-check puts Δ on the same side of the margin; otherwise
/// <see cref="Verdict.Inconclusive"/> with a <see cref="VerdictReason"/>.
/// </summary>
/// <remarks>
/// <para><b>Which estimators count.</b> A combined estimate (<c>--estimator auto</c> at ≤ 20 dimensions:
/// the largest of k-NN on ranks, the Gaussian copula or a linear probe, and CCA + k-NN) has several
/// estimators of each term; each was also run on the matched surrogate (<see cref="SurrogateCheck"/>), and
/// those whose recovery lies in [<see cref="SurrogateCheck.Low"/>, <see cref="SurrogateCheck.High"/>], or misses it by
/// no more than sampling error (<see cref="SurrogateRecovery.ComponentPasses"/>) — valid at these dimensions and this N, as far as a known Gaussian dependence of this size can tell —
/// form the panel. Δ̂ is computed for every pair (teacher–student estimator, student–label estimator) of
/// panel members. Without the self-check every component counts. A single estimator (above 20
/// dimensions, or a family given with <c>--estimator</c>) is a panel of one, and the rule reduces to
/// the interval.</para>
/// <para><b>Order of the reasons.</b> An unreliable term (recovery outside
/// [<see cref="SurrogateCheck.UnreliableLow"/>, <see cref="SurrogateCheck.UnreliableHigh"/>]) blocks the
/// verdict first; then a bias-aware interval that contains the margin — <c>interval-contains-margin</c>
/// when even the sampling-only interval does, <c>estimator-unreliable-here</c> when the measured bias is
/// what brings the margin in; then a panel member on the other side (<c>estimators-disagree</c>).</para>
/// </remarks>
public static class RobustVerdict
{
    /// <summary>The estimators of one term that passed the self-check, with their values on all rows.</summary>
    /// <param name="term">The term's result (components, self-check).</param>
    /// <returns>The components (or the estimator itself when it is not combined) whose recovery is in band or unmeasured.</returns>
    public static IReadOnlyList<ComponentEstimate> Panel(MutualInformationResult term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var combined = term.Components.Count > 0;
        var parts = combined ? term.Components : [new ComponentEstimate(term.Estimator, term.Value.Estimate)];
        if (term.Surrogate is not { } s) return parts;
        return parts.Where(p => combined ? s.ComponentPasses(p.Estimator) : !s.OutsideBand).ToList();
    }

    /// <summary>Δ̂ for every pair of panel members of the two terms (<see cref="Panel"/>).</summary>
    /// <param name="teacherStudent">I(H_t;H_s)'s result.</param>
    /// <param name="studentLabel">I(H_s;Y)'s result.</param>
    public static IReadOnlyList<EstimatorDelta> Deltas(MutualInformationResult teacherStudent, MutualInformationResult studentLabel)
    {
        var label = Panel(studentLabel);
        return Panel(teacherStudent).SelectMany(ts => label.Select(sy => new EstimatorDelta(ts.Estimator, sy.Estimator, ts.Value - sy.Value))).ToList();
    }

    /// <summary>The verdict and, when inconclusive, why (see the remarks for the order).</summary>
    /// <param name="sampling">Δ with its sampling-only interval.</param>
    /// <param name="biasAware">Δ with its bias-aware interval (<see cref="BiasAwareInterval"/>); the same as <paramref name="sampling"/> without the self-check.</param>
    /// <param name="unreliable">Whether either term's estimator is unreliable here (<see cref="SurrogateRecovery.Unreliable"/>).</param>
    /// <param name="panel">Δ̂ under every pair of valid estimators (<see cref="Deltas"/>).</param>
    /// <param name="margin">The margin in nats.</param>
    public static (Verdict Verdict, VerdictReason? Reason) Decide(IntervalEstimate sampling, IntervalEstimate biasAware, bool unreliable, IReadOnlyList<EstimatorDelta> panel, double margin)
    {
        ArgumentNullException.ThrowIfNull(sampling);
        ArgumentNullException.ThrowIfNull(biasAware);
        ArgumentNullException.ThrowIfNull(panel);
        if (unreliable) return (Verdict.Inconclusive, VerdictReason.EstimatorUnreliableHere);
        var verdict = GatePolicy.Decide(biasAware, margin);
        if (verdict == Verdict.Inconclusive)
            return (verdict, GatePolicy.Decide(sampling, margin) == Verdict.Inconclusive ? VerdictReason.IntervalContainsMargin : VerdictReason.EstimatorUnreliableHere);
        var holds = verdict == Verdict.Pass
            ? panel.All(d => d.Delta > margin)
            : panel.All(d => d.Delta < margin);
        return holds ? (verdict, null) : (Verdict.Inconclusive, VerdictReason.EstimatorsDisagree);
    }
}

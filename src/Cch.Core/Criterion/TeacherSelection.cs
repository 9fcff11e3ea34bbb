using MathNet.Numerics.Distributions;

namespace Cch.Criterion;

/// <summary>
/// What choosing the best of T teachers does to the error rate, and how sure the choice is.
/// </summary>
/// <remarks>
/// <para><b>Simultaneous intervals.</b> With T teachers the Δ intervals are Bonferroni intervals: each
/// at level 1 − α/T, so that all T hold together with probability ≥ 1 − α (Bonferroni's inequality;
/// e.g. Miller, <i>Simultaneous Statistical Inference</i>, 2nd ed., 1981, §1.2), whatever the
/// dependence between teachers. A pass or fail for the teacher chosen as best — or for any other —
/// then keeps the stated error rate although the choice was made after looking at the estimates.</para>
/// <para><b>Probability of being best.</b> Δ_i − Δ_j = I(H_ti;H_s) − I(H_tj;H_s): the label term is
/// shared and cancels, so the ranking depends only on the teacher–student terms. Each is drawn from
/// N(Î_i, SE_i²), independently, M = 20,000 times with a seeded generator; P(best_i) is the share of
/// draws in which teacher i has the largest value (ties, which have probability 0, go to the first).
/// Treating the teachers' estimation errors as independent ignores that they share the student's
/// rows; it is the usual approximation for a ranking probability from marginal intervals.</para>
/// </remarks>
public static class TeacherSelection
{
    /// <summary>Monte Carlo draws for <see cref="BestProbabilities"/>.</summary>
    public const int Draws = 20_000;

    /// <summary>The per-teacher level 1 − (1 − <paramref name="level"/>)/T of Bonferroni intervals for T teachers.</summary>
    /// <param name="level">The family-wise confidence level in (0, 1).</param>
    /// <param name="teachers">T ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">T &lt; 1.</exception>
    public static double SimultaneousLevel(double level, int teachers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(teachers, 1);
        return 1 - (1 - level) / teachers;
    }

    /// <summary>P(teacher i has the largest I(H_t;H_s)) for every teacher (see the remarks); sums to 1.</summary>
    /// <param name="estimates">Î_i in nats, one per teacher.</param>
    /// <param name="standardErrors">SE_i in nats (≥ 0), same length.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <exception cref="ArgumentException">The lengths differ or are 0.</exception>
    public static double[] BestProbabilities(IReadOnlyList<double> estimates, IReadOnlyList<double> standardErrors, int seed)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(standardErrors);
        if (estimates.Count == 0 || estimates.Count != standardErrors.Count)
            throw new ArgumentException("One estimate and one standard error per teacher are needed.", nameof(standardErrors));
        var t = estimates.Count;
        var wins = new int[t];
        if (t == 1) return [1.0];
        var random = new Random(seed);
        for (var m = 0; m < Draws; m++)
        {
            var best = 0;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < t; i++)
            {
                var v = estimates[i] + standardErrors[i] * Normal.Sample(random, 0, 1);
                if (v > bestValue)
                {
                    bestValue = v;
                    best = i;
                }
            }

            wins[best]++;
        }

        return wins.Select(w => (double)w / Draws).ToArray();
    }
}

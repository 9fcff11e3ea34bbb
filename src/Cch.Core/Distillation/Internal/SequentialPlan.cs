using MathNet.Numerics.Distributions;

namespace Cch.Distillation.Internal;

/// <summary>
/// The looks of a verification: a fixed number of seeds (one look), or <c>--seeds auto</c> (first
/// <paramref name="First"/> seeds, then <paramref name="Step"/> more per round, at most <paramref name="Cap"/>).
/// Each look decides at α/K with K = <see cref="Looks"/> planned looks. By Bonferroni's inequality the
/// chance of a wrong decision at any look is at most K · α/K = α, whatever the dependence between looks
/// (a conservative group-sequential rule; Jennison &amp; Turnbull 2000, Group Sequential Methods, §2.3).
/// </summary>
/// <param name="First">Seeds at the first look (≥ 2).</param>
/// <param name="Step">Seeds added per round (≥ 1).</param>
/// <param name="Cap">Most seeds (≥ <paramref name="First"/>).</param>
/// <param name="Auto">Whether seeds are added until decided.</param>
internal sealed record SequentialPlan(int First, int Step, int Cap, bool Auto)
{
    /// <summary>The plan of <paramref name="o"/>.</summary>
    public static SequentialPlan From(VerificationOptions o) =>
        o.AutoSeeds ? new SequentialPlan(o.Seeds, o.AutoSeedsStep, Math.Max(o.Seeds, o.MaxSeeds), true) : new SequentialPlan(o.Seeds, 1, o.Seeds, false);

    /// <summary>K = ⌈(Cap − First)/Step⌉ + 1 planned looks (1 without <see cref="Auto"/>).</summary>
    public int Looks => Auto ? (Cap - First + Step - 1) / Step + 1 : 1;

    /// <summary>Seeds at look <paramref name="look"/> (0-based): min(First + look·Step, Cap).</summary>
    public int SeedsAt(int look) => Math.Min(First + look * Step, Cap);

    /// <summary>The per-look error rate α/K.</summary>
    public double AlphaPerLook(double alpha) => alpha / Looks;

    /// <summary>Why to stop after a look with <paramref name="seeds"/> seeds and this <paramref name="outcome"/>, or <c>null</c> to add seeds.</summary>
    public SeedStop? Stop(int seeds, KdOutcome outcome) =>
        !Auto ? SeedStop.Fixed
        : outcome is not (KdOutcome.Undetermined or KdOutcome.NoDifference) ? SeedStop.Decided
        : seeds >= Cap ? SeedStop.Cap
        : null;

    /// <summary>
    /// Runs the plan on given per-seed differences (only as many as the looks need are read): at each
    /// look the outcome of the first n differences at α/K. Used by the tests; the verification trains its
    /// seeds as the looks ask for them and applies the same <see cref="Stop"/> and <see cref="PairedComparison.Decide"/>.
    /// </summary>
    public (int Seeds, KdOutcome Outcome, SeedStop Stop) Walk(IReadOnlyList<double> differences, bool higherIsBetter, double minEffect, double alpha)
    {
        for (var look = 0; ; look++)
        {
            var n = SeedsAt(look);
            var d = differences.Take(n).ToArray();
            var difference = new PairedDifference("m", higherIsBetter, d.Average(), 0, 0, d, 0, 0);
            var outcome = PairedComparison.Decide(difference, minEffect, AlphaPerLook(alpha));
            if (Stop(n, outcome) is { } stop) return (n, outcome, stop);
        }
    }

    /// <summary>The 1 − 2α′ (TOST) interval of the differences, d̄ ± t_{1−α′, B−1}·s/√B; both ends the mean for one seed.</summary>
    public static (double Low, double High) EquivalenceInterval(IReadOnlyList<double> d, double alphaPerLook)
    {
        var mean = d.Average();
        if (d.Count < 2) return (mean, mean);
        var ss = d.Sum(x => (x - mean) * (x - mean));
        var half = Cch.Internal.StudentTQuantile.Of(d.Count - 1, 1 - alphaPerLook) * Math.Sqrt(ss / (d.Count - 1) / d.Count);
        return (mean - half, mean + half);
    }
}

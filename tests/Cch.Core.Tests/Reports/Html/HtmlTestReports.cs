using Cch.Checking;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Distillation;
using Cch.Reports;
using Cch.Reproduction;

namespace Cch.Tests.Reports.Html;

/// <summary>Reports to render in the HTML tests: the built-in example's check (with a made-up verification) and a made-up reproduction.</summary>
internal static class HtmlTestReports
{
    /// <summary>A teacher name that needs escaping everywhere it appears.</summary>
    public const string HostileName = "<script>alert('x')</script> & \"co\"";

    private static readonly Lazy<CchReport> Example = new(() =>
        CheckRunner.RunAsync(new CheckSettings { Example = "gaussian", Criterion = new CriterionOptions() }).GetAwaiter().GetResult().Report);

    /// <summary>The Gaussian example's report as <c>check --example gaussian</c> writes it (closed forms, self-check, estimator pairs).</summary>
    public static CchReport Check() => Example.Value;

    /// <summary>The example's report with the first teacher renamed to <see cref="HostileName"/> and both teachers verified over three seeds.</summary>
    public static CchReport Verified()
    {
        var report = Check();
        var teachers = report.Teachers.Select((t, i) => t with
        {
            Name = i == 0 ? HostileName : t.Name,
            Verification = Verification(i == 0 ? [0.011, 0.019, 0.015] : [-0.004, 0.002, -0.001]),
            Agreement = i == 0 ? Agreement.Agree : Agreement.Undecided,
        }).ToList();
        return report with { Teachers = teachers, BestTeacher = HostileName };
    }

    /// <summary>A verification with accuracy differences <paramref name="perSeed"/> over seeds 0, 1, 2.</summary>
    public static VerificationReport Verification(double[] perSeed)
    {
        var noKd = new[] { 0.80, 0.81, 0.79 };
        var seeds = perSeed.Select((d, i) => new SeedOutcome(i, null, Arm(noKd[i]), Arm(noKd[i] + d))).ToList();
        var mean = perSeed.Average();
        var difference = new PairedDifference("accuracy", true, mean, mean - 0.01, mean + 0.01, perSeed, noKd.Average(), noKd.Average() + mean);
        return new VerificationReport(
            mean > 0.005 ? KdOutcome.KdHelps : KdOutcome.Undetermined, "accuracy", 2, 0.5, 800, 200, "mlp",
            new VerificationSettingsReport(128, 0.001, 0.01, 128, 200, 20, 3, [2], [0.5], 0.2, "seeded share 0.2", 1),
            [difference], seeds, [new GridPoint(2, 0.5, 0.4, true)], new VerificationTimingsReport(1, 2, 0.1))
        {
            Decision = new VerificationDecision(0.005, "default-accuracy", 0.05, 1, 0.05, mean - 0.008, mean + 0.008, 3, SeedStop.Fixed),
        };

        static ArmMetrics Arm(double accuracy) => new(accuracy, accuracy, 0.9, 0.5, null, 40, 30);
    }

    /// <summary>
    /// A reproduction with two sweeps: one with closed forms and no measured effect, one measured at every
    /// point but the last, named so that it needs escaping.
    /// </summary>
    public static ReproductionReport Reproduction()
    {
        static ReproductionPoint Point(double x, double delta, double? exact, double? effect) => new()
        {
            Parameter = x,
            ClosedForm = exact is { } e ? new ClosedFormDelta(e + 0.5, 0.5) : null,
            TeacherStudent = new IntervalEstimate(delta + 0.5, delta + 0.4, delta + 0.6),
            StudentLabel = new IntervalEstimate(0.5, 0.45, 0.55),
            Delta = new IntervalEstimate(delta, delta - 0.1, delta + 0.12),
            Verdict = delta > 0.12 ? Verdict.Pass : delta < -0.12 ? Verdict.Fail : Verdict.Inconclusive,
            Reason = delta is <= 0.12 and >= -0.12 ? VerdictReason.IntervalContainsMargin : null,
            KdEffect = effect is { } k ? new IntervalEstimate(k, k - 0.006, k + 0.006) : null,
            Outcome = effect is { } o ? (o > 0.006 ? KdOutcome.KdHelps : o < -0.006 ? KdOutcome.KdHurts : KdOutcome.Undetermined) : null,
            Agreement = effect is null ? null : Agreement.Agree,
            Seeds = effect is null ? null : 5,
        };

        var gaussian = new[] { Point(0, 0.9, 0.95, null), Point(0.5, 0.4, 0.45, null), Point(1, -0.2, -0.15, null), Point(1.5, -0.6, -0.55, null) };
        var mnist = new[] { Point(0, 1.2, null, 0.021), Point(1, 0.6, null, 0.012), Point(2, -0.3, null, -0.008), Point(3, -0.9, null, null) };
        return new ReproductionReport
        {
            ToolVersion = "0.1.0-test",
            Experiment = "gaussian",
            Title = "Joint-Gaussian model: coupling sweep",
            Description = "A made-up sweep for the HTML tests.",
            Parameter = "teacher blur σ (pixels)",
            EffectMetric = "test accuracy, KD − no KD",
            Seed = 3,
            Series =
            [
                new ReproductionSeries { Name = "closed form", Points = gaussian, Boundary = ReproductionBoundary.Of(gaussian) },
                new ReproductionSeries { Name = "mnist <fac> & \"pix\"", Points = mnist, Boundary = ReproductionBoundary.Of(mnist) },
            ],
            PaperClaims = ["KD helps when Δ > 0 & hurts when Δ < 0."],
            Notes = ["A note with <angle brackets>."],
            ElapsedSeconds = 12,
        };
    }
}

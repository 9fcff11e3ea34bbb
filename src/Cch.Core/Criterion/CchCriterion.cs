using System.Diagnostics;
using Cch.Data;
using Cch.Estimators;
using MathNet.Numerics.Distributions;

namespace Cch.Criterion;

/// <summary>
/// The Cross-modal Complementarity Hypothesis criterion (Xie, Xu &amp; Sanguinetti 2025,
/// arXiv:2510.13182): cross-modal distillation from a teacher helps the student when
/// Δ = I(H_t;H_s) − I(H_s;Y) &gt; 0. Estimates both mutual informations for every teacher, puts a
/// confidence interval on each and on Δ, and decides pass / fail / inconclusive.
/// </summary>
/// <remarks>
/// <para>Intervals: the same estimators are run on B half-samples (⌊N/2⌋ rows drawn without
/// replacement, shared by every quantity so Δ's interval is paired). With s the standard deviation
/// of the B half-sample values and z the normal quantile of the level, the interval is
/// θ̂ ± z·s (half-sampling, see <see cref="HalfSampling"/>). With the self-check (the default) each
/// term's estimator is also run on a matched surrogate with a known value (<see cref="SurrogateCheck"/>),
/// and the intervals allow for the bias it measured (<see cref="BiasAwareInterval"/>); the verdict is
/// the robust one (<see cref="RobustVerdict"/>). With T &gt; 1 teachers the Δ intervals are simultaneous
/// (Bonferroni, each at 1 − α/T; <see cref="TeacherSelection"/>), and every teacher gets the
/// probability that Δ lies on the other side of the margin (<see cref="DeltaDistribution"/>) and of
/// being the best.</para>
/// <para>Minimum size: N ≥ <see cref="MinimumRows"/>(k) = max(50, 20·k). Measured under independence
/// (60 datasets per size, 5 + 5 dimensions, margin 0), the share of decided verdicts — which
/// should be about 5 % — was 15–17 % at N = 10–20 and 2–8 % from N = 30 on (docs/criterion.md).
/// Half-samples then hold at least 25 rows and 10·k, so every point has a neighbourhood.</para>
/// <para>Cost: for the O(N²) k-NN estimators one half-sample costs a quarter of a full estimate, so
/// the interval costs B/4 full estimates (5 with the default B = 20): the whole run is 1 + B/4 ≈ 6
/// times one estimate of each quantity.</para>
/// </remarks>
public static class CchCriterion
{
    /// <summary>Evaluates the criterion for every teacher in <paramref name="data"/>.</summary>
    /// <param name="data">Aligned teachers (N×d_t each), student (N×d_s) and label (N).</param>
    /// <param name="options">Estimators, k, seed, margin, confidence level and replicates.</param>
    /// <param name="progress">Receives one report per finished estimate; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Stops between estimates.</param>
    /// <returns>Teachers ranked by Δ, best first.</returns>
    /// <exception cref="CchInputException">Too few rows for the estimators and the half-samples, a bad option, or no teacher.</exception>
    public static CriterionResult Evaluate(Dataset data, CriterionOptions options, IProgress<CriterionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(data, options);
        var selection = EstimatorSelection.Create(options);
        var n = data.Rows;
        var label = selection.Label(data.Student, data.Label);
        var teachers = data.Teachers;
        var pairs = teachers.Select(t => selection.Pair(t, data.Student)).ToList();
        var terms = pairs.Append(label).ToList();
        var halfSampled = terms.Where(t => t.IntervalStrategy == IntervalStrategy.HalfSampling).ToList();
        InputChecks.RequireRows(n, terms, options.K, "the criterion");

        var total = terms.Count + (halfSampled.Count > 0 ? options.Replicates * halfSampled.Count : 0) + (options.SelfCheck ? terms.Count : 0);
        var done = 0;
        void Step(string stage) => progress?.Report(new CriterionProgress(stage, ++done, total));

        // Every term with its interval; half-sampled terms share the same seeded subsets, so their
        // replicates are paired.
        var outcomes = new Dictionary<TermEstimator, TermOutcome>();
        var estimateTime = TimeSpan.Zero;
        var intervalTime = TimeSpan.Zero;
        foreach (var term in terms.Prepend(label).Distinct())
        {
            var outcome = MutualInformationRunner.Run(term, n, options, Step, cancellationToken);
            outcomes[term] = outcome;
            estimateTime += outcome.EstimateTime;
            intervalTime += outcome.IntervalTime;
        }

        // Self-check: one surrogate per term (label: a stream from the run's seed; teacher: from its name).
        var checks = new Dictionary<TermEstimator, SurrogateRecovery?>();
        if (options.SelfCheck)
        {
            checks[label] = SurrogateCheck.Label(selection, data.Student, data.Label, outcomes[label].Full.Value, unchecked(options.Seed * 7919 + 1), cancellationToken);
            Step("self-check");
            for (var i = 0; i < pairs.Count; i++)
            {
                checks[pairs[i]] = SurrogateCheck.Pair(selection, teachers[i], data.Student, outcomes[pairs[i]].Full.Value, TeacherSeed(options.Seed, teachers[i].Name), cancellationToken);
                Step("self-check");
            }
        }

        // Bias-aware intervals: each term's own, from its self-check.
        foreach (var term in outcomes.Keys.ToList())
            outcomes[term] = WithSelfCheck(outcomes[term], checks.GetValueOrDefault(term), options.ConfidenceLevel);

        var labelOutcome = outcomes[label];
        var subsetRows = halfSampled.Count > 0 ? n / 2 : 0;
        var deltaLevel = TeacherSelection.SimultaneousLevel(options.ConfidenceLevel, teachers.Count);
        var best = TeacherSelection.BestProbabilities(
            pairs.Select(p => outcomes[p].Full.Value).ToArray(),
            pairs.Select(p => outcomes[p].Result.StandardError).ToArray(),
            options.Seed);
        var assessments = new List<(int Index, TeacherAssessment Assessment)>(teachers.Count);
        for (var i = 0; i < teachers.Count; i++)
        {
            var pair = outcomes[pairs[i]];
            var distribution = Delta(pair.Full, pair.Replicates, labelOutcome.Full, labelOutcome.Replicates, options.Replicates)
                with { BiasBound = (pair.Result.BiasBound ?? 0) + (labelOutcome.Result.BiasBound ?? 0) };
            var delta = distribution.Interval(deltaLevel);
            var sampling = distribution.SamplingInterval(deltaLevel);
            var panel = RobustVerdict.Deltas(pair.Result, labelOutcome.Result);
            var unreliable = pair.Result.Surrogate?.Unreliable == true || labelOutcome.Result.Surrogate?.Unreliable == true;
            var (verdict, reason) = RobustVerdict.Decide(sampling, delta, unreliable, panel, options.Margin);
            assessments.Add((i, new TeacherAssessment(
                teachers[i].Name,
                Rank: 0,
                teachers[i].Columns,
                pair.Result,
                labelOutcome.Result,
                delta,
                verdict)
            {
                DeltaStandardError = distribution.StandardError,
                // An unreliable term's bias bound does not bound its error: the data do not tell the side.
                WrongSignProbability = unreliable ? 0.5 : distribution.WrongSignProbability(options.Margin),
                BestProbability = best[i],
                SamplingDelta = sampling,
                DeltaBiasBound = distribution.BiasBound,
                Reason = reason,
                EstimatorDeltas = panel,
            }));
        }

        // Rank by Δ estimate, best first; ties keep the order the teachers were given in.
        var ranked = assessments
            .OrderByDescending(a => a.Assessment.Delta.Estimate)
            .ThenBy(a => a.Index)
            .Select((a, i) => a.Assessment with { Rank = i + 1 })
            .ToList();

        var pairNames = string.Join(", ", pairs.Select(p => p.Name).Distinct());
        return new CriterionResult(ranked, pairNames, label.Name, n, subsetRows, estimateTime, intervalTime) { DeltaConfidenceLevel = deltaLevel };
    }

    /// <summary>
    /// The seed of a teacher's surrogate: the run's seed mixed with a hash of the teacher's name (FNV-1a over
    /// its UTF-16 code units), so a teacher's self-check — and with it its interval and verdict — does not
    /// depend on where it stands among the <c>--teacher</c> options.
    /// </summary>
    internal static int TeacherSeed(int seed, string name)
    {
        var hash = 2166136261u;
        foreach (var c in name) hash = unchecked((hash ^ c) * 16777619u);
        return unchecked(seed * 7919 + 2 + (int)hash);
    }

    /// <summary>
    /// The term with its self-check attached (with the term's SE, <see cref="SurrogateRecovery.StandardError"/>)
    /// and its interval widened for the bias it measured (<see cref="SurrogateRecovery.BiasBound"/>,
    /// <see cref="BiasAwareInterval"/>); without a check only the sampling interval is recorded.
    /// </summary>
    private static TermOutcome WithSelfCheck(TermOutcome outcome, SurrogateRecovery? check, double level)
    {
        var r = outcome.Result;
        if (check is null) return outcome with { Result = r with { SamplingInterval = r.Value } };
        var surrogate = check with { StandardError = r.StandardError };
        var bound = surrogate.BiasBound(r.Value.Estimate);
        double? dof = outcome.Replicates is { Length: var b } ? b - 1 : null;
        var value = BiasAwareInterval.Of(r.Value.Estimate, r.StandardError, bound, level, dof);
        return outcome with { Result = r with { Value = value, SamplingInterval = r.Value, BiasBound = bound, Surrogate = surrogate } };
    }

    /// <summary>
    /// The fewest rows the criterion accepts for k neighbours: max(50, 20·k), so each half-sample
    /// holds at least max(25, 10·k) rows.
    /// </summary>
    public static int MinimumRows(int k) => Math.Max(50, 20 * k);

    /// <summary>
    /// Δ = A − B with its sampling distribution: paired half-sample replicates when both terms were
    /// half-sampled (t with B − 1 degrees of freedom), paired per-row influence terms when both have them
    /// (normal), otherwise √(SE_A² + SE_B²) (independence) with the t distribution, the more conservative.
    /// </summary>
    private static DeltaDistribution Delta(MutualInformationEstimate a, double[]? ra, MutualInformationEstimate b, double[]? rb, int replicates)
    {
        var estimate = a.Value - b.Value;
        if (ra is not null && rb is not null)
        {
            var d = new double[ra.Length];
            for (var i = 0; i < d.Length; i++) d[i] = ra[i] - rb[i];
            return new DeltaDistribution(estimate, MutualInformationRunner.StandardDeviation(d), d.Length - 1);
        }

        if (ra is null && rb is null)
            return new DeltaDistribution(estimate, EstimatorInterval.StandardErrorOfDifference(MutualInformationRunner.OwnInterval(a), MutualInformationRunner.OwnInterval(b)), null);

        var sa = ra is not null ? MutualInformationRunner.StandardDeviation(ra) : MutualInformationRunner.OwnInterval(a).StandardError;
        var sb = rb is not null ? MutualInformationRunner.StandardDeviation(rb) : MutualInformationRunner.OwnInterval(b).StandardError;
        return new DeltaDistribution(estimate, Math.Sqrt(sa * sa + sb * sb), replicates - 1);
    }

    private static void Validate(Dataset data, CriterionOptions options)
    {
        if (data.Teachers.Count == 0)
            throw new CchInputException("No teacher representation was given; name at least one with --teacher.");
        if (options.Replicates < 2)
            throw new CchInputException($"--replicates {options.Replicates}: the interval needs at least 2 half-samples.");
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
            throw new CchInputException($"--confidence {options.ConfidenceLevel}: the confidence level must lie strictly between 0 and 1.");
        if (!double.IsFinite(options.Margin))
            throw new CchInputException("--margin must be a finite number of nats.");
        foreach (var t in data.Teachers)
            if (t.Rows != data.Rows)
                throw new ArgumentException($"Teacher '{t.Name}' has {t.Rows} rows but the student has {data.Rows}.", nameof(data));
        InputChecks.RejectConstant(data.Student, $"The student representation '{data.Student.Name}'");
        foreach (var t in data.Teachers) InputChecks.RejectConstant(t, $"The teacher representation '{t.Name}'");
        InputChecks.RejectDegenerateLabel(data.Label);
    }
}

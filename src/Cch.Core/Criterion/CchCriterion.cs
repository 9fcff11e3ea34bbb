using System.Diagnostics;
using Cch.Data;
using Cch.Estimators;
using Cch.Sharding;
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
    /// <param name="ledger">
    /// Where the estimates come from: <c>null</c> or <see cref="WorkLedger.Everything"/> computes them,
    /// <see cref="WorkLedger.Replay"/> takes them from a sharded run's parts (<c>merge</c>). A shard's ledger
    /// goes to <see cref="ComputeShare"/> instead.
    /// </param>
    /// <returns>Teachers ranked by Δ, best first.</returns>
    /// <exception cref="CchInputException">Too few rows for the estimators and the half-samples, a bad option, or no teacher; with a replay, parts that do not match this run's units.</exception>
    public static CriterionResult Evaluate(Dataset data, CriterionOptions options, IProgress<CriterionProgress>? progress = null, CancellationToken cancellationToken = default, WorkLedger? ledger = null)
    {
        ledger ??= WorkLedger.Everything();
        if (ledger.Shard is not null)
            throw new ArgumentException("A shard's ledger computes only part of the run; use ComputeShare.", nameof(ledger));
        var plan = Prepare(data, options);
        var (label, pairs) = (plan.Label, plan.Pairs);
        var n = data.Rows;
        var teachers = data.Teachers;
        var halfSampled = plan.Terms.Where(t => t.Term.IntervalStrategy == IntervalStrategy.HalfSampling && !NearestNeighbourSubsets.Applies(t.Term, n)).ToList();
        var units = RunUnits(plan, data, options, ledger, progress, cancellationToken);
        ledger.RequireAllReplayed();
        if (ledger.IsReplay)
        {
            // Parts are files: an estimator with its own interval must have brought it along.
            foreach (var (term, id) in plan.Terms)
                if (term.IntervalStrategy == IntervalStrategy.Own && units[EstimateKey(id)].Estimate.Interval is null)
                    throw new CchInputException($"The parts hold unit '{EstimateKey(id)}' without the estimator's own interval: they were edited, or not written by this run's plan.");
        }

        // Every term with its interval; half-sampled terms share the same seeded subsets, so their
        // replicates are paired.
        var outcomes = new Dictionary<TermEstimator, TermOutcome>();
        var checks = new Dictionary<TermEstimator, SurrogateRecovery?>();
        var estimateTime = TimeSpan.Zero;
        var intervalTime = TimeSpan.Zero;
        foreach (var (term, id) in plan.Terms)
        {
            var full = units[EstimateKey(id)];
            if (NearestNeighbourSubsets.Applies(term, n))
            {
                // k-NN at large N: the estimate unit holds subset 0, the others one subset each.
                var others = Enumerable.Range(1, NearestNeighbourSubsets.Draw(n, options.Seed).Length - 1).Select(j => units[SubsetKey(id, j)]).ToList();
                var time = TimeSpan.FromSeconds(full.Seconds + others.Sum(u => u.Seconds));
                var subsetOutcome = MutualInformationRunner.AssembleSubsets(term, n, options, full.Estimate, others.Select(u => u.Estimate.Value).ToArray(), time);
                outcomes[term] = subsetOutcome;
                if (options.SelfCheck) checks[term] = full.Check?.ToRecovery();
                estimateTime += subsetOutcome.EstimateTime;
                continue;
            }

            double[]? replicates = null;
            var halfTime = TimeSpan.Zero;
            if (term.IntervalStrategy == IntervalStrategy.HalfSampling)
            {
                replicates = new double[options.Replicates];
                for (var b = 0; b < replicates.Length; b++)
                {
                    var unit = units[HalfSampleKey(id, b)];
                    replicates[b] = unit.Estimate.Value;
                    halfTime += TimeSpan.FromSeconds(unit.Seconds);
                }
            }

            var outcome = MutualInformationRunner.Assemble(term, n, options, full.Estimate, replicates, TimeSpan.FromSeconds(full.Seconds), halfTime);
            outcomes[term] = outcome;
            if (options.SelfCheck) checks[term] = full.Check?.ToRecovery();
            estimateTime += outcome.EstimateTime;
            intervalTime += outcome.IntervalTime;
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
    /// Computes one shard's share of the criterion's work (<c>check --shard</c>): the units of
    /// <paramref name="ledger"/>'s shard, recorded in <see cref="WorkLedger.Computed"/>. Validates the data and
    /// options exactly as <see cref="Evaluate"/> does, so a bad run fails in every shard.
    /// </summary>
    /// <param name="data">The data, as for <see cref="Evaluate"/>.</param>
    /// <param name="options">The options, as for <see cref="Evaluate"/>.</param>
    /// <param name="ledger">A ledger from <see cref="WorkLedger.ForShard"/>.</param>
    /// <param name="progress">Receives one report per finished estimate; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Stops between estimates.</param>
    /// <exception cref="CchInputException">As for <see cref="Evaluate"/>.</exception>
    public static void ComputeShare(Dataset data, CriterionOptions options, WorkLedger ledger, IProgress<CriterionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Shard is null)
            throw new ArgumentException("ComputeShare needs a shard's ledger (WorkLedger.ForShard).", nameof(ledger));
        RunUnits(Prepare(data, options), data, options, ledger, progress, cancellationToken);
    }

    /// <summary>The run's terms in unit order (I(H_s;Y) first, then each teacher's I(H_t;H_s)) with their unit-key prefixes.</summary>
    private sealed record Plan(EstimatorSelection Selection, TermEstimator Label, List<TermEstimator> Pairs, List<(TermEstimator Term, string Id)> Terms);

    private static Plan Prepare(Dataset data, CriterionOptions options)
    {
        Validate(data, options);
        var selection = EstimatorSelection.Create(options);
        var label = selection.Label(data.Student, data.Label);
        var pairs = data.Teachers.Select(t => selection.Pair(t, data.Student)).ToList();
        InputChecks.RequireRows(data.Rows, pairs.Append(label).ToList(), options.K, "the criterion");
        var terms = new List<(TermEstimator, string)> { (label, "label") };
        for (var i = 0; i < pairs.Count; i++) terms.Add((pairs[i], $"teacher/{i}/{data.Teachers[i].Name}"));
        return new Plan(selection, label, pairs, terms);
    }

    private static string EstimateKey(string id) => $"{id}/estimate";

    private static string HalfSampleKey(string id, int b) => $"{id}/half-sample/{b}";

    private static string SubsetKey(string id, int j) => $"{id}/subset/{j}";

    /// <summary>
    /// Every unit of the run, in its fixed order, through <paramref name="ledger"/>: first each term's estimate on all
    /// rows with its self-check (the costliest units, so round-robin spreads them over the shards), then each
    /// half-sample of each half-sampled term. A unit's result depends on the data, options and seed only: the
    /// half-samples are drawn from the run's seed, the label's surrogate from a stream of it and a teacher's from
    /// its name (<see cref="TeacherSeed"/>).
    /// </summary>
    /// <returns>The results this ledger computed or replayed, by key (a shard's own units only).</returns>
    private static Dictionary<string, UnitResult> RunUnits(Plan plan, Dataset data, CriterionOptions options, WorkLedger ledger, IProgress<CriterionProgress>? progress, CancellationToken cancellationToken)
    {
        var n = data.Rows;
        var halfSampled = plan.Terms.Where(t => t.Term.IntervalStrategy == IntervalStrategy.HalfSampling && !NearestNeighbourSubsets.Applies(t.Term, n)).ToList();
        var subsetTerms = plan.Terms.Where(t => NearestNeighbourSubsets.Applies(t.Term, n)).ToList();
        var knnSubsets = subsetTerms.Count > 0 ? NearestNeighbourSubsets.Draw(n, options.Seed) : null;
        var estimateSteps = options.SelfCheck ? 2 : 1;
        var positions = plan.Terms.Count + halfSampled.Count * options.Replicates + subsetTerms.Count * ((knnSubsets?.Length ?? 1) - 1);
        var total = 0;
        for (var p = 0; p < positions; p++)
            if (ledger.IsReplay || ledger.Computes(ledger.Units + p))
                total += p < plan.Terms.Count ? estimateSteps : 1;
        // Each report names the stage now running and the units done before it, so a display never shows the
        // previous phase (or a finished stage) through a long estimate.
        var done = 0;
        void Show(string stage) => progress?.Report(new CriterionProgress(stage, done, total));
        var after = halfSampled.Count > 0 ? "half-samples" : subsetTerms.Count > 0 ? "subsets" : "estimates";
        Show("estimates");

        var results = new Dictionary<string, UnitResult>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Terms.Count; i++)
        {
            var (term, id) = plan.Terms[i];
            var teacher = i == 0 ? null : data.Teachers[i - 1];
            var unit = ledger.Resolve(EstimateKey(id), () =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = Stopwatch.StartNew();
                // A k-NN term at large N estimates on subset 0 here (the self-check then targets that value, at that size).
                var full = term.Estimate(NearestNeighbourSubsets.Applies(term, n) ? knnSubsets![0] : null, cancellationToken);
                var seconds = clock.Elapsed.TotalSeconds;
                SurrogateRecovery? check = null;
                if (options.SelfCheck)
                {
                    progress?.Report(new CriterionProgress("self-check", done + 1, total));
                    // Self-check: one surrogate per term (label: a stream from the run's seed; teacher: from its name).
                    check = teacher is null
                        ? SurrogateCheck.Label(plan.Selection, data.Student, data.Label, full.Value, unchecked(options.Seed * 7919 + 1), cancellationToken)
                        : SurrogateCheck.Pair(plan.Selection, teacher, data.Student, full.Value, TeacherSeed(options.Seed, teacher.Name), cancellationToken);
                }

                return new UnitResult("", 0, full) { Check = SelfCheckResult.From(check), Seconds = seconds };
            });
            if (unit is null) continue;
            results[unit.Key] = unit;
            done += estimateSteps;
            Show(i + 1 < plan.Terms.Count ? "estimates" : after);
        }

        int[][]? subsets = null;
        foreach (var (term, id) in halfSampled)
        {
            for (var b = 0; b < options.Replicates; b++)
            {
                var index = b;
                var unit = ledger.Resolve(HalfSampleKey(id, b), () =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    subsets ??= HalfSampling.Draw(data.Rows, options.Replicates, options.Seed);
                    var clock = Stopwatch.StartNew();
                    var value = term.Estimate(subsets[index], cancellationToken).Value;
                    return new UnitResult("", 0, new MutualInformationEstimate(value)) { Seconds = clock.Elapsed.TotalSeconds };
                });
                if (unit is null) continue;
                results[unit.Key] = unit;
                done++;
                Show(b + 1 < options.Replicates || subsetTerms.Count == 0 ? "half-samples" : "subsets");
            }
        }

        foreach (var (term, id) in subsetTerms)
        {
            for (var j = 1; j < knnSubsets!.Length; j++)
            {
                var index = j;
                var unit = ledger.Resolve(SubsetKey(id, j), () =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var clock = Stopwatch.StartNew();
                    var value = term.Estimate(knnSubsets[index], cancellationToken).Value;
                    return new UnitResult("", 0, new MutualInformationEstimate(value)) { Seconds = clock.Elapsed.TotalSeconds };
                });
                if (unit is null) continue;
                results[unit.Key] = unit;
                done++;
                Show("subsets");
            }
        }

        return results;
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

using System.Globalization;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Cch.Examples;

namespace Cch.Reports;

/// <summary>Assembles a <see cref="CchReport"/> from a criterion run.</summary>
public static class ReportBuilder
{
    /// <summary>Builds the report.</summary>
    /// <param name="data">The dataset the criterion ran on.</param>
    /// <param name="settings">The settings of the run.</param>
    /// <param name="result">The criterion result.</param>
    /// <param name="example">The generated example, or <c>null</c>.</param>
    /// <param name="readTime">Time spent reading input.</param>
    /// <param name="totalTime">Total time.</param>
    /// <param name="verifications">Verification results by teacher name (with <c>--verify</c>), or <c>null</c>.</param>
    /// <param name="encoders">The encoders that produced the representations (<see cref="Encoders.TransformedDataset.Encoders"/>), or <c>null</c> or empty without encoders.</param>
    public static CchReport Build(
        Dataset data,
        CheckSettings settings,
        CriterionResult result,
        ExampleData? example,
        TimeSpan readTime,
        TimeSpan totalTime,
        IReadOnlyDictionary<string, VerificationResult>? verifications = null,
        IReadOnlyList<Encoders.EncoderRun>? encoders = null)
    {
        var options = settings.Criterion;
        var failOn = settings.FailOn;
        var filters = settings.Data?.Filters.Select(f => f.ToString()).ToList() ?? [];
        var warnings = new List<string>();
        var teachers = result.Teachers.Select(t =>
        {
            ClosedFormReport? closed = null;
            if (example?.ClosedForm.TryGetValue(t.Name, out var c) == true)
                closed = new ClosedFormReport(c.TeacherStudent, c.StudentLabel, c.Delta);
            foreach (var note in t.TeacherStudent.Notes)
                warnings.Add($"I(H_t;H_s) for teacher '{t.Name}' ({t.TeacherStudent.Estimator}): {note}");
            if (SurrogateWarning(t.TeacherStudent) is { } ts)
                warnings.Add($"I(H_t;H_s) for teacher '{t.Name}' ({Checked(t.TeacherStudent)}): {ts}");
            if (t.TeacherStudent.NearCeiling)
                warnings.Add($"I(H_t;H_s) for teacher '{t.Name}' ({F(t.TeacherStudent.Value.Estimate)} nats) is near the KSG ceiling ψ(N)−ψ(k) = {F(t.TeacherStudent.Ceiling ?? 0)} nats: it is likely an underestimate; more rows or a smaller k raise the ceiling.");
            VerificationReport? verification = null;
            Agreement? agreement = null;
            if (verifications?.TryGetValue(t.Name, out var v) == true)
            {
                verification = Verification(v, settings);
                agreement = AgreementRule.Of(t.Verdict, v.Outcome);
                var effect = F(v.Differences.First(d => d.Metric == v.PrimaryMetric).Mean);
                if (agreement == Agreement.Disagree)
                    warnings.Add(v.Outcome == KdOutcome.Equivalent
                        ? $"Teacher '{t.Name}': the criterion predicts that distillation helps, but the measured effect is equivalent to none ({v.PrimaryMetric} KD − no KD = {effect}, within ±{F(v.Decision.MinEffect)} by the two one-sided tests)."
                        : $"Teacher '{t.Name}': the criterion says {t.Verdict.ToString().ToLowerInvariant()} but distillation measured {MarkdownReport.OutcomeText(v.Outcome)} ({v.PrimaryMetric} KD − no KD = {effect}); for this data the measurement is the stronger evidence (docs/validation.md).");
                if (v.Outcome == KdOutcome.Undetermined)
                    warnings.Add($"Teacher '{t.Name}': the measured effect is undetermined ({v.PrimaryMetric} KD − no KD = {effect} after {v.Seeds.Count} seeds{(v.Decision.Stop == SeedStop.Cap ? ", the cap" : "")}): the interval is too wide to show a gain of at least {F(v.Decision.MinEffect)}, a loss, or equivalence within ±{F(v.Decision.MinEffect)}; {(settings.Verification!.AutoSeeds ? "more test rows" : "--seeds auto or more test rows")} may decide it.");
                warnings.AddRange(TrainingWarnings(t.Name, v, settings.Verification!, data.Label));
            }

            if (ReasonWarning(t) is { } why) warnings.Add(why);
            var biasAware = options.SelfCheck && t.SamplingDelta is { } sd;
            return new TeacherReport(t.Name, t.Rank, t.Dimensions, Mi(t.TeacherStudent), Mi(t.StudentLabel),
                Value(t.Delta) with
                {
                    StandardError = Round(t.DeltaStandardError),
                    Sampling = biasAware ? new SamplingIntervalReport(Round(t.SamplingDelta!.CiLow), Round(t.SamplingDelta.CiHigh)) : null,
                    BiasBound = biasAware ? Round(t.DeltaBiasBound) : null,
                },
                t.Verdict, closed, verification, agreement)
            {
                WrongSignProbability = Round(t.WrongSignProbability),
                BestProbability = t.BestProbability,
                Reason = t.Reason,
                EstimatorDeltas = t.EstimatorDeltas.Count > 1 ? t.EstimatorDeltas.Select(d => d with { Delta = Round(d.Delta) }).ToList() : null,
            };
        }).ToList();
        var label = result.Best.StudentLabel;
        foreach (var note in label.Notes)
            warnings.Add($"I(H_s;Y) ({label.Estimator}): {note}");
        if (SurrogateWarning(label) is { } sl)
            warnings.Add($"I(H_s;Y) ({Checked(label)}): {sl}");
        if (label.NearCeiling)
            warnings.Add($"I(H_s;Y) ({F(label.Value.Estimate)} nats) is near the KSG ceiling ψ(N)−ψ(k) = {F(label.Ceiling ?? 0)} nats: it is likely an underestimate.");
        if (data.Label.Classes is { } classes && label.Value.Estimate > LabelEntropy(classes) + 1e-9)
            warnings.Add($"I(H_s;Y) = {F(label.Value.Estimate)} nats exceeds the label entropy H(Y) = {F(LabelEntropy(classes))} nats, its upper bound: the {result.StudentLabelEstimator} estimator's assumptions do not hold for this student (e.g. a nearly degenerate within-class covariance); try another --label-estimator.");
        warnings.AddRange(GaussianFallbackWarnings(data, options, result.HalfSampleRows));
        warnings.AddRange(LabelKindWarnings(data.Label));
        if (FewReplicatesWarning(options, result.HalfSampleRows) is { } few) warnings.Add(few);
        if (JoinWarning(data.Join) is { } dropped) warnings.Add(dropped);

        return new CchReport
        {
            Config = settings.ConfigPath,
            ToolVersion = ToolInfo.Version,
            Verdict = result.Verdict,
            ExitCode = GatePolicy.ExitCode(result.Verdict, failOn, settings.Gate, verifications?.GetValueOrDefault(result.Best.Name)?.Outcome),
            FailOn = failOn,
            Gate = settings.Gate,
            BestTeacher = result.Best.Name,
            Estimator = new EstimatorReport(options.Estimator, result.TeacherStudentEstimator, result.StudentLabelEstimator, options.K,
                options.LabelEstimator is { } lf && lf != options.Estimator ? lf : null),
            Interval = new IntervalReport(string.Join(", ", result.IntervalMethods), options.ConfidenceLevel, options.Replicates, result.HalfSampleRows)
            {
                DeltaLevel = result.DeltaConfidenceLevel,
                BiasAware = options.SelfCheck,
            },
            Margin = options.Margin,
            N = result.Rows,
            Seed = options.Seed,
            Device = DeviceName(options.Device),
            Task = data.Label.Kind == LabelKind.Classification ? "classification" : "regression",
            Inputs = InputReport.From(data.Inputs),
            Encoders = encoders is not { Count: > 0 } ? null : encoders.Select(EncoderReport.From).ToList(),
            Join = new JoinReport(data.Join.Key, data.Join.Mode switch { JoinMode.Inner => "inner", JoinMode.RowOrder => "row-order", _ => "strict" }, filters, data.Join.RowsKept, data.Join.RowsDroppedByJoin, data.Join.RowsDroppedByFilter),
            Sample = SampleReport.From(data.Sample),
            Student = new RepresentationReport(data.Student.Name, data.Student.Columns),
            Label = new LabelReport(data.Label.Name, data.Label.Kind == LabelKind.Classification ? "classification" : "regression", data.Label.ClassNames),
            Teachers = teachers,
            Example = example is null ? null : new ExampleReport(example.Name, example.Description),
            Warnings = warnings,
            Timings = new TimingsReport(Seconds(readTime), Seconds(result.EstimateTime), Seconds(result.IntervalTime), Seconds(totalTime)),
            Invocation = new InvocationReport(
                settings.CommandLine,
                (DateTime.UtcNow - totalTime).ToString("O", CultureInfo.InvariantCulture),
                settings.ConfigPath is { } config && File.Exists(config) ? Internal.FileHash.Sha256(config) : null),
        };
    }

    /// <summary>A warning when the half-sampled intervals rest on fewer than 10 replicates; <c>null</c> otherwise.</summary>
    internal static string? FewReplicatesWarning(CriterionOptions options, int halfRows) =>
        options.Replicates < 10 && halfRows > 0
            ? $"The intervals come from only {options.Replicates} half-samples: their standard errors are rough (relative error about {(100 / Math.Sqrt(2.0 * (options.Replicates - 1))).ToString("0", CultureInfo.InvariantCulture)}%); use --replicates 20 or more for a gate."
            : null;

    /// <summary>A warning when an inner join dropped rows; <c>null</c> otherwise.</summary>
    internal static string? JoinWarning(JoinSummary join) =>
        join.RowsDroppedByJoin > 0 ? $"The inner join on '{join.Key}' dropped {join.RowsDroppedByJoin} rows whose key was not in every file." : null;

    /// <summary>
    /// The Gaussian estimators need more rows than dimensions for their bias-corrected
    /// log-determinants; otherwise they fall back to Ledoit–Wolf shrinkage, whose value is finite
    /// but unreliable (see docs/estimators.md). Half-samples have ⌊N/2⌋ rows, so that is the bound.
    /// </summary>
    private static IEnumerable<string> GaussianFallbackWarnings(Dataset data, CriterionOptions options, int halfRows)
    {
        var ds = data.Student.Columns;
        if (options.Estimator == EstimatorFamily.Gaussian)
            foreach (var t in data.Teachers.Where(t => t.Columns + ds > halfRows - 1))
                yield return $"The Gaussian estimate of I(H_t;H_s) for teacher '{t.Name}' has {t.Columns} + {ds} dimensions for {halfRows} rows per half-sample: it falls back to Ledoit–Wolf shrinkage and is not reliable; use --estimator ksg.";
        if ((options.LabelEstimator ?? options.Estimator) != EstimatorFamily.Gaussian) yield break;
        if (data.Label.Classes is { } classes)
        {
            var smallest = classes.GroupBy(c => c).Min(g => g.Count());
            if (smallest / 2 <= ds)
                yield return $"The class-conditional Gaussian estimate of I(H_s;Y) needs more rows per class than the student's {ds} dimensions, but the smallest class has {smallest} rows ({smallest / 2} per half-sample): it falls back to Ledoit–Wolf shrinkage and is not reliable; use --label-estimator mixed.";
        }
        else if (ds + 1 > halfRows - 1)
        {
            yield return $"The Gaussian estimate of I(H_s;Y) has {ds} + 1 dimensions for {halfRows} rows per half-sample: it falls back to Ledoit–Wolf shrinkage and is not reliable.";
        }
    }

    private static VerificationReport Verification(VerificationResult v, CheckSettings settings)
    {
        var o = settings.Verification!;
        var split = settings.TestFilters.Count > 0
            ? "where " + string.Join(", ", settings.TestFilters)
            : string.Create(CultureInfo.InvariantCulture, $"seeded {o.TestFraction:0.##} of the rows");
        return new VerificationReport(
            v.Outcome, v.PrimaryMetric, v.Temperature, v.Lambda, v.TrainRows, v.TestRows,
            settings.TeacherLogits.Count > 0 ? "logits" : "mlp",
            new VerificationSettingsReport(o.HiddenUnits, o.LearningRate, o.WeightDecay, o.BatchSize, o.MaxEpochs, o.Patience, o.Seeds, o.Temperatures, o.Lambdas, o.ValidationFraction, split, o.Threads)
            {
                AutoSeeds = o.AutoSeeds,
                AutoSeedsStep = o.AutoSeeds ? o.AutoSeedsStep : null,
                MaxSeeds = o.AutoSeeds ? o.MaxSeeds : null,
                MinEffect = o.MinEffect,
            },
            v.Differences.Select(d => d with { NoKdMean = Round(d.NoKdMean), KdMean = Round(d.KdMean) }).ToList(), v.Seeds, v.Grid,
            new VerificationTimingsReport(Math.Round(v.TeacherSeconds, 3), Math.Round(v.StudentSeconds, 3), Math.Round(v.EvaluationSeconds, 3)))
        {
            NoKdWeightDecay = v.NoKdWeightDecay,
            NoKdGrid = v.NoKdGrid,
            Decision = v.Decision with
            {
                MinEffect = Round(v.Decision.MinEffect),
                Alpha = Round(v.Decision.Alpha),
                AlphaPerLook = Round(v.Decision.AlphaPerLook),
                EquivalenceLow = Round(v.Decision.EquivalenceLow),
                EquivalenceHigh = Round(v.Decision.EquivalenceHigh),
            },
        };
    }

    /// <summary>Hints that the label was read as the wrong kind (the type decides; see docs/data-input.md).</summary>
    internal static IEnumerable<string> LabelKindWarnings(LabelVector label)
    {
        if (label.Classes is { } classes)
        {
            var counts = classes.GroupBy(c => c).Select(g => g.Count()).ToList();
            var singletons = counts.Count(c => c == 1);
            if (counts.Count > 50 || singletons * 10 > classes.Length)
                yield return $"The label '{label.Name}' was read as classes but has {counts.Count} distinct values ({singletons} of them on a single row, which the mixed estimator ignores). If it is a quantity, pass --task regression.";
        }
        else if (label.Values is { } values && values.Distinct().Count() is var distinct && distinct <= 20)
        {
            yield return values.All(v => v == Math.Floor(v))
                ? $"The label '{label.Name}' is a float column read as a regression target, but it holds only {distinct} distinct whole numbers. If they are class ids, pass --task classification."
                : $"The label '{label.Name}' is a float column read as a regression target, but it holds only {distinct} distinct values. If they are classes, store them as integers or strings (a float label read as classes must hold whole numbers) and pass --task classification.";
        }
    }

    /// <summary>Plug-in entropy of the class frequencies, H(Y) = −Σ p_c ln p_c, in nats: the upper bound of I(X;Y).</summary>
    internal static double LabelEntropy(int[] classes)
    {
        var h = 0.0;
        foreach (var g in classes.GroupBy(c => c))
        {
            var p = (double)g.Count() / classes.Length;
            h -= p * Math.Log(p);
        }

        return h;
    }

    private static MiValue Mi(MutualInformationResult r) =>
        new(Round(r.Value.Estimate), Round(r.Value.CiLow), Round(r.Value.CiHigh), r.Ceiling is { } c ? Round(c) : null, r.Ceiling is null ? null : r.NearCeiling)
        {
            Estimator = r.Estimator,
            AutoReason = r.AutoReason,
            Interval = r.IntervalMethod,
            StandardError = Round(r.StandardError),
            Training = TrainingReport.From(r.Training),
            Components = r.Components.Count == 0 ? null : r.Components.Select(c => c with { Value = Round(c.Value) }).ToList(),
            Surrogate = r.Surrogate is { } g ? new SurrogateReport(Round(g.Known), Round(g.Estimate), g.Recovery is { } q ? Round(q) : null)
            {
                Components = g.Components.Count == 0 ? null : g.Components.Select(c =>
                {
                    var recovery = g.ComponentRecovery(c.Estimator);
                    return new SurrogateComponentReport(c.Estimator, Round(c.Value), recovery is { } cr ? Round(cr) : null, g.ComponentPasses(c.Estimator));
                }).ToList(),
            } : null,
            Sampling = r.BiasBound is null || r.SamplingInterval is not { } si ? null : new SamplingIntervalReport(Round(si.CiLow), Round(si.CiHigh)),
            BiasBound = r.BiasBound is { } b ? Round(b) : null,
        };

    /// <summary>The warning for a self-check whose recovery lies outside [0.85, 1.15], or <c>null</c>.</summary>
    private static string? SurrogateWarning(MutualInformationResult r) =>
        r.Surrogate is { OutsideBand: true, Recovery: { } recovery } g
            ? string.Create(CultureInfo.InvariantCulture,
                $"on a Gaussian surrogate with these dimensions, N and correlation structure, whose mutual information is known ({g.Known:0.###} nats), this estimator recovers {recovery:P0} ({g.Estimate:0.###} nats): {(g.Unreliable ? UnreliableText : BiasText)}")
            : null;

    private const string UnreliableText = "at these dimensions and N it is unreliable, so no verdict rests on it (docs/criterion.md#self-check-on-a-matched-surrogate).";

    private const string BiasText = "the value may be off by a comparable share, and the intervals are widened for it (docs/criterion.md#intervals-that-include-the-estimators-error).";

    /// <summary>
    /// The estimator the self-check ran: for a combination, the whole <c>max(…)</c> (on the surrogate its
    /// largest component may be another one than on the data), not the component that won on the data.
    /// </summary>
    private static string Checked(MutualInformationResult r) =>
        r.Estimator.StartsWith("max(", StringComparison.Ordinal) && r.Estimator.IndexOf(") = ", StringComparison.Ordinal) is var i and >= 0
            ? r.Estimator[..(i + 1)]
            : r.Estimator;

    /// <summary>One sentence on why a teacher's verdict is inconclusive, or <c>null</c> when it is decided or only sampling blocks it.</summary>
    private static string? ReasonWarning(TeacherAssessment t) => t.Reason switch
    {
        VerdictReason.EstimatorUnreliableHere when t.TeacherStudent.Surrogate?.Unreliable == true || t.StudentLabel.Surrogate?.Unreliable == true =>
            $"Teacher '{t.Name}': inconclusive (estimator-unreliable-here): on the matched surrogate {Unreliable(t)}; no pass or fail rests on an estimator that misses half of a known mutual information (docs/criterion.md#robust-verdicts).",
        VerdictReason.EstimatorUnreliableHere =>
            $"Teacher '{t.Name}': inconclusive (estimator-unreliable-here): the sampling interval of Δ [{F(t.SamplingDelta?.CiLow ?? 0)}, {F(t.SamplingDelta?.CiHigh ?? 0)}] excludes the margin, but the estimators' bias measured on the matched surrogate (up to {F(t.DeltaBiasBound)} nats) could carry Δ across it (docs/criterion.md#robust-verdicts).",
        VerdictReason.EstimatorsDisagree =>
            $"Teacher '{t.Name}': inconclusive (estimators-disagree): estimators that passed the self-check put Δ on both sides of the margin ({string.Join("; ", t.EstimatorDeltas.Select(d => $"{d.TeacherStudent} − {d.StudentLabel}: {F(d.Delta)}"))}) (docs/criterion.md#robust-verdicts).",
        _ => null,
    };

    private static string Unreliable(TeacherAssessment t) => string.Join(" and ",
        new[] { ("I(H_t;H_s)", t.TeacherStudent), ("I(H_s;Y)", t.StudentLabel) }
            .Where(p => p.Item2.Surrogate?.Unreliable == true)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1} ({Checked(p.Item2)}) recovers {p.Item2.Surrogate!.Recovery:P0} of {p.Item2.Surrogate.Known:0.###} nats")));

    private static MiValue Value(IntervalEstimate e) => new(Round(e.Estimate), Round(e.CiLow), Round(e.CiHigh));

    // Reports carry 6 decimals (micro-nats): far below any estimator's noise, and stable text.
    internal static double Round(double v) => Math.Round(v, 6);

    internal static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 3);

    /// <summary>The report's name of a device: <c>cpu</c> or <c>cuda</c>.</summary>
    internal static string DeviceName(Neural.ComputeDevice device) => device == Neural.ComputeDevice.Cuda ? "cuda" : "cpu";

    internal static string F(double v) => (v == 0 ? 0 : v).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Warnings about the training itself: too few rows per class, models stopped by the epoch limit.</summary>
    private static IEnumerable<string> TrainingWarnings(string teacher, VerificationResult v, VerificationOptions options, LabelVector label)
    {
        if (label.ClassCount > 0 && v.TrainRows < 10 * label.ClassCount)
            yield return $"Teacher '{teacher}': only {v.TrainRows} training rows for {label.ClassCount} classes (fewer than 10 per class): the trained models, and so the measured effect, are unreliable.";
        var capped = v.Seeds.Count(s => s.NoKd.BestEpoch == options.MaxEpochs || s.Kd.BestEpoch == options.MaxEpochs || s.Teacher?.BestEpoch == options.MaxEpochs);
        if (capped > 0)
            yield return $"Teacher '{teacher}': in {capped} of {v.Seeds.Count} seeds a model was still improving at --max-epochs {options.MaxEpochs}; raise it for a fair comparison.";
    }
}

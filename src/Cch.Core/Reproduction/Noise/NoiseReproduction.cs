using System.Diagnostics;
using System.Globalization;
using Cch.Checking;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Cch.Neural;

namespace Cch.Reproduction.Noise;

/// <summary>
/// The CCH paper's noise ablation on tabular data (Xie, Xu &amp; Sanguinetti 2025, arXiv:2510.13182): Gaussian
/// noise of growing variance is added to the teacher view of a real multimodal dataset, and at every noise level
/// the criterion Δ = I(H_t;H_s) − I(H_s;Y) is set beside the measured effect of distillation.
/// </summary>
/// <remarks>
/// <para>Two series, each read from <see cref="ReproductionOptions.DataDirectory"/>:</para>
/// <list type="bullet">
/// <item><c>handwritten.parquet</c> (UCI Multiple Features, Duin): teacher <c>fac216</c> (216 profile correlations),
/// student <c>zer47</c> (47 Zernike moments), label <c>label</c> (digits 0–9). Criterion and training on the 1,400
/// <c>split = train</c> rows, test metrics on the 600 <c>split = test</c> rows.</item>
/// <item><c>breast_tcga_mRNA200.parquet</c> (teacher <c>mrna_*</c>, 200 values) → <c>breast_tcga_miRNA184.parquet</c>
/// (student <c>mirna_*</c>, 184 values), label <c>subtype</c> (Basal, Her2, LumA) from <c>breast_tcga_labels.parquet</c>,
/// joined on <c>sample_id</c> (mixOmics <c>breast.TCGA</c>). All 150 samples are marked <c>split = train</c>: the criterion
/// uses all 150, and the verification holds out a seeded, stratified 20 % of them as test rows.</item>
/// </list>
/// <para>Noise: at level s every teacher column j gets X_ij + s·SD_j·Z_ij, Z_ij ~ N(0, 1), SD_j the column's population SD
/// over the criterion's rows; a column's SD grows by √(1 + s²). One draw of Z per series (seeded from
/// <see cref="ReproductionOptions.Seed"/>) serves every level, and the same noisy matrix goes to the criterion and to
/// the verification. Levels: s ∈ {0, 0.5, 1, 2, 4, 8, 16, 32}, 20 training seeds per level; <c>--quick</c>:
/// s ∈ {0, 2, 8, 32}, 5 seeds. The student and the label are never changed.</para>
/// <para>Per level the point is exactly what <c>dotnet cch check --where split=train [--test-where split=test] --verify
/// --seed SEED --seeds B</c> would report for the noisy teacher: the criterion with default estimators
/// (<see cref="ReproductionStep.Criterion"/>), the verification with default training settings
/// (<see cref="DistillationVerifier.Verify"/>; train/test rows by <c>VerificationInputs</c>), combined by
/// <see cref="ReproductionStep.WithVerification"/>. KD effect: test accuracy, KD − no KD.</para>
/// </remarks>
public static class NoiseReproduction
{
    /// <summary>The experiment's command-line name.</summary>
    public const string Name = "noise";

    /// <summary>Runs the noise ablation.</summary>
    /// <param name="options">Seed, quick or full, training seeds per level (default 20, quick 5), libtorch threads, the data folder.</param>
    /// <param name="progress">Receives the phase and the steps done (one step per criterion and per training seed of every level), or <c>null</c>.</param>
    /// <param name="cancellationToken">Checked between estimates and before every training step.</param>
    /// <returns>Two series (handwritten, then breast_tcga), points in increasing noise, with criterion, KD effect and agreement.</returns>
    /// <exception cref="CchInputException">No data folder, a missing or unreadable file (named), or an option out of range.</exception>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded on this machine.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ReproductionReport Run(ReproductionOptions options, IProgress<ReproductionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Run(options, NoisePlan.For(options), progress, cancellationToken);
    }

    /// <summary>Runs the ablation with an explicit <paramref name="plan"/> (the tests' reduced runs).</summary>
    internal static ReproductionReport Run(ReproductionOptions options, NoisePlan plan, IProgress<ReproductionProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plan);
        var clock = Stopwatch.StartNew();
        if (options.DataDirectory is not { } directory)
            throw new CchInputException("reproduce noise reads handwritten.parquet and breast_tcga_*.parquet: give the folder holding them (--data).");
        if (options.Threads < 1) throw new CchInputException($"--threads {options.Threads}: expected at least 1.");
        if (plan.Seeds < 2) throw new CchInputException($"--seeds {plan.Seeds}: at least 2 training seeds are needed for an interval of the KD effect.");
        if (plan.Levels.Count == 0 || plan.Levels.Any(s => !double.IsFinite(s) || s < 0) || plan.Levels.Zip(plan.Levels.Skip(1)).Any(p => p.First >= p.Second))
            throw new ArgumentException("Noise levels must be finite, ≥ 0 and strictly increasing.", nameof(plan));

        var pairs = new[] { NoisePair.Handwritten(directory), NoisePair.BreastTcga(directory) };
        foreach (var file in pairs.SelectMany(p => p.Files))
            if (!File.Exists(file))
                throw new CchInputException($"reproduce noise needs '{Path.GetFileName(file)}' in the data folder {directory}, and it is not there.", file: file);

        var criterion = new CriterionOptions { Seed = options.Seed, Device = options.Device };
        var verification = plan.Verification with { Seed = options.Seed, Threads = options.Threads, Device = options.Device, Seeds = plan.Seeds, AutoSeeds = false };
        var tracker = new StepTracker(progress, pairs.Length * plan.Levels.Count * (1 + plan.Seeds));
        var series = new List<ReproductionSeries>();
        var rows = new List<string>();
        foreach (var pair in pairs)
        {
            var (points, summary) = RunPair(pair, plan, criterion, verification, options.Seed, tracker, cancellationToken);
            series.Add(new ReproductionSeries { Name = pair.Name, Points = points, Boundary = ReproductionBoundary.Of(points) });
            rows.Add(summary);
        }

        tracker.Report("done");

        return new ReproductionReport
        {
            ToolVersion = ToolInfo.Version,
            Experiment = Name,
            Title = "Noise ablation: Gaussian noise of growing variance on the teacher view (tabular data)",
            Description = Description(plan),
            Parameter = "teacher noise SD (× each column's SD)",
            EffectMetric = "test accuracy, KD − no KD",
            Seed = options.Seed,
            Quick = options.Quick,
            Series = series,
            PaperClaims =
            [
                "On the TCGA cohorts the criterion and the KD effect agree everywhere.",
                "Adding noise to the teacher lowers I(H_t;H_s) until Δ turns negative, and distillation turns from helping to hurting.",
            ],
            Notes = Notes(plan, rows),
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static (IReadOnlyList<ReproductionPoint> Points, string Rows) RunPair(
        NoisePair pair, NoisePlan plan, CriterionOptions criterion, VerificationOptions verification, int seed, StepTracker tracker, CancellationToken cancellationToken)
    {
        tracker.Report($"{pair.Name}: reading the data");
        var data = DatasetLoader.LoadAsync(pair.Request, cancellationToken).GetAwaiter().GetResult();
        var settings = new CheckSettings { Data = pair.Request, Criterion = criterion, Verification = verification, TestFilters = pair.TestFilters };
        var clean = data.Teachers[0];
        var sds = TeacherNoise.ColumnSds(clean);
        var z = TeacherNoise.StandardNormals(clean.Values.Length, SeedStreams.Managed(seed, pair.Stream));
        double[]? testZ = null;
        var points = new List<ReproductionPoint>();
        var trainRows = 0;
        var testRows = 0;
        foreach (var level in plan.Levels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = $"{pair.Name}, s = {Number(level)}";
            tracker.Report($"{at}: criterion");
            var noisy = TeacherNoise.Add(clean, level, sds, z);
            var point = ReproductionStep.Criterion(level, noisy, data.Student, data.Label, criterion, cancellationToken);
            tracker.Step($"{at}: criterion done");

            var input = VerificationInputs.BuildAsync(data with { Teachers = [noisy] }, settings, cancellationToken).GetAwaiter().GetResult().Single();
            if (pair.TestFilters.Count > 0)
            {
                // Test rows read by filter arrive clean: they get their own draw, scaled by the criterion rows' SDs.
                testZ ??= TeacherNoise.StandardNormals(input.TeacherTest!.Values.Length, SeedStreams.Managed(seed, pair.Stream + 1));
                input = input with { TeacherTest = TeacherNoise.Add(input.TeacherTest!, level, sds, testZ) };
            }

            var seedsDone = 0;
            var training = new SyncProgress(p =>
            {
                if (!p.Finished || !p.Arm.StartsWith("kd", StringComparison.Ordinal)) return;
                seedsDone++;
                tracker.Step($"{at}: KD / no KD, seed {seedsDone}/{p.Seeds} done");
            });
            tracker.Report($"{at}: training teacher and students, seed 1/{verification.Seeds}");
            var result = DistillationVerifier.Verify(input, verification, training, cancellationToken);
            tracker.Catch(plan.Seeds - seedsDone, $"{at}: verified");
            (trainRows, testRows) = (result.TrainRows, result.TestRows);

            var teacherAccuracy = result.Seeds.Select(s => s.Teacher?.Accuracy).OfType<double>().ToList();
            if (teacherAccuracy.Count > 0)
                point = point with { Measures = new Dictionary<string, double> { ["teacher test accuracy"] = teacherAccuracy.Average() } };
            points.Add(ReproductionStep.WithVerification(point, result));
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{pair.Name}: the criterion uses {data.Rows} rows; distillation trains on {trainRows} ({verification.ValidationFraction:0.##} of them held out per seed for early stopping) and tests on {testRows}");
        return (points, summary);
    }

    private static string Description(NoisePlan plan)
    {
        var v = plan.Verification;
        return string.Create(CultureInfo.InvariantCulture,
            $"Independent Gaussian noise N(0, (s·SD_j)²) is added to every teacher column j (SD_j: the column's SD over the criterion's rows), " +
            $"s ∈ {{{string.Join(", ", plan.Levels.Select(Number))}}}; the student and the label are untouched. At each s: the criterion with the default " +
            $"estimators on the noisy teacher and the student, and the verified KD effect (MLPs with one hidden layer of {v.HiddenUnits} ReLU units, " +
            $"Hinton KD with T ∈ {{{string.Join(", ", v.Temperatures.Select(Number))}}}, λ ∈ {{{string.Join(", ", v.Lambdas.Select(Number))}}}, " +
            $"≤ {v.MaxEpochs} epochs, {plan.Seeds} paired seeds). Series: handwritten (UCI Multiple Features) fac216 → zer47, label digit; " +
            $"breast_tcga (mixOmics) mRNA → miRNA, label subtype.");
    }

    private static IReadOnlyList<string> Notes(NoisePlan plan, IReadOnlyList<string> rows) =>
    [
        .. rows.Select(r => r + "."),
        "handwritten: criterion and training rows are the file's split = train rows, test rows its split = test rows. breast_tcga: every sample in " +
        "breast_tcga_labels.parquet is marked split = train (the copy has no test rows), so the criterion uses all of them and the verification holds out " +
        "a seeded, stratified 20 % as test rows, as check --where split=train --verify does; one test row is 1/30 of accuracy there, so its KD effects are coarse.",
        "One standard-normal draw per series serves every level (level s adds s times the same noise), and the same noisy teacher goes to the criterion " +
        "and to the verification; the handwritten test rows get a draw of their own, scaled by the training rows' SDs. The student and label never change, " +
        "so I(H_s;Y) is the same estimate at every level.",
        "Measures per point: the teacher MLP's test accuracy on the noisy teacher view (mean over seeds) and both student arms' test accuracy. " +
        "The no-KD arm never sees the teacher, so it is the same at every level. A teacher near chance gives nearly uniform soft targets, and the " +
        "KD term then acts as a regulariser on the student (like label smoothing), which can move its accuracy without carrying information from the teacher.",
        "Each point is what dotnet cch check --where split=train [--test-where split=test] --verify would report for the noisy teacher with the same seed: " +
        "default estimators (auto) and intervals, default training settings; outcome and agreement by the check's rules (δ = 0.005 accuracy).",
        string.Create(CultureInfo.InvariantCulture,
            $"The noise grid, the networks and the training seeds ({plan.Seeds} per level) are this reproduction's choices; the paper's own settings for the ablation are not copied."),
    ];

    private static string Number(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Counts finished steps and reports them with the current phase.</summary>
    private sealed class StepTracker(IProgress<ReproductionProgress>? progress, int total)
    {
        private int _completed;

        public void Report(string phase) => progress?.Report(new ReproductionProgress(phase, _completed, total));

        public void Step(string phase)
        {
            _completed++;
            Report(phase);
        }

        /// <summary>Counts <paramref name="missed"/> steps that reported nothing (e.g. seeds a verification skipped) at once.</summary>
        public void Catch(int missed, string phase)
        {
            _completed += Math.Max(0, missed);
            Report(phase);
        }
    }

    /// <summary>A synchronous progress sink: the verifier reports on its training thread, and the count must be current when it returns.</summary>
    private sealed class SyncProgress(Action<VerificationProgress> handler) : IProgress<VerificationProgress>
    {
        public void Report(VerificationProgress value) => handler(value);
    }
}

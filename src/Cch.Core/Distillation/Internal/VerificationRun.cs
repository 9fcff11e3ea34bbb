using System.Diagnostics;
using System.Globalization;
using Cch.Neural;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Cch.Distillation.Internal;

/// <summary>
/// The training part of <see cref="DistillationVerifier.Verify"/>: teacher, no-KD student and the KD
/// students of every grid point, per seed. Touches libtorch, so <see cref="TorchRuntime.Require"/> must
/// have succeeded first, and runs must not overlap (libtorch's global generator and thread count).
/// </summary>
internal static class VerificationRun
{
    /// <summary>One seed's trained models: teacher, every no-KD configuration and every KD grid point, with their validation losses.</summary>
    private sealed record SeedRun(ArmMetrics? Teacher, ArmMetrics[] NoKd, double[] NoKdValidation, ArmMetrics[] Kd, double[] KdValidation, TimeSpan TeacherTime, TimeSpan StudentTime, TimeSpan EvaluationTime);

    /// <summary>Serialises seeding libtorch's global generator and creating a model from it, so that parallel seeds draw the same initial weights as sequential ones.</summary>
    private static readonly Lock CreationGate = new();

    /// <summary>Runs the verification on checked, preprocessed data; call inside a <see cref="TorchSession"/>.</summary>
    public static VerificationResult Execute(string teacherName, PreparedData d, VerificationOptions o, IProgress<VerificationProgress>? progress, CancellationToken ct)
    {
        var grid = Grid(d, o);
        var decays = NoKdWeightDecays(o, grid.Count);
        var plan = SequentialPlan.From(o);
        var alpha = 1 - o.ConfidenceLevel;
        var alphaPerLook = plan.AlphaPerLook(alpha);
        var lossScale = d.IsClassification ? 1 : d.TargetScale * d.TargetScale; // regression losses back to squared target units
        var runs = new List<SeedRun>();

        using var studentTest = TorchSession.OnDevice(tensor(d.StudentTest, [d.TestRows, d.StudentColumns]));
        using var teacherTest = d.TeacherTest is null ? null : TorchSession.OnDevice(tensor(d.TeacherTest, [d.TestRows, d.TeacherColumns]));

        for (var look = 0; ; look++)
        {
            var target = plan.SeedsAt(look);
            if (o.ParallelSeeds <= 1 || target - runs.Count < 2)
            {
                for (var s = runs.Count; s < target; s++)
                    runs.Add(TrainSeed(s, target));
            }
            else
            {
                runs.AddRange(TrainInParallel(runs.Count, target));
            }

            // Selection on validation only: the lowest mean best-validation loss over seeds (first on ties), for each arm.
            var seeds = runs.Count;
            var kdMeans = new double[grid.Count];
            var chosen = 0;
            for (var g = 0; g < grid.Count; g++)
            {
                foreach (var r in runs) kdMeans[g] += r.KdValidation[g] / seeds;
                if (kdMeans[g] < kdMeans[chosen]) chosen = g;
            }

            var noKdMeans = new double[decays.Count];
            var chosenDecay = 0;
            for (var w = 0; w < decays.Count; w++)
            {
                foreach (var r in runs) noKdMeans[w] += r.NoKdValidation[w] / seeds;
                if (noKdMeans[w] < noKdMeans[chosenDecay]) chosenDecay = w;
            }

            var seedOutcomes = runs
                .Select((r, s) => new SeedOutcome(unchecked(o.Seed + s), r.Teacher, r.NoKd[chosenDecay], r.Kd[chosen]))
                .ToArray();
            var differences = Differences(d, seedOutcomes, 1 - alphaPerLook);
            var primary = differences[0];
            var (minEffect, source) = o.MinEffect is { } given ? (given, "given")
                : d.IsClassification ? (DefaultAccuracyMinEffect, "default-accuracy")
                : (DefaultMseShare * primary.NoKdMean, "default-mse");
            var outcome = PairedComparison.Decide(primary, minEffect, alphaPerLook);
            if (plan.Stop(seeds, outcome) is not { } stop) continue;

            var (low, high) = SequentialPlan.EquivalenceInterval(primary.PerSeed, alphaPerLook);
            return new VerificationResult(
                teacherName,
                primary.Metric,
                outcome,
                grid[chosen].Temperature,
                grid[chosen].Lambda,
                differences,
                seedOutcomes,
                grid.Select((p, g) => new GridPoint(p.Temperature, p.Lambda, kdMeans[g], g == chosen)).ToArray(),
                d.TrainRows,
                d.TestRows,
                runs.Sum(r => r.TeacherTime.TotalSeconds),
                runs.Sum(r => r.StudentTime.TotalSeconds),
                runs.Sum(r => r.EvaluationTime.TotalSeconds),
                decays.Select((w, i) => new NoKdGridPoint(w, noKdMeans[i], i == chosenDecay)).ToArray(),
                decays[chosenDecay],
                new VerificationDecision(minEffect, source, alpha, plan.Looks, alphaPerLook, low, high, seeds, stop));
        }

        SeedRun[] TrainInParallel(int from, int to)
        {
            // Seeds are independent: their own split, initial weights (drawn under CreationGate) and batch order. With one
            // intra-op thread each op is computed on its calling thread in the same order as sequentially, so the results are identical.
            var results = new SeedRun[to - from];
            try
            {
                Parallel.For(from, to, new ParallelOptions { MaxDegreeOfParallelism = o.ParallelSeeds, CancellationToken = ct }, s => results[s - from] = TrainSeed(s, to));
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            return results;
        }

        SeedRun TrainSeed(int s, int planned)
        {
            ct.ThrowIfCancellationRequested();
            var teacherClock = new Stopwatch();
            var studentClock = new Stopwatch();
            var evaluationClock = new Stopwatch();
            var seed = unchecked(o.Seed + s);
            void Report(string arm, int epoch, TrainingOutcome? done) =>
                progress?.Report(new VerificationProgress(teacherName, s, planned, arm, epoch, o.MaxEpochs, done is not null,
                    done is null ? null : Summary(arm, done, lossScale, d.IsClassification)));

            var (fit, validation) = ValidationSplit.Draw(d.TrainRows, d.ClassTrain, o.ValidationFraction, SeedStreams.Managed(seed, DistillationStreams.Split));
            ArmMetrics? teacherMetrics = null;
            var noKd = new ArmMetrics[decays.Count];
            var noKdValidation = new double[decays.Count];
            var kd = new ArmMetrics[grid.Count];
            var kdValidation = new double[grid.Count];

            // Modules are created outside any dispose scope (a scope would own and dispose their parameters).
            Sequential? teacher = null;
            Sequential student;
            lock (CreationGate)
            {
                if (d.TeacherTrain is not null)
                {
                    manual_seed(SeedStreams.Torch(seed, DistillationStreams.TeacherInit));
                    teacher = Mlp.Create(d.TeacherColumns, [o.HiddenUnits], d.Outputs);
                }

                manual_seed(SeedStreams.Torch(seed, DistillationStreams.StudentInit));
                student = Mlp.Create(d.StudentColumns, [o.HiddenUnits], d.Outputs);
            }

            using var studentOwner = student;
            var initial = Mlp.Snapshot(student); // one initial state, loaded into every student arm of this seed
            try
            {
                using var scope = NewDisposeScope();
                var yFit = Targets(d, fit);
                var yValidation = Targets(d, validation);

                Tensor teacherFit;
                if (teacher is not null)
                {
                    teacherClock.Start();
                    var data = new ArmTensors(Rows(d.TeacherTrain!, d.TeacherColumns, fit), yFit, null, Rows(d.TeacherTrain!, d.TeacherColumns, validation), yValidation);
                    var trained = ArmTrainer.Train(teacher, data, (output, y, _) => HardLoss(d, output, y), (output, y) => HardLoss(d, output, y),
                        o, SeedStreams.Managed(seed, DistillationStreams.TeacherBatches), e => Report("teacher", e, null), ct, $"teacher '{teacherName}' (seed {seed})");
                    using (no_grad())
                        teacherFit = teacher.call(data.XFit).detach();
                    teacherClock.Stop();
                    Report("teacher", trained.Epochs, trained);
                    teacherMetrics = Evaluate(d, teacher, teacherTest!, trained, evaluationClock);
                }
                else
                {
                    teacherFit = Rows(d.TeacherOutputsTrain!, d.Outputs, fit);
                }

                var studentData = new ArmTensors(Rows(d.StudentTrain, d.StudentColumns, fit), yFit, teacherFit, Rows(d.StudentTrain, d.StudentColumns, validation), yValidation);
                var batches = SeedStreams.Managed(seed, DistillationStreams.StudentBatches); // the same batch order in every arm

                for (var w = 0; w < decays.Count; w++)
                {
                    var arm = decays.Count == 1 ? "no-kd" : string.Create(CultureInfo.InvariantCulture, $"no-kd wd={decays[w]:G4}");
                    studentClock.Start();
                    Mlp.Load(student, initial);
                    var plain = ArmTrainer.Train(student, studentData, (output, y, _) => HardLoss(d, output, y), (output, y) => HardLoss(d, output, y),
                        o with { WeightDecay = decays[w] }, batches, e => Report(arm, e, null), ct, $"student without KD (teacher '{teacherName}', seed {seed})");
                    studentClock.Stop();
                    Report(arm, plain.Epochs, plain);
                    noKd[w] = Evaluate(d, student, studentTest, plain, evaluationClock);
                    noKdValidation[w] = plain.BestValidationLoss * lossScale;
                }

                for (var g = 0; g < grid.Count; g++)
                {
                    var (t, lambda) = grid[g];
                    var arm = ArmName(d, t, lambda);
                    Func<Tensor, Tensor, Tensor?, Tensor> loss = d.IsClassification
                        ? (output, y, teacherOutput) => DistillationLosses.Hinton(output, teacherOutput!, y, t, lambda)
                        : (output, y, teacherOutput) => DistillationLosses.Regression(output, y, teacherOutput!, lambda);
                    studentClock.Start();
                    Mlp.Load(student, initial);
                    var distilled = ArmTrainer.Train(student, studentData, loss, (output, y) => HardLoss(d, output, y), o, batches, e => Report(arm, e, null), ct, $"student with {arm} (teacher '{teacherName}', seed {seed})");
                    studentClock.Stop();
                    Report(arm, distilled.Epochs, distilled);
                    kd[g] = Evaluate(d, student, studentTest, distilled, evaluationClock);
                    kdValidation[g] = distilled.BestValidationLoss * lossScale;
                }
            }
            finally
            {
                teacher?.Dispose();
            }

            return new SeedRun(teacherMetrics, noKd, noKdValidation, kd, kdValidation, teacherClock.Elapsed, studentClock.Elapsed, evaluationClock.Elapsed);
        }
    }

    /// <summary>Default δ for classification: 0.005 accuracy (half a percentage point).</summary>
    internal const double DefaultAccuracyMinEffect = 0.005;

    /// <summary>Default δ for regression: 1 % of the no-KD arm's mean test MSE.</summary>
    internal const double DefaultMseShare = 0.01;

    /// <summary>
    /// The no-KD arm's weight decays: <see cref="VerificationOptions.NoKdWeightDecays"/>, or as many as the KD grid has points
    /// (<paramref name="configurations"/>): <see cref="VerificationOptions.WeightDecay"/> alone for one, else log-spaced
    /// w·10^(−1 + 2k/(G − 1)), k = 0 … G − 1, from w/10 to w·10 (w = 0.01 if the weight decay is 0). Duplicates are dropped.
    /// </summary>
    internal static IReadOnlyList<double> NoKdWeightDecays(VerificationOptions o, int configurations)
    {
        if (o.NoKdWeightDecays is { Count: > 0 } given) return given.Distinct().ToArray();
        if (configurations <= 1) return [o.WeightDecay];
        var w = o.WeightDecay > 0 ? o.WeightDecay : 0.01;
        return Enumerable.Range(0, configurations).Select(k => w * Math.Pow(10, -1 + 2.0 * k / (configurations - 1))).Distinct().ToArray();
    }

    /// <summary>Every T × λ (classification, T outer), or every λ with T reported as 1 (regression, where T does not enter the loss). Duplicates are dropped.</summary>
    internal static IReadOnlyList<(double Temperature, double Lambda)> Grid(PreparedData d, VerificationOptions o) =>
        d.IsClassification
            ? o.Temperatures.Distinct().SelectMany(t => o.Lambdas.Distinct().Select(l => (t, l))).ToArray()
            : o.Lambdas.Distinct().Select(l => (1.0, l)).ToArray();

    private static string ArmName(PreparedData d, double t, double lambda) =>
        d.IsClassification
            ? string.Create(CultureInfo.InvariantCulture, $"kd T={t}, λ={lambda}")
            : string.Create(CultureInfo.InvariantCulture, $"kd λ={lambda}");

    private static string Summary(string arm, TrainingOutcome t, double lossScale, bool classification) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{arm}: best epoch {t.BestEpoch} of {t.Epochs} ({(t.StoppedEarly ? "early stop" : "epoch limit")}), validation {(classification ? "cross-entropy" : "MSE")} {t.BestValidationLoss * lossScale:G4}");

    /// <summary>Cross-entropy (classification) or MSE on the standardised target (regression), batch mean.</summary>
    private static Tensor HardLoss(PreparedData d, Tensor output, Tensor y) =>
        d.IsClassification ? cross_entropy(output, y) : mse_loss(output, y);

    private static Tensor Rows(float[] values, int columns, int[] rows)
    {
        var selected = new float[rows.Length * columns];
        for (var i = 0; i < rows.Length; i++)
            Array.Copy(values, rows[i] * columns, selected, i * columns, columns);
        return TorchSession.OnDevice(tensor(selected, [rows.Length, columns]));
    }

    private static Tensor Targets(PreparedData d, int[] rows)
    {
        if (d.IsClassification)
        {
            var c = new long[rows.Length];
            for (var i = 0; i < rows.Length; i++) c[i] = d.ClassTrain![rows[i]];
            return TorchSession.OnDevice(tensor(c));
        }

        return Rows(d.TargetTrain!, 1, rows);
    }

    private static ArmMetrics Evaluate(PreparedData d, Sequential model, Tensor x, TrainingOutcome training, Stopwatch clock)
    {
        clock.Start();
        try
        {
            var outputs = Mlp.Predict(model, x);
            if (d.IsClassification)
            {
                var p = VerificationMetrics.Softmax(outputs, d.Outputs);
                var predicted = VerificationMetrics.ArgMax(p, d.Outputs);
                return new ArmMetrics(
                    VerificationMetrics.Accuracy(d.ClassTest!, predicted),
                    VerificationMetrics.WeightedF1(d.ClassTest!, predicted, d.Outputs),
                    VerificationMetrics.MacroAuc(d.ClassTest!, p, d.Outputs),
                    VerificationMetrics.LogLoss(d.ClassTest!, p, d.Outputs),
                    null,
                    training.Epochs,
                    training.BestEpoch);
            }

            for (var i = 0; i < outputs.Length; i++) outputs[i] = outputs[i] * d.TargetScale + d.TargetMean;
            return new ArmMetrics(null, null, null, null, VerificationMetrics.Mse(d.TargetTest!, outputs), training.Epochs, training.BestEpoch);
        }
        finally
        {
            clock.Stop();
        }
    }

    /// <summary>The primary metric first (accuracy, or mse for regression), then the others that every seed has.</summary>
    private static PairedDifference[] Differences(PreparedData d, SeedOutcome[] seeds, double level)
    {
        PairedDifference Of(string metric, bool higherIsBetter, Func<ArmMetrics, double?> get) =>
            PairedComparison.Compute(metric, higherIsBetter, seeds.Select(s => get(s.Kd)!.Value).ToArray(), seeds.Select(s => get(s.NoKd)!.Value).ToArray(), level);

        if (!d.IsClassification) return [Of("mse", false, m => m.Mse)];
        var list = new List<PairedDifference>
        {
            Of("accuracy", true, m => m.Accuracy),
            Of("weightedF1", true, m => m.WeightedF1),
        };
        if (seeds.All(s => s.Kd.MacroAuc.HasValue && s.NoKd.MacroAuc.HasValue))
            list.Add(Of("macroAuc", true, m => m.MacroAuc));
        list.Add(Of("logLoss", false, m => m.LogLoss));
        return list.ToArray();
    }
}

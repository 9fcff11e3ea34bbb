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
    /// <summary>Runs the verification on checked, preprocessed data; call inside a <see cref="TorchSession"/>.</summary>
    public static VerificationResult Execute(string teacherName, PreparedData d, VerificationOptions o, IProgress<VerificationProgress>? progress, CancellationToken ct)
    {
        var grid = Grid(d, o);
        var seeds = o.Seeds;
        var teacherClock = new Stopwatch();
        var studentClock = new Stopwatch();
        var evaluationClock = new Stopwatch();
        var teacherMetrics = new ArmMetrics?[seeds];
        var noKd = new ArmMetrics[seeds];
        var kd = new ArmMetrics[seeds, grid.Count];
        var kdValidation = new double[seeds, grid.Count];
        var lossScale = d.IsClassification ? 1 : d.TargetScale * d.TargetScale; // regression losses back to squared target units

        using var studentTest = tensor(d.StudentTest, [d.TestRows, d.StudentColumns]);
        using var teacherTest = d.TeacherTest is null ? null : tensor(d.TeacherTest, [d.TestRows, d.TeacherColumns]);

        for (var s = 0; s < seeds; s++)
        {
            ct.ThrowIfCancellationRequested();
            var seedIndex = s;
            var seed = unchecked(o.Seed + s);
            void Report(string arm, int epoch, TrainingOutcome? done) =>
                progress?.Report(new VerificationProgress(teacherName, seedIndex, seeds, arm, epoch, o.MaxEpochs, done is not null,
                    done is null ? null : Summary(arm, done, lossScale, d.IsClassification)));

            var (fit, validation) = ValidationSplit.Draw(d.TrainRows, d.ClassTrain, o.ValidationFraction, SeedStreams.Managed(seed, DistillationStreams.Split));

            // Modules are created outside any dispose scope (a scope would own and dispose their parameters).
            Sequential? teacher = null;
            if (d.TeacherTrain is not null)
            {
                manual_seed(SeedStreams.Torch(seed, DistillationStreams.TeacherInit));
                teacher = Mlp.Create(d.TeacherColumns, [o.HiddenUnits], d.Outputs);
            }

            manual_seed(SeedStreams.Torch(seed, DistillationStreams.StudentInit));
            using var student = Mlp.Create(d.StudentColumns, [o.HiddenUnits], d.Outputs);
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
                    teacherMetrics[s] = Evaluate(d, teacher, teacherTest!, trained, evaluationClock);
                }
                else
                {
                    teacherFit = Rows(d.TeacherOutputsTrain!, d.Outputs, fit);
                }

                var studentData = new ArmTensors(Rows(d.StudentTrain, d.StudentColumns, fit), yFit, teacherFit, Rows(d.StudentTrain, d.StudentColumns, validation), yValidation);
                var batches = SeedStreams.Managed(seed, DistillationStreams.StudentBatches); // the same batch order in every arm

                studentClock.Start();
                Mlp.Load(student, initial);
                var plain = ArmTrainer.Train(student, studentData, (output, y, _) => HardLoss(d, output, y), (output, y) => HardLoss(d, output, y),
                    o, batches, e => Report("no-kd", e, null), ct, $"student without KD (teacher '{teacherName}', seed {seed})");
                studentClock.Stop();
                Report("no-kd", plain.Epochs, plain);
                noKd[s] = Evaluate(d, student, studentTest, plain, evaluationClock);

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
                    kd[s, g] = Evaluate(d, student, studentTest, distilled, evaluationClock);
                    kdValidation[s, g] = distilled.BestValidationLoss * lossScale;
                }
            }
            finally
            {
                teacher?.Dispose();
            }
        }

        // Selection on validation only: the lowest mean best-validation loss over seeds (first on ties).
        var chosen = 0;
        var means = new double[grid.Count];
        for (var g = 0; g < grid.Count; g++)
        {
            for (var s = 0; s < seeds; s++) means[g] += kdValidation[s, g] / seeds;
            if (means[g] < means[chosen]) chosen = g;
        }

        var gridPoints = grid.Select((p, g) => new GridPoint(p.Temperature, p.Lambda, means[g], g == chosen)).ToArray();
        var seedOutcomes = Enumerable.Range(0, seeds)
            .Select(s => new SeedOutcome(unchecked(o.Seed + s), teacherMetrics[s], noKd[s], kd[s, chosen]))
            .ToArray();
        var differences = Differences(d, seedOutcomes, o.ConfidenceLevel);
        var primary = differences[0];
        return new VerificationResult(
            teacherName,
            primary.Metric,
            PairedComparison.Decide(primary),
            grid[chosen].Temperature,
            grid[chosen].Lambda,
            differences,
            seedOutcomes,
            gridPoints,
            d.TrainRows,
            d.TestRows,
            teacherClock.Elapsed.TotalSeconds,
            studentClock.Elapsed.TotalSeconds,
            evaluationClock.Elapsed.TotalSeconds);
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
        return tensor(selected, [rows.Length, columns]);
    }

    private static Tensor Targets(PreparedData d, int[] rows)
    {
        if (d.IsClassification)
        {
            var c = new long[rows.Length];
            for (var i = 0; i < rows.Length; i++) c[i] = d.ClassTrain![rows[i]];
            return tensor(c);
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

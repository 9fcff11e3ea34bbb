// Cross-modal knowledge distillation: a teacher learns the label from a rich modality H_t; a student
// learns it from a cheaper one H_s, helped by the teacher's softened outputs (Hinton et al. 2015,
// arXiv:1503.02531). `dotnet build` has already run the CCH check on cch.json, which predicts whether
// distillation can help here: the teacher must share more with the student's features than those
// features share with the label (Xie, Xu & Sanguinetti 2025, arXiv:2510.13182).
using Cch;
using Cch.Configuration;
using Cch.Data;
using Cch.Neural;
using CchKd;
using MathNet.Numerics.Statistics;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

// 1. Settings: cch.json names the data and columns (the build's gate reads the same file), kd.json the
//    hyperparameters. Run from the project folder: `dotnet run`.
// 2. Data: Cch's loader reads list columns or column globs, joins files on a key, applies `where` filters
//    and names the file, column and row of any bad value. The first teacher listed in cch.json is used.
//    Bad input is reported as one line and exit code 2, as the cch tool does.
KdSettings kd;
Dataset data;
try
{
    var check = CheckSettings.From(CchConfigFile.Load("cch.json"));
    kd = KdSettings.Load("kd.json");
    data = await DatasetLoader.LoadAsync(check.Data! with { Teachers = [check.Data!.Teachers[0]] });
}
catch (Exception e) when (e is CchInputException or InvalidDataException or FileNotFoundException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

var classification = data.Label.Kind == LabelKind.Classification;
var outputs = classification ? data.Label.ClassCount : 1;

// 3. libtorch: TorchSharp 0.107's native wrapper needs a newer libstdc++ than Debian 12 and Ubuntu 22.04
//    ship, and fails there with a misleading error; Cch loads it with that one requirement relaxed.
//    Call it before anything touches torch. (Windows and macOS load libtorch as shipped.)
if (OperatingSystem.IsLinux()) TorchRuntime.Require();
torch.set_num_threads(1); // small MLPs train as fast on one thread, and results then repeat exactly

// 4. Hold out rows for evaluation; standardise each model's inputs with the training rows' statistics.
var (train, test) = Split(data.Rows, kd.TestFraction, kd.Seed);
var (teacherTrain, teacherTest) = Standardise(data.Teachers[0], train, test);
var (studentTrain, studentTest) = Standardise(data.Student, train, test);
var (yTrain, yTest) = classification ? Classes(data.Label.Classes!, train, test) : Standardise(data.Label.AsMatrix(), train, test);

// 5. The teacher; its outputs on the training rows become the student's soft targets.
using var teacher = NewMlp(teacherTrain.shape[1], kd.Seed);
Train(teacher, teacherTrain, yTrain, teacherOutputs: null, kd.Seed);
using var softTargets = Predict(teacher, teacherTrain);

// 6. Two students from the same initial weights and batch order: without and with distillation.
using var baseline = NewMlp(studentTrain.shape[1], kd.Seed + 1);
Train(baseline, studentTrain, yTrain, teacherOutputs: null, kd.Seed + 1);
using var student = NewMlp(studentTrain.shape[1], kd.Seed + 1);
Train(student, studentTrain, yTrain, softTargets, kd.Seed + 1);

// 7. Metrics on the held-out rows.
Console.WriteLine($"{data.Rows} rows: {train.Length} to train, {test.Length} held out · label {data.Label.Name}: " +
                  (classification ? $"{outputs} classes" : "regression (MSE in standard deviations² of the target)"));
Console.WriteLine($"teacher  {data.Teachers[0].Name,-12} {Evaluate(teacher, teacherTest, yTest)}");
Console.WriteLine($"student  {data.Student.Name,-12} {Evaluate(baseline, studentTest, yTest)}  (no distillation)");
Console.WriteLine($"student  {data.Student.Name,-12} {Evaluate(student, studentTest, yTest)}  (distilled: {(classification ? $"T = {kd.Temperature}, " : "")}λ = {kd.Lambda})");
return 0;

Mlp NewMlp(long inputs, int seed)
{
    torch.manual_seed(seed); // the initial weights: one seed, one start
    return new Mlp(inputs, kd.HiddenUnits, outputs);
}

void Train(Mlp model, Tensor x, Tensor y, Tensor? teacherOutputs, int seed)
{
    using var optimizer = new Adam(model.parameters(), kd.LearningRate);
    var order = Enumerable.Range(0, (int)x.shape[0]).Select(i => (long)i).ToArray();
    var random = new Random(seed);
    model.train();
    for (var epoch = 0; epoch < kd.Epochs; epoch++)
    {
        random.Shuffle(order);
        foreach (var batch in order.Chunk(kd.BatchSize))
        {
            using var scope = torch.NewDisposeScope(); // frees this step's tensors; without it memory grows every step
            using var rows = torch.tensor(batch);
            var loss = Loss(model.forward(x[rows]), y[rows], teacherOutputs?[rows]);
            optimizer.ZeroGrad();
            loss.backward();
            optimizer.Step();
        }
    }
}

// Classification, Hinton's loss: (1 − λ)·CE(z_s, y) + λ·T²·KL(softmax(z_t/T) ‖ softmax(z_s/T)), the T² keeping the
// soft term's gradients on the scale of the hard one. Regression: (1 − λ)·MSE(ŷ_s, y) + λ·MSE(ŷ_s, ŷ_t).
Tensor Loss(Tensor output, Tensor y, Tensor? teacherOutput)
{
    var hard = classification ? cross_entropy(output, y) : mse_loss(output, y);
    if (teacherOutput is null) return hard;
    Tensor soft;
    double softWeight;
    if (classification)
    {
        // kl_div(input, target) is KL(target ‖ input) with the input as log-probabilities. TorchSharp defaults to
        // log_target: true (PyTorch: false), so say which you mean. Summed here, divided by the rows below.
        using var t = kd.Temperature.ToScalar();
        soft = kl_div(log_softmax(output.div(t), 1), log_softmax(teacherOutput.div(t), 1), reduction: nn.Reduction.Sum, log_target: true);
        softWeight = kd.Lambda * kd.Temperature * kd.Temperature / output.shape[0];
    }
    else
    {
        soft = mse_loss(output, teacherOutput);
        softWeight = kd.Lambda;
    }

    // Explicit scalars: an implicitly converted double can be freed while libtorch still reads it (see Adam.cs).
    using var hardScale = (1 - kd.Lambda).ToScalar();
    using var softScale = softWeight.ToScalar();
    using var one = 1.0.ToScalar();
    return hard.mul(hardScale).add(soft.mul(softScale), one);
}

static Tensor Predict(Mlp model, Tensor x)
{
    using var noGrad = torch.no_grad();
    model.eval();
    return model.forward(x);
}

string Evaluate(Mlp model, Tensor x, Tensor y)
{
    using var scope = torch.NewDisposeScope();
    var output = Predict(model, x);
    return classification
        ? $"accuracy {output.argmax(1).eq(y).to_type(ScalarType.Float64).mean().item<double>():P1}"
        : $"MSE {mse_loss(output, y).item<float>():F4}";
}

static (long[] Train, long[] Test) Split(int rows, double testFraction, int seed)
{
    var order = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
    new Random(seed).Shuffle(order);
    var held = (int)Math.Round(rows * testFraction);
    return (order[held..], order[..held]);
}

// Each column minus the training rows' mean, over their SD (constant columns become 0), as float32 tensors.
static (Tensor Train, Tensor Test) Standardise(FeatureMatrix features, long[] train, long[] test)
{
    var columns = Enumerable.Range(0, features.Columns).Select(c =>
    {
        var values = train.Select(r => features[(int)r, c]).ToArray();
        var sd = values.PopulationStandardDeviation();
        return (Mean: values.Mean(), Sd: sd > 0 ? sd : 1);
    }).ToArray();
    Tensor Rows(long[] rows) => torch.tensor(
        rows.SelectMany(r => columns.Select((s, c) => (float)((features[(int)r, c] - s.Mean) / s.Sd))).ToArray(),
        [rows.Length, features.Columns]);
    return (Rows(train), Rows(test));
}

static (Tensor Train, Tensor Test) Classes(int[] classes, long[] train, long[] test) =>
    (torch.tensor(train.Select(r => (long)classes[r]).ToArray()), torch.tensor(test.Select(r => (long)classes[r]).ToArray()));

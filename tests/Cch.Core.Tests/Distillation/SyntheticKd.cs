using Cch.Data;
using Cch.Distillation;

namespace Cch.Tests.Distillation;

/// <summary>
/// Synthetic verification problems with a known answer.
/// <para>Privileged information (Vapnik and Izmailov 2015; Lopez-Paz et al. 2016, arXiv:1511.03643): a
/// latent u ~ N(0, I₂) sets the class posterior softmax(β·Wu) over 3 classes (W's rows 120° apart), and
/// labels are drawn from it, so hard labels are noisy. The teacher sees u; the student sees u plus
/// Gaussian noise and many irrelevant columns. With few training rows the teacher's soft outputs carry
/// far more about the posterior per row than one noisy label, so distillation must help.</para>
/// </summary>
internal static class SyntheticKd
{
    public sealed record Problem(VerificationData Data, double[] OracleLogitsTrain);

    /// <param name="trainRows">Training rows.</param>
    /// <param name="testRows">Test rows.</param>
    /// <param name="nuisance">Irrelevant student columns.</param>
    /// <param name="studentNoise">SD of the noise on the student's copy of u.</param>
    /// <param name="beta">Posterior sharpness (larger: less label noise).</param>
    /// <param name="seed">Data seed.</param>
    public static Problem Privileged(int trainRows, int testRows, int nuisance, double studentNoise, double beta, int seed)
    {
        var random = new Random(seed);
        var n = trainRows + testRows;
        var w = new double[3, 2];
        for (var k = 0; k < 3; k++)
        {
            w[k, 0] = Math.Cos(2 * Math.PI * k / 3);
            w[k, 1] = Math.Sin(2 * Math.PI * k / 3);
        }

        var teacher = new double[n * 2];
        var student = new double[n * (2 + nuisance)];
        var logits = new double[n * 3];
        var classes = new int[n];
        for (var i = 0; i < n; i++)
        {
            double u0 = Gaussian(random), u1 = Gaussian(random);
            teacher[i * 2] = u0;
            teacher[i * 2 + 1] = u1;
            var ds = 2 + nuisance;
            student[i * ds] = u0 + studentNoise * Gaussian(random);
            student[i * ds + 1] = u1 + studentNoise * Gaussian(random);
            for (var j = 2; j < ds; j++) student[i * ds + j] = Gaussian(random);
            var max = double.NegativeInfinity;
            for (var k = 0; k < 3; k++)
            {
                logits[i * 3 + k] = beta * (w[k, 0] * u0 + w[k, 1] * u1);
                max = Math.Max(max, logits[i * 3 + k]);
            }

            var sum = 0.0;
            for (var k = 0; k < 3; k++) sum += Math.Exp(logits[i * 3 + k] - max);
            var draw = random.NextDouble() * sum;
            var c = 0;
            var acc = Math.Exp(logits[i * 3] - max);
            while (acc < draw && c < 2)
            {
                c++;
                acc += Math.Exp(logits[i * 3 + c] - max);
            }

            classes[i] = c;
        }

        var train = Enumerable.Range(0, trainRows).ToArray();
        var test = Enumerable.Range(trainRows, testRows).ToArray();
        var h_t = new FeatureMatrix("teacher", n, 2, teacher);
        var h_s = new FeatureMatrix("student", n, 2 + nuisance, student);
        var y = LabelVector.ForClasses("y", classes, ["a", "b", "c"]);
        var data = new VerificationData
        {
            TeacherName = "privileged",
            TeacherTrain = h_t.SelectRows(train),
            TeacherTest = h_t.SelectRows(test),
            StudentTrain = h_s.SelectRows(train),
            StudentTest = h_s.SelectRows(test),
            LabelTrain = y.SelectRows(train),
            LabelTest = y.SelectRows(test),
        };
        return new Problem(data, new FeatureMatrix("oracle", n, 3, logits).SelectRows(train).Values);
    }

    /// <summary>A regression twin: y = u₀ + u₁ + noise; teacher sees u, student sees u + noise and nuisance columns.</summary>
    public static VerificationData Regression(int trainRows, int testRows, int nuisance, double studentNoise, double labelNoise, int seed)
    {
        var random = new Random(seed);
        var n = trainRows + testRows;
        var ds = 2 + nuisance;
        var teacher = new double[n * 2];
        var student = new double[n * ds];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            double u0 = Gaussian(random), u1 = Gaussian(random);
            teacher[i * 2] = u0;
            teacher[i * 2 + 1] = u1;
            student[i * ds] = u0 + studentNoise * Gaussian(random);
            student[i * ds + 1] = u1 + studentNoise * Gaussian(random);
            for (var j = 2; j < ds; j++) student[i * ds + j] = Gaussian(random);
            y[i] = 10 + 3 * (u0 + u1) + labelNoise * Gaussian(random);
        }

        var train = Enumerable.Range(0, trainRows).ToArray();
        var test = Enumerable.Range(trainRows, testRows).ToArray();
        var h_t = new FeatureMatrix("teacher", n, 2, teacher);
        var h_s = new FeatureMatrix("student", n, ds, student);
        var label = LabelVector.ForValues("y", y);
        return new VerificationData
        {
            TeacherName = "privileged",
            TeacherTrain = h_t.SelectRows(train),
            TeacherTest = h_t.SelectRows(test),
            StudentTrain = h_s.SelectRows(train),
            StudentTest = h_s.SelectRows(test),
            LabelTrain = label.SelectRows(train),
            LabelTest = label.SelectRows(test),
        };
    }

    /// <summary>Box–Muller standard normal.</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using System.Diagnostics;
using System.Globalization;
using Cch.Data;
using Cch.Estimators;
using Cch.Tests.Neural;
using Xunit.Abstractions;

namespace Cch.Tests.Estimators;

/// <summary>Skipped unless the environment variable CCH_MEASURE is set: the full-size measurements behind docs/estimators.md.</summary>
internal sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CCH_MEASURE")))
            Skip = "Full-size measurement (minutes): set CCH_MEASURE=1 (optionally CCH_MEASURE_ESTIMATORS=infonce,smile,mine,latent and CCH_MEASURE_CASES=pairs5,pairs25,pairs100,equi25,label100).";
    }
}

/// <summary>
/// The measurements of docs/estimators.md: each trained estimator at N = 10,000 on Gaussian tasks whose
/// MI is a closed form (Cover &amp; Thomas eq. 8.56) and on the binary mixture (quadrature). Prints a
/// Markdown table; results also go to $CCH_MEASURE_OUT when set.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class NeuralEstimatorMeasurements(ITestOutputHelper output)
{
    [MeasurementFact]
    public void Full_size_table()
    {
        var rows = int.Parse(Environment.GetEnvironmentVariable("CCH_MEASURE_ROWS") ?? "10000", CultureInfo.InvariantCulture);
        var estimators = (Environment.GetEnvironmentVariable("CCH_MEASURE_ESTIMATORS") ?? "infonce,smile,mine,latent").Split(',');
        var cases = (Environment.GetEnvironmentVariable("CCH_MEASURE_CASES") ?? "pairs5,pairs25,pairs100,equi25,label100").Split(',');
        var threads = int.Parse(Environment.GetEnvironmentVariable("CCH_MEASURE_THREADS") ?? "1", CultureInfo.InvariantCulture);
        var options = new NeuralEstimatorOptions { Threads = threads };
        // CCH_MEASURE_OPTIONS="HiddenUnits=64,LearningRate=5e-4": overrides for tuning runs.
        foreach (var pair in (Environment.GetEnvironmentVariable("CCH_MEASURE_OPTIONS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, text) = (pair.Split('=')[0], pair.Split('=')[1]);
            var property = typeof(NeuralEstimatorOptions).GetProperty(key)!;
            options = options with { };
            property.SetValue(options, Convert.ChangeType(text, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, CultureInfo.InvariantCulture));
        }

        output.WriteLine(options.ToString());
        var lines = new List<string> { "| estimator | task | truth | estimate | SE | 95 % interval | epochs | fold values | time (s) | notes |", "|---|---|---|---|---|---|---|---|---|---|" };
        // CCH_MEASURE_DATASEEDS=10: repeat every cell over data seeds 0…9 and compare the spread with the mean SE.
        if (Environment.GetEnvironmentVariable("CCH_MEASURE_DATASEEDS") is { Length: > 0 } repeats)
        {
            foreach (var c in cases)
                foreach (var name in estimators)
                {
                    var runs = Enumerable.Range(0, int.Parse(repeats, CultureInfo.InvariantCulture)).Select(s => Run(c, name, rows, options, s)).ToArray();
                    var values = runs.Select(r => r.Estimate.Value).ToArray();
                    var mean = values.Average();
                    var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
                    var covered = runs.Count(r => Math.Abs(r.Estimate.Value - mean) <= 1.96 * r.Estimate.Interval!.StandardError);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {c} | {runs[0].Truth:F4} | {mean:F4} ± {sd:F4} | {runs.Average(r => r.Estimate.Interval!.StandardError):F4} | {covered}/{runs.Length} | {string.Join(" ", runs.Select(r => string.Join("/", r.Estimate.Training!.RepeatValues.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))))} |"));
                }

            return;
        }

        foreach (var c in cases)
        {
            foreach (var name in estimators)
            {
                var clock = Stopwatch.StartNew();
                var (truth, estimate) = Run(c, name, rows, options);
                clock.Stop();
                var se = estimate.Interval!.StandardError;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {c} | {truth:F4} | {estimate.Value:F4} | {se:F4} | [{estimate.Value - 1.96 * se:F3}, {estimate.Value + 1.96 * se:F3}] | {estimate.Training?.Epochs:F1} | {string.Join(" / ", estimate.Training?.RepeatValues.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)) ?? [])} | {clock.Elapsed.TotalSeconds:F1} | {string.Join(" ", estimate.Notes)} |");
                output.WriteLine(line);
                lines.Add(line);
                if (Environment.GetEnvironmentVariable("CCH_MEASURE_OUT") is { Length: > 0 } path) File.WriteAllLines(path, lines);
            }
        }
    }

    private static (double Truth, MutualInformationEstimate Estimate) Run(string task, string name, int n, NeuralEstimatorOptions o, int seed = 1)
    {
        IMutualInformationEstimator continuous = name switch
        {
            "infonce" => new InfoNceEstimator(o),
            "smile" => new SmileEstimator(o),
            "mine" => new MineEstimator(o),
            "latent" => new LatentEstimator(o),
            _ => throw new ArgumentException(name),
        };
        var label = (ILabelMutualInformationEstimator)continuous;
        switch (task)
        {
            case "label100":
            {
                var (x, classes) = EstimatorTestData.BinaryMixture(n, 1.0, seed, noiseDims: 99);
                return (EstimatorTestData.BinaryMixtureMi(1.0), label.EstimateDetailed(x, classes));
            }
            case ['e', 'q', 'u', 'i', ..]:
            {
                // equiD (ρ = 0.5) or equiDrR (ρ = 0.R): D + D dimensions, every pair of coordinates correlated ρ.
                var parts = task["equi".Length..].Split('r');
                var d = int.Parse(parts[0], CultureInfo.InvariantCulture);
                var rho = parts.Length > 1 ? double.Parse("0." + parts[1], CultureInfo.InvariantCulture) : 0.5;
                var (x, y) = EstimatorTestData.Equicorrelated(n, d, rho, seed);
                return (EstimatorTestData.GaussianMi(EstimatorTestData.EquicorrelationMatrix(2 * d, rho), d), continuous.EstimateDetailed(x, y));
            }
            default:
            {
                var d = int.Parse(task["pairs".Length..], CultureInfo.InvariantCulture);
                var (x, y) = EstimatorTestData.TwoPairs(n, d, 0.8, seed);
                // pairsD: D + D dimensions, (X₀,Y₀) and (X₁,Y₁) correlated 0.8, the rest independent.
                return (-Math.Log(1 - 0.64), continuous.EstimateDetailed(x, y));
            }
        }
    }
}

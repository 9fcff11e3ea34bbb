using Cch.Criterion;
using Cch.Data;
using Cch.Synthetic;

namespace Cch.Tests.Criterion;

/// <summary>
/// A small subset of the accuracy benchmark (docs/accuracy.md) as tests: <c>auto</c>, exactly as the
/// criterion runs it (<see cref="EstimatorSelection"/>), on tasks with published or closed-form truths
/// (<see cref="Cch.Synthetic"/>: bmi v1, Czyż et al. 2023; Gaussian closed forms; 1-d quadrature for
/// the label tasks). Tolerances: |bias| + 3·SD of the benchmark's seed spread (10 seeds for v1,
/// 20 for the probe), rounded up.
/// </summary>
public sealed class AutoAccuracyTests
{
    private static readonly EstimatorSelection Auto = EstimatorSelection.Create(new CriterionOptions());

    [Theory]
    // Copula (50 > 20 dims); 10 seeds: mean 1.2887, SD 0.008 → tol 0.03.
    [InlineData("multinormal-dense-25-25-0.5", 0.03, 0.03)]
    // max(ksg-ranks, copula, cca-ksg); 10 seeds: mean 1.0189, SD 0.018 → tol 0.06.
    [InlineData("half_cube-multinormal-sparse-5-5-2-2.0", 0.06, 0.06)]
    // Heavy tails: the k-NN component wins; 10 seeds: mean 0.3953 (bias −0.037), SD 0.019 → −0.095 / +0.02.
    [InlineData("student-identity-2-2-1", 0.095, 0.02)]
    public void On_bmi_v1_tasks_auto_is_within_its_measured_error(string id, double below, double above)
    {
        var task = BmiTasks.V1.Single(t => t.Id == id);
        var (x, y) = task.Sample(5000, seed: 0);

        var estimate = Auto.Pair(x, y).Estimate().Value;

        Assert.InRange(estimate, task.MutualInformation - below, task.MutualInformation + above);
    }

    [Fact]
    public void Two_pairs_in_100_plus_100_dimensions_are_within_5_percent()
    {
        // Copula; 8 seeds at N = 10,000: mean 1.0202, SD 0.012 → 5 % (0.051) is 4 SD.
        var task = HighDimensionalTasks.All.Single(t => t.Id == "multinormal-sparse-100-100-2-2.0");
        var (x, y) = task.Sample(10000, seed: 0);

        var term = Auto.Pair(x, y);

        Assert.Equal("copula", term.Name);
        Assert.InRange(term.Estimate().Value, 0.95 * task.MutualInformation, 1.05 * task.MutualInformation);
    }

    [Theory]
    // Probe (100 > 20 dims); 20 seeds: −1.9 % ± 1.8 % → within 10 %.
    [InlineData("label-binary-gaussian-100-1.0")]
    // max(mixed-ranks, probe, cca-ksg) (20 dims); the probe alone is −0.3 % ± 2 % here.
    [InlineData("label-10class-gaussian-20-1.5")]
    public void Label_mixtures_are_within_10_percent(string id)
    {
        var task = LabelTasks.All.Single(t => t.Id == id);
        var (x, classes) = task.Sample(10000, seed: 0);
        var label = LabelVector.ForClasses("y", classes, Enumerable.Range(0, task.ClassCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());

        var estimate = Auto.Label(x, label).Estimate().Value;

        Assert.InRange(estimate, 0.9 * task.MutualInformation, 1.1 * task.MutualInformation);
    }
}

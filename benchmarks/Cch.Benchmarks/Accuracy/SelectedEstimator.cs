using Cch.Criterion;
using Cch.Data;
using Cch.Estimators;

namespace Cch.Benchmarks.Accuracy;

/// <summary>
/// An estimator family as the criterion runs it (<see cref="EstimatorSelection"/>; for <c>auto</c> the
/// choice is made per task from its dimensions), so the benchmark measures exactly what a check uses.
/// </summary>
internal sealed class SelectedEstimator(EstimatorFamily family, int seed) : IMutualInformationEstimator, ILabelMutualInformationEstimator
{
    private readonly EstimatorSelection _selection = EstimatorSelection.Create(new CriterionOptions { Estimator = family, Seed = seed });

    public string Name => EstimatorFamilyNames.Of(family);

    public int MinimumRows => 3;

    public double Estimate(FeatureMatrix x, FeatureMatrix y) => _selection.Pair(x, y).Estimate().Value;

    public double Estimate(FeatureMatrix x, ReadOnlySpan<int> classes) =>
        _selection.Label(x, LabelVector.ForClasses("y", classes.ToArray(), ClassNames(classes))).Estimate().Value;

    private static string[] ClassNames(ReadOnlySpan<int> classes)
    {
        var max = 0;
        foreach (var c in classes) max = Math.Max(max, c);
        return Enumerable.Range(0, max + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }
}

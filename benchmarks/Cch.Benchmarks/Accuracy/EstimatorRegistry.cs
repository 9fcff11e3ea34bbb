using Cch.Estimators;

namespace Cch.Benchmarks.Accuracy;

/// <summary>
/// The estimators the accuracy runner knows, by name: one table for continuous X, Y
/// (<see cref="IMutualInformationEstimator"/>, run on the v1 and high-dimensional suites) and one for a
/// discrete label (<see cref="ILabelMutualInformationEstimator"/>, run on the label suite). Each factory
/// takes the replicate's seed (the data seed), for estimators that use one. To benchmark a new
/// estimator, add one line to a table; the name is what <c>--estimators</c> selects and what the report shows.
/// </summary>
internal static class EstimatorRegistry
{
    /// <summary>Estimators of I(X;Y) for continuous X and Y, in report order.</summary>
    public static readonly (string Name, Func<int, IMutualInformationEstimator> Create)[] Continuous =
    [
        ("auto", seed => new SelectedEstimator(Criterion.EstimatorFamily.Auto, seed)),
        ("ksg", seed => new KsgEstimator(k: 3, seed: seed)),
        ("gaussian", _ => new GaussianEstimator()),
        ("copula", _ => new CopulaEstimator()),
        ("cca-ksg", seed => new CcaKsgEstimator(3, seed)),
        ("ksg-ranks", seed => new KsgEstimator(k: 3, seed: seed, ranks: true)),
        ("latent", seed => new LatentEstimator(new NeuralEstimatorOptions { Seed = seed })),
        ("infonce", seed => new InfoNceEstimator(new NeuralEstimatorOptions { Seed = seed })),
        ("smile", seed => new SmileEstimator(new NeuralEstimatorOptions { Seed = seed })),
        ("mine", seed => new MineEstimator(new NeuralEstimatorOptions { Seed = seed })),
    ];

    /// <summary>Estimators of I(X;Y) for continuous X and a class label Y, in report order.</summary>
    public static readonly (string Name, Func<int, ILabelMutualInformationEstimator> Create)[] Label =
    [
        ("auto", seed => new SelectedEstimator(Criterion.EstimatorFamily.Auto, seed)),
        ("mixed", seed => new MixedEstimator(k: 3, seed: seed)),
        ("gaussian", _ => new GaussianLabelEstimator()),
        ("copula", _ => new CopulaLabelEstimator()),
        ("cca-ksg", seed => new CcaKsgEstimator(3, seed)),
        ("mixed-ranks", seed => new MixedEstimator(k: 3, seed: seed, ranks: true)),
        ("probe", seed => new ProbeEstimator(seed: seed)),
        ("latent", seed => new LatentEstimator(new NeuralEstimatorOptions { Seed = seed })),
        ("infonce", seed => new InfoNceEstimator(new NeuralEstimatorOptions { Seed = seed })),
        ("smile", seed => new SmileEstimator(new NeuralEstimatorOptions { Seed = seed })),
        ("mine", seed => new MineEstimator(new NeuralEstimatorOptions { Seed = seed })),
    ];

    /// <summary>Every registered name, continuous first, without duplicates.</summary>
    public static IReadOnlyList<string> AllNames =>
        Continuous.Select(e => e.Name).Concat(Label.Select(e => e.Name)).Distinct(StringComparer.Ordinal).ToArray();
}

using Cch.Data;
using Cch.Synthetic.Internal;

namespace Cch.Synthetic;

/// <summary>
/// A distribution of a continuous X (d-dimensional) and a discrete label Y ∈ {0, …, C−1} whose mutual
/// information I(X;Y) is known: class-conditional Gaussian mixtures with equal priors, unit variance and
/// means on the first coordinate; the other coordinates are independent N(0, 1) noise. The truth is
/// ln C − E[H(Y | X)], by one-dimensional quadrature (the noise coordinates carry no information).
/// </summary>
/// <remarks>
/// Samples are drawn i.i.d. from the joint distribution (the class counts vary around N/C): the N classes
/// first, then the N·d standard normals row by row, from one <see cref="Random"/> seeded with the seed.
/// X is not rescaled.
/// </remarks>
public sealed class LabelTask
{
    private readonly double[] _means;
    private readonly Lazy<(double Value, double Error)> _truth;

    internal LabelTask(string id, string name, int dim, double[] means)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dim, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(means.Length, 2);
        Id = id;
        Name = name;
        Dim = dim;
        _means = means;
        _truth = new(() => MixtureQuadrature.LabelMutualInformation(_means), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The task id (e.g. <c>label-binary-gaussian-5-1.0</c>).</summary>
    public string Id { get; }

    /// <summary>A display name.</summary>
    public string Name { get; }

    /// <summary>Dimension d of X.</summary>
    public int Dim { get; }

    /// <summary>Number of classes C.</summary>
    public int ClassCount => _means.Length;

    /// <summary>The mean of X's first coordinate in each class (the other coordinates have mean 0).</summary>
    public IReadOnlyList<double> ClassMeans => _means;

    /// <summary>The true mutual information I(X;Y) in nats (quadrature, computed on first use; error &lt; 1e-10).</summary>
    public double MutualInformation => _truth.Value.Value;

    /// <summary>A short description of how the truth is computed.</summary>
    public string TruthSource =>
        "ln C − E[H(Y|X)] (Cover & Thomas 2006, eq. 2.43) by adaptive Gauss–Kronrod quadrature (MathNet) over ±12 SD";

    /// <summary>The quadrature's error bound on <see cref="MutualInformation"/>, in nats.</summary>
    internal double TruthErrorBound => _truth.Value.Error;

    /// <summary>Draws <paramref name="n"/> independent (x, y) pairs.</summary>
    /// <param name="n">Number of samples N ≥ 1.</param>
    /// <param name="seed">Seed ≥ 0 (negative seeds are refused: <see cref="Random"/> would treat −s like s).</param>
    /// <returns>X (N×d) and the class index 0..C−1 of each row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> &lt; 1 or <paramref name="seed"/> &lt; 0.</exception>
    public (FeatureMatrix X, int[] Classes) Sample(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var random = new Random(seed);
        var classes = new int[n];
        for (var i = 0; i < n; i++) classes[i] = random.Next(_means.Length);
        var x = new double[(long)n * Dim];
        Samplers.FillStandardNormal(random, x);
        for (var i = 0; i < n; i++) x[(long)i * Dim] += _means[classes[i]];
        return (new FeatureMatrix(Id + ":x", n, Dim, x), classes);
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}

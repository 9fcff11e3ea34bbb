using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Tests.Neural;

/// <summary>Truth: closed forms evaluated in double precision by System.Math (softplus = ln(1 + eˣ), leaky ReLU = max(x, 0.2x)).</summary>
[Collection(TorchCollection.Name)]
public sealed class ExplicitScalarsTests
{
    public ExplicitScalarsTests() => TorchCollection.Ready();

    private static readonly double[] Points = [-60, -3, -0.5, 0, 0.5, 3, 60];

    private static double[] Values(Tensor t)
    {
        using var a = t.data<double>();
        return a.ToArray();
    }

    [Fact]
    public void Arithmetic_matches_closed_forms()
    {
        using var scope = NewDisposeScope();
        var x = tensor(Points);
        var y = tensor(Points.Select(p => p * p).ToArray());

        // ln(1 + eˣ) in double: exact to rounding for these points (60 → 60 + e^-60), so 1e-12 relative.
        var expectedSoftplus = Points.Select(p => p > 30 ? p + Math.Exp(-p) : Math.Log(1 + Math.Exp(p))).ToArray();
        Assert.All(Values(ExplicitScalars.Softplus(x)).Zip(expectedSoftplus), p => Assert.Equal(p.Second, p.First, 1e-12 * Math.Max(1, Math.Abs(p.Second))));
        Assert.Equal(Points.Select(p => p * 2.5), Values(ExplicitScalars.Scale(x, 2.5)));
        Assert.Equal(Points.Select(p => p + p * p), Values(ExplicitScalars.Sum(x, y)));
        Assert.Equal(Points.Select(p => p - p * p), Values(ExplicitScalars.Difference(x, y)));
        Assert.Equal(Points.Select(p => p - 1.5), Values(ExplicitScalars.Shift(x, -1.5)));
        Assert.Equal(Points.Select(p => Math.Clamp(p, -5, 5)), Values(ExplicitScalars.Clamp(x, -5, 5)));
        using var leaky = new LeakyRelu(0.2);
        Assert.Equal(Points.Select(p => Math.Max(p, 0.2 * p)), Values(leaky.call(x)));
    }
}

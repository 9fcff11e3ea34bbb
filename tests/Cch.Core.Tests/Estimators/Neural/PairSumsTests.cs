using Cch.Estimators.Neural;
using Cch.Neural;
using Cch.Tests.Neural;
using static TorchSharp.torch;

namespace Cch.Tests.Estimators.Neural;

/// <summary>
/// Truth: the defining sums written out as plain double loops over all pairs (brute force), and for the
/// influence terms the jackknife: leaving row i out moves the DV value by about −ψ_i/(n − 1), so the
/// pseudo-values (n − 1)(θ̂ − θ̂₋ᵢ) must agree with ψ_i up to second-order terms (Efron &amp; Stein 1981;
/// van der Vaart, Asymptotic Statistics, §12.1 for the U-statistic projection).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class PairSumsTests
{
    public PairSumsTests() => TorchCollection.Ready();

    private static (double[,] G, double[,] H) Embeddings(int n, int e, int seed)
    {
        var values = EstimatorTestData.StandardNormal(new Random(seed), 2 * n * e);
        var g = new double[n, e];
        var h = new double[n, e];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < e; k++)
            {
                g[i, k] = values[i * e + k];
                h[i, k] = 0.7 * values[i * e + k] + 0.5 * values[n * e + i * e + k]; // h_i correlated with g_i
            }

        return (g, h);
    }

    private static double Score(double[,] g, double[,] h, int i, int j)
    {
        var s = 0.0;
        for (var k = 0; k < g.GetLength(1); k++) s += g[i, k] * h[j, k];
        return s;
    }

    private static PairSums Compute(double[,] g, double[,] h, double? clip, bool softplus) =>
        TorchSession.Run(1, () =>
        {
            using var scope = NewDisposeScope();
            return PairSums.Compute(tensor(g), tensor(h), clip, softplus, CancellationToken.None);
        });

    [Theory]
    [InlineData(null)]
    [InlineData(1.0)]
    public void Sums_match_brute_force_over_several_chunks(double? clip)
    {
        // n = 1,500 rows: chunks of 2¹⁸ / 1500 = 174 rows, so nine chunks and diagonals at every offset.
        const int n = 1500;
        var (g, h) = Embeddings(n, 4, seed: 1);
        var sums = Compute(g, h, clip, softplus: true);

        var shift = clip is null ? Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, n).Select(j => Score(g, h, i, j))).Max() : 0;
        Assert.Equal(shift, sums.Shift, 1e-12);
        double Phi(double s) => clip is { } tau ? Math.Exp(Math.Clamp(s, -tau, tau)) : Math.Exp(s - shift);
        var softplusSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            var column = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                row += Phi(Score(g, h, i, j));
                column += Phi(Score(g, h, j, i));
                var s = Score(g, h, i, j);
                softplusSum += Math.Max(s, 0) + Math.Log(1 + Math.Exp(-Math.Abs(s)));
            }

            // Summation order differs (libtorch's vectorised reductions): relative 1e-10 is ~10⁶ ulps of slack.
            Assert.Equal(Score(g, h, i, i), sums.Positive[i], 1e-10);
            Assert.Equal(1, sums.RowSum[i] / row, 1e-10);
            Assert.Equal(1, sums.ColumnSum[i] / column, 1e-10);
        }

        Assert.Equal(1, sums.SoftplusOffDiagonal / softplusSum, 1e-10);
    }

    [Fact]
    public void Donsker_Varadhan_value_is_the_formula_and_its_influence_matches_the_jackknife()
    {
        const int n = 200;
        var (g, h) = Embeddings(n, 3, seed: 2);
        var (value, influence) = Compute(g, h, null, false).DonskerVaradhan();

        double Dv(IReadOnlyList<int> rows)
        {
            var m = rows.Count;
            var joint = rows.Average(i => Score(g, h, i, i));
            var marginal = 0.0;
            foreach (var i in rows)
                foreach (var j in rows)
                    if (i != j) marginal += Math.Exp(Score(g, h, i, j));
            return joint - Math.Log(marginal / (m * (m - 1.0)));
        }

        var all = Enumerable.Range(0, n).ToArray();
        Assert.Equal(Dv(all), value, 1e-10);
        Assert.Equal(0, influence.Average(), 1e-12);

        // Jackknife pseudo-values; agreement up to O(1/n) terms: correlation > 0.99 and a matching spread.
        var pseudo = all.Select(i => (n - 1) * (value - Dv(all.Where(r => r != i).ToArray()))).ToArray();
        var pm = pseudo.Average();
        var cov = pseudo.Zip(influence).Sum(p => (p.First - pm) * p.Second);
        var vp = pseudo.Sum(p => (p - pm) * (p - pm));
        var vi = influence.Sum(p => p * p);
        Assert.InRange(cov / Math.Sqrt(vp * vi), 0.99, 1.0);
        Assert.InRange(Math.Sqrt(vi / vp), 0.9, 1.1);
    }
}

using Cch.Estimators.Neural;
using Cch.Neural;
using Cch.Tests.Neural;
using static TorchSharp.torch;

namespace Cch.Tests.Estimators.Neural;

/// <summary>
/// Truth: InfoNCE's per-row term written out by hand, t_i = S_ii − ln Σ_j e^{S_ij} + ln K over the row's
/// batch (van den Oord et al. 2018, eq. 4), and its bound t_i ≤ ln K (the sum contains e^{S_ii}).
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class InfoNceObjectiveTests
{
    public InfoNceObjectiveTests() => TorchCollection.Ready();

    private static HeldOutBound Evaluate(double[,] g, double[,] h, int maxBatch) =>
        TorchSession.Run(1, () =>
        {
            using var scope = NewDisposeScope();
            return new InfoNceObjective(maxBatch).Evaluate(tensor(g), tensor(h), seed: 5, withLoss: true, CancellationToken.None);
        });

    private static double[,] Random2D(int n, int e, int seed, double[,]? correlated = null)
    {
        var v = EstimatorTestData.StandardNormal(new Random(seed), n * e);
        var m = new double[n, e];
        for (var i = 0; i < n; i++)
            for (var k = 0; k < e; k++) m[i, k] = (correlated?[i, k] ?? 0) + v[i * e + k];
        return m;
    }

    [Fact]
    public void One_batch_matches_the_formula_row_by_row()
    {
        const int n = 300;
        var g = Random2D(n, 4, 1);
        var h = Random2D(n, 4, 2, g);
        var bound = Evaluate(g, h, maxBatch: 1000);

        double S(int i, int j) => Enumerable.Range(0, 4).Sum(k => g[i, k] * h[j, k]);
        double Lse(int i)
        {
            var max = Enumerable.Range(0, n).Max(j => S(i, j));
            return max + Math.Log(Enumerable.Range(0, n).Sum(j => Math.Exp(S(i, j) - max)));
        }

        var lse = Enumerable.Range(0, n).Select(Lse).ToArray();
        var terms = Enumerable.Range(0, n).Select(i => S(i, i) - lse[i] + Math.Log(n)).ToArray();
        // Influence: own term minus the row's weight as a negative in every row's softmax (Hájek projection).
        var influence = Enumerable.Range(0, n).Select(m => terms[m] - Enumerable.Range(0, n).Sum(k => Math.Exp(S(k, m) - lse[k]))).ToArray();
        Assert.Equal(terms.Average(), bound.Value, 1e-10);
        for (var i = 0; i < n; i++) Assert.Equal(influence[i] - influence.Average(), bound.Influence[i], 1e-9);
        Assert.All(bound.LogK!, k => Assert.Equal(Math.Log(n), k));
        Assert.Equal(-bound.Value, bound.Loss);
    }

    [Fact]
    public void Batches_are_near_equal_and_the_bound_is_at_most_the_mean_ln_K()
    {
        const int n = 103; // three batches of ≤ 40 rows: 35, 34, 34
        var g = Random2D(n, 2, 3);
        var h = Random2D(n, 2, 4, g);
        var bound = Evaluate(g, h, maxBatch: 40);

        var sizes = bound.LogK!.Select(k => (int)Math.Round(Math.Exp(k))).GroupBy(k => k).ToDictionary(b => b.Key, b => b.Count());
        Assert.Equal(new Dictionary<int, int> { [35] = 35, [34] = 68 }, sizes);
        Assert.True(bound.Value <= bound.LogK!.Average() + 1e-12);
    }
}

using Cch.Neural;
using TorchSharp;
using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// Sums over all mismatched pairs (i ≠ j) of n rows for the Donsker–Varadhan-type bounds, computed in
/// float64 from the embeddings in chunks of rows (no n×n matrix is kept). With S_ij = g(x_i)ᵀh(y_j) and
/// φ(s) = e^(s − c) (a shift c = max S against overflow; it cancels) or e^clamp(s, −τ, τ) (SMILE):
/// P_i = S_ii, RowSum_i = Σ_{j≠i} φ(S_ij), ColumnSum_j = Σ_{i≠j} φ(S_ij), and optionally
/// Σ_{i≠j} softplus(S_ij). The diagonal is zeroed inside each chunk, so nothing is subtracted afterwards.
/// Chunks hold at most <see cref="ChunkElements"/> scores (2 MB) and the elementwise work is done in place:
/// large buffers are mmapped afresh by glibc (or trimmed and re-faulted), and their page faults (measured:
/// ~200 ms per 40 MB buffer on the 2-core VM, ~40 ns per element) cost far more than the arithmetic.
/// </summary>
internal sealed record PairSums(double[] Positive, double[] RowSum, double[] ColumnSum, double Shift, double SoftplusOffDiagonal)
{
    /// <summary>Scores per chunk, 2¹⁸ (2 MB of float64).</summary>
    public const int ChunkElements = 1 << 18;

    /// <summary>Computes the sums.</summary>
    /// <param name="g">g(x), n×E float64.</param>
    /// <param name="h">h(y), n×E float64.</param>
    /// <param name="clip">τ for SMILE's clipped ratios, or <c>null</c> for the shifted exponential.</param>
    /// <param name="softplus">Whether to sum softplus(S_ij) over i ≠ j too.</param>
    /// <param name="cancellationToken">Checked between chunks.</param>
    public static PairSums Compute(Tensor g, Tensor h, double? clip, bool softplus, CancellationToken cancellationToken)
    {
        var n = (int)g.shape[0];
        var chunk = Math.Max(1, ChunkElements / n);
        using var scope = NewDisposeScope();
        var ht = h.t();
        var shift = 0.0;
        if (clip is null)
        {
            shift = double.NegativeInfinity;
            for (var r0 = 0; r0 < n; r0 += chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var inner = NewDisposeScope();
                shift = Math.Max(shift, g.narrow(0, r0, Math.Min(chunk, n - r0)).matmul(ht).max().item<double>());
            }
        }

        var rows = new double[n];
        var columns = new double[n];
        var softplusSum = 0.0;
        using var one = 1.0.ToScalar();
        using var lo = (-(clip ?? 0)).ToScalar();
        using var hi = (clip ?? 0).ToScalar();
        using var minusShift = (-shift).ToScalar();
        for (var r0 = 0; r0 < n; r0 += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var inner = NewDisposeScope();
            var length = Math.Min(chunk, n - r0);
            var s = g.narrow(0, r0, length).matmul(ht); // rows r0…r0+length−1 against all n columns
            if (softplus)
            {
                // softplus(s) = relu(s) + ln(1 + e^(−|s|)), in place on two buffers.
                var sp = s.abs().neg_().exp_().log1p_().add_(s.relu(), one);
                sp.diagonal(r0).zero_();
                softplusSum += sp.sum().item<double>();
            }

            var e = clip is null ? s.add_(minusShift, one) : s.clamp_(lo, hi); // in place: no second buffer
            e.exp_();
            e.diagonal(r0).zero_(); // entries (i, r0 + i): the joint pairs
            TorchSession.HostArray<double>(e.sum(1)).CopyTo(rows, r0);
            var chunkColumns = TorchSession.HostArray<double>(e.sum(0L)); // 0L: a literal 0 would bind to sum(ScalarType) and sum everything as bytes
            for (var j = 0; j < n; j++) columns[j] += chunkColumns[j];
        }

        return new PairSums(TorchSession.HostArray<double>(g.mul(h).sum(1)), rows, columns, shift, softplusSum);
    }

    /// <summary>
    /// The DV form mean(P) − ln M with M = (1/(n(n−1))) Σ_{i≠j} φ(S_ij) (+ the shift), and its per-row
    /// influence: ψ_i = (P_i − mean P) − (a_i + b_i − 2M)/M with a_i = RowSum_i/(n−1), b_i = ColumnSum_i/(n−1).
    /// The second part is the delta method on the Hoeffding projection of the pair mean M, a U-statistic
    /// whose variance is ≈ Var(a_i + b_i)/n (Hoeffding 1948; van der Vaart, Asymptotic Statistics, §12.1).
    /// </summary>
    public (double Value, double[] Influence) DonskerVaradhan()
    {
        var n = Positive.Length;
        var meanP = Positive.Sum() / n;
        var m = RowSum.Sum() / ((double)n * (n - 1));
        var influence = new double[n];
        for (var i = 0; i < n; i++)
            influence[i] = Positive[i] - meanP - ((RowSum[i] + ColumnSum[i]) / (n - 1) - 2 * m) / m;
        return (meanP - (Shift + Math.Log(m)), Centred(influence));
    }

    /// <summary>Subtracts the mean (sequential sums), so the terms average exactly 0 up to rounding.</summary>
    public static double[] Centred(double[] v)
    {
        var mean = 0.0;
        foreach (var x in v) mean += x;
        mean /= v.Length;
        for (var i = 0; i < v.Length; i++) v[i] -= mean;
        return v;
    }
}

using Cch.Neural;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Cch.Estimators.Neural;

/// <summary>
/// InfoNCE (van den Oord, Li &amp; Vinyals 2018, eq. 4; Poole et al. 2019, eq. 12):
/// I ≥ (1/K) Σ_i [f(x_i, y_i) − ln((1/K) Σ_j e^{f(x_i, y_j)})] over a batch of K joint pairs.
/// Trained on the cross-entropy of identifying y_i among the batch (the bound minus ln B); evaluated on
/// held-out rows split by a seeded permutation into batches of near-equal size K_b ≤
/// <see cref="NeuralEstimatorOptions.EvaluationBatchSize"/>. Each row's term is at most ln K_b, so the
/// estimate never exceeds the row-average of ln K_b.
/// <para>Influence terms: a row enters the bound twice — through its own term and as a negative y_m in
/// every other row's denominator — so its influence (the Hájek projection of the batch statistic;
/// Hoeffding 1948) is ψ_m = t_m − Σ_k P_km, with P_km = e^{S_km}/Σ_j e^{S_kj} the row-softmax of the
/// batch's scores (Σ_k P_km averages 1). Using t_m alone ignores that coupling and understates the
/// evaluation variance.</para>
/// </summary>
internal sealed class InfoNceObjective(int maxBatch) : CriticObjective
{
    /// <inheritdoc />
    public override string TrainedOn => "the InfoNCE loss";

    /// <inheritdoc />
    public override Tensor Loss(Tensor scores)
    {
        var b = scores.shape[0];
        if (b < 2) return Zero(scores);
        var targets = TorchSession.OnDevice(tensor(Enumerable.Range(0, (int)b).Select(i => (long)i).ToArray()));
        return cross_entropy(scores, targets);
    }

    /// <inheritdoc />
    public override HeldOutBound Evaluate(Tensor g, Tensor h, int seed, bool withLoss, CancellationToken cancellationToken)
    {
        var n = (int)g.shape[0];
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var batches = (n + maxBatch - 1) / maxBatch;
        var terms = new double[n];
        var influence = new double[n];
        var logK = new double[n];
        var start = 0;
        for (var b = 0; b < batches; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = n / batches + (b < n % batches ? 1 : 0);
            var rows = order.AsSpan(start, size).ToArray();
            start += size;
            using var scope = NewDisposeScope();
            var index = TorchSession.OnDevice(tensor(rows.Select(r => (long)r).ToArray()));
            var gb = g.index_select(0, index);
            var hbt = h.index_select(0, index).t();
            var positive = gb.mul(hbt.t()).sum(1);
            // ln Σ_j e^{S_ij} by chunks of rows of at most PairSums.ChunkElements scores (see there: large buffers page-fault),
            // and the column sums Σ_k P_kj of the row-softmax for the influence terms.
            var chunk = Math.Max(1, PairSums.ChunkElements / size);
            var parts = new List<Tensor>();
            Tensor? columnSums = null;
            for (var r0 = 0; r0 < size; r0 += chunk)
            {
                var scores = gb.narrow(0, r0, Math.Min(chunk, size - r0)).matmul(hbt);
                var lse = scores.logsumexp(1);
                parts.Add(lse);
                var sums = ExplicitScalars.Difference(scores, lse.unsqueeze(1)).exp().sum(0L);
                columnSums = columnSums is null ? sums : ExplicitScalars.Sum(columnSums, sums);
            }

            var t = ExplicitScalars.Difference(positive, cat(parts, 0L));
            var values = TorchSession.HostArray<double>(t);
            var negatives = TorchSession.HostArray<double>(columnSums!.to_type(ScalarType.Float64));
            var lnK = Math.Log(size);
            for (var i = 0; i < size; i++)
            {
                terms[rows[i]] = values[i] + lnK;
                influence[rows[i]] = values[i] + lnK - negatives[i];
                logK[rows[i]] = lnK;
            }
        }

        var value = 0.0;
        foreach (var t in terms) value += t;
        value /= n;
        return new HeldOutBound(value, PairSums.Centred(influence), -value, logK);
    }
}

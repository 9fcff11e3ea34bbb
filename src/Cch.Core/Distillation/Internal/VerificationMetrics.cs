namespace Cch.Distillation.Internal;

/// <summary>
/// Held-out metrics as pure functions on managed arrays (no libtorch), so each can be checked against
/// hand-computed values. Probabilities and logits are row-major N×C arrays. Definitions follow
/// scikit-learn's <c>accuracy_score</c>, <c>f1_score(average="weighted")</c>,
/// <c>roc_auc_score(multi_class="ovr", average="macro")</c> and <c>log_loss</c>, and the usual MSE.
/// </summary>
internal static class VerificationMetrics
{
    /// <summary>Lower clip of probabilities in <see cref="LogLoss"/>, so a confident mistake costs at most −ln 1e-15 ≈ 34.5 nats.</summary>
    public const double ProbabilityFloor = 1e-15;

    /// <summary>Row-wise softmax of N×C logits (max-subtracted for stability); returns a new N×C array of probabilities.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="classes"/>.</exception>
    public static double[] Softmax(ReadOnlySpan<double> logits, int classes)
    {
        CheckShape(logits.Length, classes);
        var p = new double[logits.Length];
        for (var r = 0; r < logits.Length; r += classes)
        {
            var row = logits.Slice(r, classes);
            var max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                p[r + c] = Math.Exp(row[c] - max);
                sum += p[r + c];
            }

            for (var c = 0; c < classes; c++) p[r + c] /= sum;
        }

        return p;
    }

    /// <summary>Index of the largest value per row (the first on ties); N×C in, N out.</summary>
    public static int[] ArgMax(ReadOnlySpan<double> scores, int classes)
    {
        CheckShape(scores.Length, classes);
        var n = scores.Length / classes;
        var result = new int[n];
        for (var i = 0; i < n; i++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
                if (scores[i * classes + c] > scores[i * classes + best]) best = c;
            result[i] = best;
        }

        return result;
    }

    /// <summary>Share of rows with <c>predicted[i] == truth[i]</c>, in [0, 1].</summary>
    /// <exception cref="ArgumentException">Lengths differ or are 0.</exception>
    public static double Accuracy(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        var hits = 0;
        for (var i = 0; i < truth.Length; i++)
            if (truth[i] == predicted[i]) hits++;
        return (double)hits / truth.Length;
    }

    /// <summary>
    /// Support-weighted mean of the per-class F1 = 2·TP / (2·TP + FP + FN), over classes present in
    /// <paramref name="truth"/> (weights n_c / N; a class with no true rows has weight 0). A class whose
    /// denominator is 0 scores 0, as in scikit-learn's <c>zero_division=0</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or are 0, or a class index is outside 0..C−1.</exception>
    public static double WeightedF1(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classes)
    {
        CheckLengths(truth.Length, predicted.Length);
        var tp = new long[classes];
        var fp = new long[classes];
        var fn = new long[classes];
        for (var i = 0; i < truth.Length; i++)
        {
            CheckClass(truth[i], classes);
            CheckClass(predicted[i], classes);
            if (truth[i] == predicted[i])
            {
                tp[truth[i]]++;
            }
            else
            {
                fn[truth[i]]++;
                fp[predicted[i]]++;
            }
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            var support = tp[c] + fn[c];
            if (support == 0) continue;
            var denominator = 2 * tp[c] + fp[c] + fn[c];
            sum += support * (denominator == 0 ? 0 : 2.0 * tp[c] / denominator);
        }

        return sum / truth.Length;
    }

    /// <summary>
    /// Mean over classes of the one-vs-rest ROC AUC of the class's probability column. Classes absent
    /// from <paramref name="truth"/> (or present in every row) have no AUC and are skipped; <c>null</c> when
    /// no class has one.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes disagree or a class index is outside 0..C−1.</exception>
    public static double? MacroAuc(ReadOnlySpan<int> truth, ReadOnlySpan<double> probabilities, int classes)
    {
        CheckShape(probabilities.Length, classes);
        CheckLengths(truth.Length, probabilities.Length / classes);
        var n = truth.Length;
        var positive = new bool[n];
        var scores = new double[n];
        var sum = 0.0;
        var counted = 0;
        for (var c = 0; c < classes; c++)
        {
            var positives = 0;
            for (var i = 0; i < n; i++)
            {
                CheckClass(truth[i], classes);
                positive[i] = truth[i] == c;
                if (positive[i]) positives++;
                scores[i] = probabilities[i * classes + c];
            }

            if (positives == 0 || positives == n) continue;
            sum += RocAuc(positive, scores);
            counted++;
        }

        return counted == 0 ? null : sum / counted;
    }

    /// <summary>
    /// ROC AUC as the Mann–Whitney statistic: (R₊ − n₊(n₊+1)/2) / (n₊·n₋), where R₊ is the sum of the
    /// positives' ranks among all scores and tied scores share their average rank (so a tied
    /// positive/negative pair counts ½, as in the trapezoidal ROC area).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, or there is no positive or no negative.</exception>
    public static double RocAuc(ReadOnlySpan<bool> positive, ReadOnlySpan<double> scores)
    {
        CheckLengths(positive.Length, scores.Length);
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        var keys = scores.ToArray();
        Array.Sort(keys, order);

        double rankSumPositive = 0;
        long positives = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && keys[end + 1] == keys[start]) end++;
            var averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (var k = start; k <= end; k++)
            {
                if (!positive[order[k]]) continue;
                rankSumPositive += averageRank;
                positives++;
            }

            start = end + 1;
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException("ROC AUC needs at least one positive and one negative row.", nameof(positive));
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>
    /// Mean negative log-probability of the true class, in nats, with probabilities clipped to
    /// [<see cref="ProbabilityFloor"/>, 1].
    /// </summary>
    /// <exception cref="ArgumentException">The shapes disagree or a class index is outside 0..C−1.</exception>
    public static double LogLoss(ReadOnlySpan<int> truth, ReadOnlySpan<double> probabilities, int classes)
    {
        CheckShape(probabilities.Length, classes);
        CheckLengths(truth.Length, probabilities.Length / classes);
        var sum = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            CheckClass(truth[i], classes);
            sum -= Math.Log(Math.Clamp(probabilities[i * classes + truth[i]], ProbabilityFloor, 1.0));
        }

        return sum / truth.Length;
    }

    /// <summary>Mean squared error (1/N)·Σ (y_i − ŷ_i)², in the squared units of y.</summary>
    /// <exception cref="ArgumentException">Lengths differ or are 0.</exception>
    public static double Mse(ReadOnlySpan<double> truth, ReadOnlySpan<double> predicted)
    {
        CheckLengths(truth.Length, predicted.Length);
        var sum = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            var e = truth[i] - predicted[i];
            sum += e * e;
        }

        return sum / truth.Length;
    }

    private static void CheckLengths(int a, int b)
    {
        if (a != b) throw new ArgumentException($"Lengths differ: {a} and {b}.");
        if (a == 0) throw new ArgumentException("No rows.");
    }

    private static void CheckShape(int length, int classes)
    {
        if (classes < 1 || length % classes != 0)
            throw new ArgumentException($"{length} values are not rows of {classes} classes.");
    }

    private static void CheckClass(int c, int classes)
    {
        if ((uint)c >= (uint)classes) throw new ArgumentException($"Class index {c} outside 0..{classes - 1}.");
    }
}

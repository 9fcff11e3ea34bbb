namespace Cch.Estimators.Probe;

/// <summary>
/// Temperature scaling of a classifier's logits l (Guo, Pleiss, Sun &amp; Weinberger, "On calibration of
/// modern neural networks", ICML 2017, §4.2): q(y|l) = softmax(s·l), one scale s = 1/T ≥ 0 fitted by
/// minimising the log-loss on rows the classifier did not see. It changes no prediction's ranking,
/// only how confident the probabilities are.
/// </summary>
/// <remarks>
/// <para>The fit minimises Σ_i [ln Σ_c e^{s·l_ic} − s·Σ_c t_ic l_ic] with soft targets
/// t_i = (1 − ε)·e_{y_i} + ε/C, ε = 1/(n + 1): one pseudo-row spread evenly over the classes, so that a
/// validation part the classifier separates perfectly (where the plain maximum-likelihood s is
/// infinite) gets a finite scale. The loss is convex in s (second derivative Σ_i Var_{q_i}(l_i) ≥ 0);
/// Newton's method with a projected backtracking line search.</para>
/// <para><see cref="Accept"/> keeps the scale only if it lowers the summed validation log-loss by more
/// than one nat, Akaike's criterion for one added parameter (Akaike, IEEE Trans. Automatic Control
/// 19:716, 1974): logits that carry almost no signal would otherwise get a scale fitted to noise.</para>
/// </remarks>
internal static class LogitCalibration
{
    /// <summary>Σ_i −ln softmax(s·l_i)_{y_i} (nats, summed over rows).</summary>
    /// <param name="logits">Row-major rows×C logits.</param>
    /// <param name="labels">Class of each row.</param>
    /// <param name="classes">C.</param>
    /// <param name="scale">s.</param>
    public static double Loss(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes, double scale)
    {
        var loss = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * classes, classes);
            loss += LogSumExp(row, scale) - scale * row[labels[i]];
        }

        return loss;
    }

    /// <summary>ln softmax(s·l_i)_{y_i} for every row, written to <paramref name="output"/>.</summary>
    public static void LogProbabilities(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes, double scale, Span<double> output)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * classes, classes);
            output[i] = scale * row[labels[i]] - LogSumExp(row, scale);
        }
    }

    /// <summary>
    /// The scale to use: the fitted s (see the remarks) if it lowers the summed log-loss of these rows
    /// by more than one nat below that of s = 1, else 1.
    /// </summary>
    public static double Accept(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes)
    {
        var s = Fit(logits, labels, classes);
        return Loss(logits, labels, classes, s) < Loss(logits, labels, classes, 1.0) - 1.0 ? s : 1.0;
    }

    /// <summary>The scale s ≥ 0 of least smoothed log-loss (see the remarks), from s = 1.</summary>
    public static double Fit(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes)
    {
        var smoothing = 1.0 / (labels.Length + 1);
        var s = 1.0;
        var f = Smoothed(logits, labels, classes, s, smoothing, out var gradient, out var curvature);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            if (!(curvature > 0) || Math.Abs(gradient) <= 1e-10 * labels.Length) break;
            var step = gradient / curvature;
            var accepted = false;
            for (var t = 1.0; t > 1e-12; t *= 0.5)
            {
                var trial = Math.Max(0, s - t * step);
                var slope = gradient * (trial - s);
                if (!(slope < 0)) break;
                var ft = Smoothed(logits, labels, classes, trial, smoothing, out var gt, out var ct);
                if (ft <= f + 1e-4 * slope)
                {
                    (s, f, gradient, curvature) = (trial, ft, gt, ct);
                    accepted = true;
                    break;
                }
            }

            if (!accepted) break;
        }

        return s;
    }

    /// <summary>The smoothed loss at s, its first derivative and its second derivative in s.</summary>
    private static double Smoothed(ReadOnlySpan<double> logits, ReadOnlySpan<int> labels, int classes, double s, double smoothing, out double gradient, out double curvature)
    {
        var loss = 0.0;
        gradient = 0.0;
        curvature = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * classes, classes);
            var max = double.NegativeInfinity;
            var average = 0.0;
            foreach (var l in row)
            {
                max = Math.Max(max, s * l);
                average += l;
            }

            var target = (1 - smoothing) * row[labels[i]] + smoothing * average / classes;
            double sum = 0, first = 0, second = 0;
            foreach (var l in row)
            {
                var e = Math.Exp(s * l - max);
                sum += e;
                first += e * l;
                second += e * l * l;
            }

            var mean = first / sum;
            loss += max + Math.Log(sum) - s * target;
            gradient += mean - target;
            curvature += second / sum - mean * mean;
        }

        return loss;
    }

    private static double LogSumExp(ReadOnlySpan<double> row, double scale)
    {
        var max = double.NegativeInfinity;
        foreach (var l in row) max = Math.Max(max, scale * l);
        var sum = 0.0;
        foreach (var l in row) sum += Math.Exp(scale * l - max);
        return max + Math.Log(sum);
    }
}

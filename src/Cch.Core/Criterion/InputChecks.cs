using Cch.Data;

namespace Cch.Criterion;

/// <summary>
/// Degenerate inputs refused before any estimate, by the criterion and by <c>mi</c> alike: a
/// representation constant in every column, and a class label on which fewer than two classes occur
/// twice.
/// </summary>
internal static class InputChecks
{
    /// <summary>A representation constant in every column carries no information: almost always a broken dump.</summary>
    /// <param name="m">The representation.</param>
    /// <param name="subject">How the message names it, e.g. "The student representation 'mor6'" or "X ('zer47')".</param>
    /// <param name="file">The file to name in the error, or <c>null</c>.</param>
    /// <exception cref="CchInputException">Every row has the same values.</exception>
    public static void RejectConstant(FeatureMatrix m, string subject, string? file = null)
    {
        if (m.Rows < 2) return; // too few rows to call constant: the row minimums speak instead
        var v = m.Values;
        var d = m.Columns;
        for (var i = d; i < v.Length; i++)
            if (v[i] != v[i % d])
                return;
        throw new CchInputException(
            $"{subject} is constant: every one of its {m.Rows} rows has the same {d} value(s), so it carries no information. Check how it was dumped.",
            file);
    }

    /// <summary>
    /// A class label needs two classes that occur at least twice for I(H;Y) to be estimable; a
    /// regression label must not be constant.
    /// </summary>
    /// <exception cref="CchInputException">Fewer than two classes occur twice, or every value of a regression label is the same.</exception>
    public static void RejectDegenerateLabel(LabelVector label, string what = "I(H_s;Y)")
    {
        if (label.Values is { Length: > 1 } values && values.All(v => v == values[0]))
            throw new CchInputException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The label '{label.Name}' is constant: every one of its {values.Length} rows is {values[0]}, so {what} is 0 by definition and says nothing about distillation. Check the column and the filters."));
        if (label.Classes is not { } classes) return;
        var counts = classes.GroupBy(c => c).Select(g => g.Count()).ToList();
        if (counts.Count(c => c >= 2) < 2)
            throw new CchInputException(
                $"The label '{label.Name}' has {counts.Count} distinct values in {classes.Length} rows and fewer than two of them occur twice, " +
                $"so {what} cannot be estimated. Is it an identifier, or a regression target (--task regression)?");
    }

    /// <summary>
    /// Refuses fewer rows than max(<see cref="CchCriterion.MinimumRows"/>(k), each term's minimum —
    /// twice that for half-sampled terms, whose half-samples must still be large enough).
    /// </summary>
    /// <param name="rows">N after filters and joins.</param>
    /// <param name="terms">The terms to estimate.</param>
    /// <param name="k">k of the k-NN estimators.</param>
    /// <param name="what">What needs the rows, e.g. "the criterion" or "an estimate".</param>
    /// <exception cref="CchInputException">Too few rows.</exception>
    public static void RequireRows(int rows, IEnumerable<TermEstimator> terms, int k, string what)
    {
        var floor = CchCriterion.MinimumRows(k);
        if (rows < floor)
            throw new CchInputException(
                $"{rows} rows are used (after filters, joins and --max-rows), but {what} with k = {k} needs at least {floor} " +
                $"(max(50, 20·k): below that intervals are not trustworthy; see docs/criterion.md).");
        foreach (var t in terms)
        {
            var halfSampled = t.IntervalStrategy == Estimators.IntervalStrategy.HalfSampling;
            var needed = halfSampled ? 2 * t.MinimumRows : t.MinimumRows;
            if (rows < needed)
                throw new CchInputException(
                    $"{rows} rows are used (after filters, joins and --max-rows), but the {t.Name} estimator needs at least {t.MinimumRows}" +
                    (halfSampled ? $" in each half-sample, so {needed} in all" : string.Empty) +
                    " (see its MinimumRows in docs/estimators.md); use more rows or another --estimator.");
        }
    }
}

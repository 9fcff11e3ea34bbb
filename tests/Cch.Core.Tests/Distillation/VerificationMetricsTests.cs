using Cch.Distillation.Internal;

namespace Cch.Tests.Distillation;

/// <summary>
/// Truth: hand counts on tiny inputs (confusion counts for F1, pair counts for AUC, where a tied
/// positive/negative pair scores ½), and the definitions of scikit-learn's metrics they mirror.
/// </summary>
public sealed class VerificationMetricsTests
{
    [Fact]
    public void Softmax_of_0_and_ln3_is_a_quarter_and_three_quarters_and_huge_logits_do_not_overflow()
    {
        var p = VerificationMetrics.Softmax([0, Math.Log(3), 1000, 1000], 2);

        Assert.Equal(0.25, p[0], 15);
        Assert.Equal(0.75, p[1], 15);
        Assert.Equal(0.5, p[2]);
        Assert.Equal(0.5, p[3]);
    }

    [Fact]
    public void ArgMax_takes_the_first_of_tied_scores() =>
        Assert.Equal([1, 0], VerificationMetrics.ArgMax([0.2, 0.5, 0.3, 0.4, 0.4, 0.2], 3));

    [Fact]
    public void Accuracy_counts_matches() =>
        Assert.Equal(0.75, VerificationMetrics.Accuracy([0, 1, 2, 1], [0, 2, 2, 1]));

    [Fact]
    public void Weighted_f1_weights_each_class_f1_by_its_support()
    {
        // Class 0: TP 2, FP 0, FN 1 → F1 4/5, support 3. Class 1: TP 1, FP 1, FN 1 → 1/2, support 2.
        // Class 2: TP 1, FP 1, FN 0 → 2/3, support 1. Weighted: (3·4/5 + 2·1/2 + 1·2/3) / 6 = 61/90.
        var f1 = VerificationMetrics.WeightedF1([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);

        Assert.Equal(61.0 / 90, f1, 15);
    }

    [Fact]
    public void Weighted_f1_gives_a_class_without_true_rows_no_weight()
    {
        // Class 0: TP 1, FN 1 → 2/3; class 1: TP 2 → 1; class 2 is only predicted (support 0).
        Assert.Equal(5.0 / 6, VerificationMetrics.WeightedF1([0, 0, 1, 1], [2, 0, 1, 1], 3), 15);
    }

    [Fact]
    public void Auc_counts_a_tied_pair_as_a_half()
    {
        // Positives score {0.9, 0.5, 0.5}, negatives {0.9, 0.1}. Of the 6 pairs, 0.9 vs 0.9 ties (½),
        // 0.9 vs 0.1 and both 0.5 vs 0.1 are won (3), both 0.5 vs 0.9 are lost: AUC = 3.5 / 6.
        var auc = VerificationMetrics.RocAuc([true, false, true, false, true], [0.9, 0.9, 0.5, 0.1, 0.5]);

        Assert.Equal(7.0 / 12, auc, 15);
    }

    [Fact]
    public void Macro_auc_averages_one_vs_rest_over_classes_present_in_the_test_rows()
    {
        // Class 0: positives {0.6, 0.4} vs negatives {0.2, 0.4}: 3 wins + 1 tie → 3.5/4 = 0.875.
        // Class 1: positives {0.7, 0.5} vs negatives {0.3, 0.4}: 4 wins → 1. Class 2 never occurs: skipped.
        double[] p = [0.6, 0.3, 0.1, 0.2, 0.7, 0.1, 0.4, 0.4, 0.2, 0.4, 0.5, 0.1];

        var auc = VerificationMetrics.MacroAuc([0, 1, 0, 1], p, 3);

        Assert.Equal((0.875 + 1) / 2, auc!.Value, 15);
    }

    [Fact]
    public void Macro_auc_is_null_when_no_class_has_both_positives_and_negatives() =>
        Assert.Null(VerificationMetrics.MacroAuc([1, 1], [0.3, 0.7, 0.4, 0.6], 2));

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_true_class_clipped_at_1e_15()
    {
        // Row 1: −ln 0.5 = ln 2. Row 2: the true class has probability 0, clipped to 1e-15: −ln 1e-15 = 15 ln 10.
        var loss = VerificationMetrics.LogLoss([0, 2], [0.5, 0.25, 0.25, 0.1, 0.9, 0.0], 3);

        Assert.Equal((Math.Log(2) + 15 * Math.Log(10)) / 2, loss, 12);
    }

    [Fact]
    public void Mse_is_the_mean_squared_error() =>
        Assert.Equal((0.25 + 0 + 1) / 3, VerificationMetrics.Mse([1, 2, 3], [1.5, 2, 2]), 15);

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => VerificationMetrics.Accuracy([0, 1], [0]));
        Assert.Throws<ArgumentException>(() => VerificationMetrics.LogLoss([0, 1], [0.5, 0.5], 2));
        Assert.Throws<ArgumentException>(() => VerificationMetrics.RocAuc([true, true], [0.1, 0.2]));
    }
}

using TorchSharp;
using static Cch.Neural.ExplicitScalars;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Cch.Distillation.Internal;

/// <summary>
/// The training objectives, on libtorch tensors. Batch means throughout, so the loss scale does not
/// depend on the batch size. Teacher outputs are detached: gradients reach the student only.
/// Call <see cref="Neural.TorchRuntime.Require"/> before any of these. Constants are explicit scalars
/// (<see cref="Neural.ExplicitScalars"/>).
/// </summary>
internal static class DistillationLosses
{
    /// <summary>
    /// Hinton's soft-target term T² · (1/N) Σᵢ KL(softmax(tᵢ/T) ‖ softmax(sᵢ/T)) (Hinton, Vinyals and
    /// Dean 2015, arXiv:1503.02531, §2: the T² keeps its gradients on the scale of the hard-label term).
    /// Computed as <c>kl_div(log_softmax(s/T), log_softmax(t/T), log_target: true, Sum) / N · T²</c>:
    /// libtorch's <c>kl_div(input, target)</c> is KL(target ‖ input) with input in log space, and its
    /// Mean reduction would divide by N·C, not N.
    /// </summary>
    /// <param name="studentLogits">N×C student logits.</param>
    /// <param name="teacherLogits">N×C teacher logits.</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <returns>A scalar tensor, in nats.</returns>
    public static Tensor SoftTargetKl(Tensor studentLogits, Tensor teacherLogits, double temperature)
    {
        var n = studentLogits.shape[0];
        var logQ = log_softmax(Scale(studentLogits, 1 / temperature), 1);
        var logP = log_softmax(Scale(teacherLogits.detach(), 1 / temperature), 1);
        return Scale(kl_div(logQ, logP, log_target: true, reduction: nn.Reduction.Sum), temperature * temperature / n);
    }

    /// <summary>
    /// Hinton's distillation loss (1 − λ) · CE(y, s) + λ · T² · KL(softmax(t/T) ‖ softmax(s/T)), with CE the
    /// batch-mean cross-entropy of the student's logits at T = 1 (arXiv:1503.02531, §2).
    /// </summary>
    /// <param name="studentLogits">N×C student logits.</param>
    /// <param name="teacherLogits">N×C teacher logits.</param>
    /// <param name="labels">N class indices (int64).</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <param name="lambda">λ ∈ [0, 1]; λ = 0 is plain cross-entropy.</param>
    public static Tensor Hinton(Tensor studentLogits, Tensor teacherLogits, Tensor labels, double temperature, double lambda) =>
        Sum(Scale(cross_entropy(studentLogits, labels), 1 - lambda), Scale(SoftTargetKl(studentLogits, teacherLogits, temperature), lambda));

    /// <summary>
    /// The CCH paper's regression objective in per-sample mean form (arXiv:2510.13182):
    /// MSE(y, ŷ_s) + λ · MSE(ŷ_s, ŷ_t), i.e. (1/N) Σᵢ (yᵢ − ŷ_sᵢ)² + λ (1/N) Σᵢ (ŷ_sᵢ − ŷ_tᵢ)².
    /// </summary>
    /// <param name="studentPredictions">N×1 student predictions.</param>
    /// <param name="targets">N×1 targets.</param>
    /// <param name="teacherPredictions">N×1 teacher predictions.</param>
    /// <param name="lambda">λ ≥ 0.</param>
    public static Tensor Regression(Tensor studentPredictions, Tensor targets, Tensor teacherPredictions, double lambda) =>
        Sum(mse_loss(studentPredictions, targets), Scale(mse_loss(studentPredictions, teacherPredictions.detach()), lambda));
}

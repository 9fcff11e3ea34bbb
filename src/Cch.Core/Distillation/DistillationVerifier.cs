using Cch.Distillation.Internal;
using Cch.Neural;

namespace Cch.Distillation;

/// <summary>
/// Trains the student with and without knowledge distillation from the teacher, on the same
/// training rows with identical architecture and initial weights, over several seeds, and measures
/// the held-out effect (the verification behind <c>--verify</c>).
/// </summary>
public static class DistillationVerifier
{
    /// <summary>
    /// Runs the verification for one teacher (method and sources: <c>docs/verification.md</c>).
    /// <list type="bullet">
    /// <item>Representations are standardised per column with the training rows' mean and population SD (constant columns → 0);
    /// a regression target likewise, with MSE reported back in its original squared units.</item>
    /// <item>Per seed s (seed value <see cref="VerificationOptions.Seed"/> + s) the training rows are split into fit and validation
    /// rows (stratified by class). A teacher MLP (Linear d_t→H, ReLU, Linear H→C; C = 1 for regression) is trained on H_t with
    /// cross-entropy (MSE) and early stopping, unless <see cref="VerificationData.TeacherLogitsTrain"/> gives its outputs.</item>
    /// <item>The student MLP on H_s gets one initial state and one batch order per seed, shared by all arms. The no-KD arm minimises
    /// CE(y, s) (MSE); the KD arm Hinton's (1 − λ)·CE(y, s) + λ·T²·KL(softmax(t/T) ‖ softmax(s/T)) (arXiv:1503.02531), or for regression
    /// the CCH paper's MSE(y, ŷ_s) + λ·MSE(ŷ_s, ŷ_t) (arXiv:2510.13182). Every model stops early on its validation loss on hard labels
    /// and keeps its best epoch's weights.</item>
    /// <item>Grid: every T × λ (regression: every λ, with T reported as 1). The combination with the lowest validation loss averaged
    /// over seeds is chosen; test rows are never used to choose. The no-KD arm chooses the same way among as many AdamW weight
    /// decays (<see cref="VerificationOptions.NoKdWeightDecays"/>), so selection favours neither arm.</item>
    /// <item>Metrics on the test rows; paired differences KD − no KD per metric with a Student-t interval over seeds (B − 1 df) and
    /// both arms' means. The outcome follows the primary metric (accuracy, or MSE for regression) and the smallest effect worth
    /// having δ (<see cref="VerificationOptions.MinEffect"/>): kd-helps / kd-hurts when the 1 − α interval excludes 0 and the mean
    /// is at least δ the right / wrong way, equivalent when the 1 − 2α interval lies inside ±δ (TOST, Schuirmann 1987), else
    /// undetermined. One seed, or a zero-width interval, is always undetermined.</item>
    /// <item>With <see cref="VerificationOptions.AutoSeeds"/> seeds are added in rounds until the outcome is decided or the cap is
    /// reached; every one of the K planned looks decides at α/K (Bonferroni), so the run keeps error rate α.</item>
    /// </list>
    /// Deterministic for the same data, options and <see cref="VerificationOptions.Threads"/>. Calls in one process run one at a
    /// time, and not while a trained estimator trains (<c>TorchSession</c>: libtorch's generator and thread count are process-wide).
    /// </summary>
    /// <param name="data">Training and test rows (see <see cref="VerificationData"/>).</param>
    /// <param name="options">Architecture, optimiser, early stopping, seeds, grid and interval level.</param>
    /// <param name="progress">Receives a report after every epoch of every model and a finished report per model, synchronously on the training thread; throttling is the caller's job.</param>
    /// <param name="cancellationToken">Checked before every training step.</param>
    /// <returns>The chosen T and λ and no-KD weight decay, per-seed metrics, paired differences, both grids, the decision (δ, α per look, seeds run, why they stopped) and timings in seconds.</returns>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded on this machine; the message says why and what to do.</exception>
    /// <exception cref="CchInputException">Inconsistent data (e.g. too few training rows, classes missing from training), or an option out of range.</exception>
    /// <exception cref="Neural.TrainingDivergedException">An arm's training diverged (the message names the arm, epochs and learning rate).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static VerificationResult Verify(VerificationData data, VerificationOptions options, IProgress<VerificationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var prepared = PreparedData.Create(data, options); // input errors surface without loading libtorch
        return TorchSession.Run(options.Threads, options.Device, () => VerificationRun.Execute(data.TeacherName, prepared, options, progress, cancellationToken));
    }
}

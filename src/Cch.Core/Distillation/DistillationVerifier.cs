namespace Cch.Distillation;

/// <summary>
/// Trains the student with and without knowledge distillation from the teacher, on the same
/// training rows with identical architecture and initial weights, over several seeds, and measures
/// the held-out effect (the verification behind <c>--verify</c>).
/// </summary>
public static class DistillationVerifier
{
    /// <summary>Runs the verification for one teacher.</summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded on this machine; the message says why and what to do.</exception>
    /// <exception cref="CchInputException">Inconsistent data (e.g. too few training rows, classes missing from training).</exception>
    public static VerificationResult Verify(VerificationData data, VerificationOptions options, IProgress<VerificationProgress>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Being built.");
}

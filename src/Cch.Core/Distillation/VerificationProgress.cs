namespace Cch.Distillation;

/// <summary>Progress of a verification: which seed and arm is training, at which epoch.</summary>
/// <param name="Teacher">Teacher name.</param>
/// <param name="Seed">Seed index (0-based) of <paramref name="Seeds"/>.</param>
/// <param name="Seeds">Number of seeds.</param>
/// <param name="Arm">teacher, no-kd, or kd T=…, λ=….</param>
/// <param name="Epoch">Epochs done in this arm.</param>
/// <param name="MaxEpochs">Epoch limit.</param>
/// <param name="Finished">Whether this arm has finished (early stop or limit); then <paramref name="Summary"/> says how it ended.</param>
/// <param name="Summary">One line for a finished arm (best epoch, validation loss), else <c>null</c>.</param>
public sealed record VerificationProgress(string Teacher, int Seed, int Seeds, string Arm, int Epoch, int MaxEpochs, bool Finished, string? Summary);

namespace Cch.Criterion;

/// <summary>Turns intervals into verdicts and verdicts into exit codes.</summary>
public static class GatePolicy
{
    private const int Passed = (int)ExitCodes.Success;
    private const int Failed = (int)ExitCodes.GateFailed;

    /// <summary>
    /// <see cref="Verdict.Pass"/> when the whole interval of Δ lies above <paramref name="margin"/>,
    /// <see cref="Verdict.Fail"/> when it lies below, <see cref="Verdict.Inconclusive"/> otherwise.
    /// </summary>
    /// <param name="delta">Δ in nats with its interval.</param>
    /// <param name="margin">The margin m in nats.</param>
    public static Verdict Decide(IntervalEstimate delta, double margin) =>
        delta.CiLow > margin ? Verdict.Pass
        : delta.CiHigh < margin ? Verdict.Fail
        : Verdict.Inconclusive;

    /// <summary>
    /// The exit code under a gate: <see cref="Gate.Criterion"/> uses the verdict and
    /// <paramref name="failOn"/>; <see cref="Gate.Verified"/> passes only when
    /// <paramref name="outcome"/> is <see cref="Distillation.KdOutcome.KdHelps"/>; <see cref="Gate.Both"/> needs both.
    /// </summary>
    public static int ExitCode(Verdict verdict, FailOn failOn, Gate gate, Distillation.KdOutcome? outcome)
    {
        var criterion = ExitCode(verdict, failOn) == Passed;
        var verified = outcome == Distillation.KdOutcome.KdHelps;
        var ok = gate switch
        {
            Gate.Verified => verified,
            Gate.Both => criterion && verified,
            _ => criterion,
        };
        return ok ? Passed : Failed;
    }

    /// <summary>0 for pass (and inconclusive unless <paramref name="failOn"/> says otherwise), 1 for a failed gate.</summary>
    public static int ExitCode(Verdict verdict, FailOn failOn) => verdict switch
    {
        Verdict.Pass => Passed,
        Verdict.Inconclusive when failOn == FailOn.Fail => Passed,
        _ => Failed,
    };
}

namespace Cch;

/// <summary>Process exit codes of <c>dotnet cch</c>, defined once: CI gates on them, <see cref="Criterion.GatePolicy"/> maps verdicts to them.</summary>
public enum ExitCodes
{
    /// <summary>The criterion passes (or is inconclusive without <c>--fail-on inconclusive</c>); other commands succeeded.</summary>
    Success = 0,

    /// <summary>The gate fails: verdict <c>fail</c>, or <c>inconclusive</c> under <c>--fail-on inconclusive</c>.</summary>
    GateFailed = 1,

    /// <summary>Usage, configuration or input error: nothing was decided and no report was written.</summary>
    InputError = 2,

    /// <summary>An unexpected internal error (a bug): please report it with the message.</summary>
    InternalError = 3,

    /// <summary>Cancelled (Ctrl+C or SIGTERM): nothing written.</summary>
    Cancelled = 130,
}

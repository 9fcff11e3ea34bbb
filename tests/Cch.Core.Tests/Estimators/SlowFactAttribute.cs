namespace Cch.Tests.Estimators;

/// <summary>
/// A fact that runs only when the environment variable <c>CCH_SLOW_TESTS</c> is <c>1</c>, and is
/// reported as skipped otherwise: long measurements (minutes) that document a property of an
/// estimator without slowing the normal test run.
/// </summary>
public sealed class SlowFactAttribute : FactAttribute
{
    /// <summary>Skips unless <c>CCH_SLOW_TESTS=1</c>.</summary>
    public SlowFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CCH_SLOW_TESTS") != "1")
            Skip = "Slow measurement; set CCH_SLOW_TESTS=1 to run.";
    }
}

using Cch.Criterion;
using Cch.Reports;

namespace Cch.Checking;

/// <summary>The result of <see cref="CheckRunner.RunAsync"/>.</summary>
/// <param name="Report">The report to write and print.</param>
/// <param name="Result">The criterion result behind it.</param>
public sealed record CheckOutcome(CchReport Report, CriterionResult Result)
{
    /// <summary>The gate's exit code: 0 pass (or tolerated inconclusive), 1 fail.</summary>
    public int ExitCode => Report.ExitCode;
}

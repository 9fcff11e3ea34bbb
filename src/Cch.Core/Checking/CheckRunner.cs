using System.Diagnostics;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Examples;
using Cch.Reports;

namespace Cch.Checking;

/// <summary>
/// Runs one <c>check</c> end to end: read (or generate) the data, evaluate the criterion, build
/// the report. Front ends (the CLI, later the MSBuild task via the CLI) only present the result.
/// </summary>
public static class CheckRunner
{
    /// <summary>Runs the check described by <paramref name="settings"/>.</summary>
    /// <param name="settings">Resolved settings.</param>
    /// <param name="progress">Receives criterion progress; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels between reads and estimates.</param>
    /// <returns>The report (its <see cref="CchReport.ExitCode"/> is the gate's exit code).</returns>
    /// <exception cref="CchInputException">Bad input or settings.</exception>
    public static async Task<CheckOutcome> RunAsync(CheckSettings settings, IProgress<CriterionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        ExampleData? example = null;
        Dataset data;
        if (settings.Example is not null)
        {
            example = GaussianExample.Create(GaussianExample.DefaultRows, settings.Criterion.Seed);
            data = example.Data;
        }
        else
        {
            data = await DatasetLoader.LoadAsync(settings.Data!, cancellationToken).ConfigureAwait(false);
        }

        var readTime = total.Elapsed;
        var result = CchCriterion.Evaluate(data, settings.Criterion, progress, cancellationToken);
        var report = ReportBuilder.Build(data, settings, result, example, readTime, total.Elapsed);
        return new CheckOutcome(report, result);
    }
}

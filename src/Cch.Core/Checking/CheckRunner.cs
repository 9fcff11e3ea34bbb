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
    /// <param name="verificationProgress">Receives training progress with <c>--verify</c>; may be <c>null</c>.</param>
    /// <returns>The report (its <see cref="CchReport.ExitCode"/> is the gate's exit code).</returns>
    /// <exception cref="CchInputException">Bad input or settings; <c>--device cuda</c> without a CUDA device (before any work).</exception>
    /// <exception cref="Neural.TorchUnavailableException">With <c>--verify</c> or <c>--device cuda</c>, libtorch cannot be loaded.</exception>
    public static async Task<CheckOutcome> RunAsync(
        CheckSettings settings,
        IProgress<CriterionProgress>? progress = null,
        CancellationToken cancellationToken = default,
        IProgress<Distillation.VerificationProgress>? verificationProgress = null)
    {
        // --device cuda: fail before any work when libtorch has no CUDA device (CchInputException, exit 2).
        if (settings.Criterion.Device != Neural.ComputeDevice.Cpu) Neural.TorchRuntime.RequireDevice(settings.Criterion.Device);
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
        Dictionary<string, Distillation.VerificationResult>? verifications = null;
        if (settings.Verification is not null)
        {
            verifications = [];
            foreach (var input in await VerificationInputs.BuildAsync(data, settings, cancellationToken).ConfigureAwait(false))
                verifications[input.TeacherName] = Distillation.DistillationVerifier.Verify(input, settings.Verification, verificationProgress, cancellationToken);
        }

        var report = ReportBuilder.Build(data, settings, result, example, readTime, total.Elapsed, verifications);
        return new CheckOutcome(report, result);
    }
}

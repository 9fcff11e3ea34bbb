using System.Diagnostics;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Estimators;
using Cch.Reports;

namespace Cch.Checking;

/// <summary>
/// Runs one <c>dotnet cch mi</c>: read X and Y (or a label), estimate I(X;Y) in nats with its
/// confidence interval exactly as the criterion estimates each of its terms
/// (<see cref="EstimatorSelection"/> and <see cref="MutualInformationRunner"/>), build the document.
/// Also the point estimate on a bmi benchmark sample (<c>mi bmi</c>).
/// </summary>
public static class MutualInformationCheck
{
    /// <summary>Estimates I(X;Y) with its interval.</summary>
    /// <param name="settings">Resolved settings.</param>
    /// <param name="cancellationToken">Cancels between reads and estimates.</param>
    /// <returns>The estimate, its interval, the estimator, the inputs and warnings.</returns>
    /// <exception cref="CchInputException">
    /// Bad input (file, column and first offending row named), a constant representation, a label
    /// without two classes that occur twice, or fewer rows than max(50, 20·k) (and twice the
    /// estimator's minimum when half-sampled); <c>--device cuda</c> without a CUDA device (before any work).
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<MutualInformationReport> RunAsync(MutualInformationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // --device cuda: fail before any work when libtorch has no CUDA device (CchInputException, exit 2).
        if (settings.Criterion.Device != Neural.ComputeDevice.Cpu) Neural.TorchRuntime.RequireDevice(settings.Criterion.Device);
        var total = Stopwatch.StartNew();
        var data = await DatasetLoader.LoadPairAsync(settings.Data, cancellationToken).ConfigureAwait(false);
        var readTime = total.Elapsed;
        var options = settings.Criterion;
        var term = Term(data.X, data.Y, data.Label, options);
        var n = data.Rows;
        InputChecks.RequireRows(n, [term], options.K, "an estimate");
        var outcome = MutualInformationRunner.Run(term, n, options, null, cancellationToken);
        return MutualInformationReportBuilder.Build(data, settings, outcome, readTime, total.Elapsed);
    }

    /// <summary>
    /// The point estimate of I(X;Y) in nats on a bmi benchmark sample: the same estimator as
    /// <see cref="RunAsync"/> on all rows, without an interval.
    /// </summary>
    /// <param name="settings">The sample, its dimensions and the estimator.</param>
    /// <param name="cancellationToken">Cancels the read or the estimate.</param>
    /// <exception cref="CchInputException">A malformed sample (see <see cref="BmiSampleReader.Read"/>), a constant side, or fewer rows than the estimator needs.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static double EstimateBmiSample(BmiSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sample = BmiSampleReader.Read(settings.SamplePath, settings.DimX, settings.DimY, cancellationToken);
        var term = Term(sample.X, sample.Y, null, settings.Criterion, sample.Path);
        if (sample.Rows < term.MinimumRows)
            throw new CchInputException($"has {sample.Rows} rows, but the {term.Name} estimator{(term.KsgK is { } k ? $" with k = {k}" : string.Empty)} needs at least {term.MinimumRows}.", sample.Path);
        return term.Estimate(null, cancellationToken).Value;
    }

    /// <summary>The term for I(X;Y): Y a representation (<see cref="EstimatorSelection.Pair"/>) or a label (<see cref="EstimatorSelection.Label"/>).</summary>
    private static TermEstimator Term(FeatureMatrix x, FeatureMatrix? y, LabelVector? label, CriterionOptions options, string? file = null)
    {
        InputChecks.RejectConstant(x, file is null ? $"X ('{x.Name}')" : "X", file);
        if (y is not null) InputChecks.RejectConstant(y, file is null ? $"Y ('{y.Name}')" : "Y", file);
        if (label is not null) InputChecks.RejectDegenerateLabel(label, "I(X;Y)");
        var selection = EstimatorSelection.Create(options);
        return y is not null ? selection.Pair(x, y) : selection.Label(x, label!);
    }
}

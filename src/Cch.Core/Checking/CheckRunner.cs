using System.Diagnostics;
using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Encoders;
using Cch.Examples;
using Cch.Reports;
using Cch.Sharding;

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
    /// <param name="inputProgress">Receives the progress of reading the input, the blur and the encoders (<see cref="CheckInputs.LoadAsync"/>); may be <c>null</c>.</param>
    /// <returns>The report (its <see cref="CchReport.ExitCode"/> is the gate's exit code).</returns>
    /// <exception cref="CchInputException">Bad input or settings; <c>--device cuda</c> without a CUDA device (before any work).</exception>
    /// <exception cref="Neural.TorchUnavailableException">With <c>--verify</c> or <c>--device cuda</c>, libtorch cannot be loaded.</exception>
    public static async Task<CheckOutcome> RunAsync(
        CheckSettings settings,
        IProgress<CriterionProgress>? progress = null,
        CancellationToken cancellationToken = default,
        IProgress<Distillation.VerificationProgress>? verificationProgress = null,
        IProgress<InputProgress>? inputProgress = null)
    {
        // --device cuda: fail before any work when libtorch has no CUDA device (CchInputException, exit 2).
        if (settings.Criterion.Device != Neural.ComputeDevice.Cpu) Neural.TorchRuntime.RequireDevice(settings.Criterion.Device);
        var total = Stopwatch.StartNew();
        var (data, example) = await LoadAsync(settings, inputProgress, cancellationToken).ConfigureAwait(false);
        return await FinishAsync(settings, data, example, total, WorkLedger.Everything(), progress, verificationProgress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs shard <paramref name="shard"/> of the check (<c>check --shard i/N</c>): reads the data, computes the
    /// shard's units of the criterion's work (<see cref="WorkLedger"/>) and returns them as a partial report for
    /// <see cref="MergeAsync"/>.
    /// </summary>
    /// <param name="settings">Resolved settings, from <see cref="CheckSettings.From"/> (they carry the configuration the part records).</param>
    /// <param name="shard">The share to compute.</param>
    /// <param name="progress">Receives criterion progress; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels between reads and estimates.</param>
    /// <param name="inputProgress">Receives the progress of reading the input, the blur and the encoders; may be <c>null</c>.</param>
    /// <exception cref="CchInputException">Bad input or settings, or <c>--verify</c> (its training seeds are not sharded).</exception>
    public static async Task<PartialReport> RunShardAsync(
        CheckSettings settings, ShardSpec shard, IProgress<CriterionProgress>? progress = null, CancellationToken cancellationToken = default, IProgress<InputProgress>? inputProgress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(shard);
        var source = settings.Source ?? throw new ArgumentException("The settings do not carry their configuration; build them with CheckSettings.From.", nameof(settings));
        if (settings.Verification is not null)
            throw new CchInputException("--shard splits the criterion's estimates only; --verify's training seeds are not sharded (with --seeds auto each round depends on the last). Run the sharded check and merge without --verify, and --verify as one unsharded run.");
        var (input, _) = await LoadAsync(settings, inputProgress, cancellationToken).ConfigureAwait(false);
        var data = input.Data;
        var ledger = WorkLedger.ForShard(shard);
        CchCriterion.ComputeShare(data, settings.Criterion, ledger, progress, cancellationToken);
        return new PartialReport
        {
            ToolVersion = ToolInfo.Version,
            Seed = settings.Criterion.Seed,
            Shard = shard,
            Example = settings.Example,
            Config = settings.ConfigPath,
            Settings = source with { Report = null, Html = null, Format = null },
            Inputs = InputReport.From(data.Inputs),
            Units = ledger.Units,
            Results = ledger.Computed,
        };
    }

    /// <summary>
    /// Builds the final report of a sharded run (<c>merge</c>): reads the data again (checking they are the ones
    /// the shards read) and runs the check with every estimate taken from the parts, so the report is the one a
    /// single run with the same seed writes (apart from its timings).
    /// </summary>
    /// <param name="settings">The merged run's settings (<see cref="ShardMerge.Settings"/>).</param>
    /// <param name="parts">The parts (<see cref="ShardMerge.Combine"/>).</param>
    /// <param name="progress">Receives criterion progress; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels between reads.</param>
    /// <param name="inputProgress">Receives the progress of reading the input, the blur and the encoders; may be <c>null</c>.</param>
    /// <exception cref="CchInputException">The inputs changed since the shards read them, or the parts do not match this run's units.</exception>
    public static async Task<CheckOutcome> MergeAsync(
        CheckSettings settings, MergedParts parts, IProgress<CriterionProgress>? progress = null, CancellationToken cancellationToken = default, IProgress<InputProgress>? inputProgress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(parts);
        var total = Stopwatch.StartNew();
        var (data, example) = await LoadAsync(settings, inputProgress, cancellationToken).ConfigureAwait(false);
        parts.RequireInputs(data.Data.Inputs);
        return await FinishAsync(settings, data, example, total, WorkLedger.Replay(parts.Results), progress, null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(TransformedDataset Data, ExampleData? Example)> LoadAsync(CheckSettings settings, IProgress<InputProgress>? progress, CancellationToken cancellationToken)
    {
        if (settings.Example is not null)
        {
            var example = GaussianExample.Create(GaussianExample.DefaultRows, settings.Criterion.Seed);
            return (new TransformedDataset(example.Data, []), example);
        }

        return (await CheckInputs.LoadAsync(settings.Data!, settings.Transforms, progress, cancellationToken).ConfigureAwait(false), null);
    }

    private static async Task<CheckOutcome> FinishAsync(
        CheckSettings settings,
        TransformedDataset inputs,
        ExampleData? example,
        Stopwatch total,
        WorkLedger ledger,
        IProgress<CriterionProgress>? progress,
        IProgress<Distillation.VerificationProgress>? verificationProgress,
        CancellationToken cancellationToken)
    {
        var readTime = total.Elapsed;
        var data = inputs.Data;
        var result = CchCriterion.Evaluate(data, settings.Criterion, progress, cancellationToken, ledger);
        Dictionary<string, Distillation.VerificationResult>? verifications = null;
        if (settings.Verification is not null)
        {
            verifications = [];
            foreach (var input in await VerificationInputs.BuildAsync(data, settings, cancellationToken).ConfigureAwait(false))
                verifications[input.TeacherName] = Distillation.DistillationVerifier.Verify(input, settings.Verification, verificationProgress, cancellationToken);
        }

        var report = ReportBuilder.Build(data, settings, result, example, readTime, total.Elapsed, verifications, inputs.Encoders);
        return new CheckOutcome(report, result);
    }
}

using Cch.Reproduction.Gaussian;
using Cch.Reproduction.Mnist;
using Cch.Reproduction.Noise;

namespace Cch.Reproduction;

/// <summary>Runs one <c>dotnet cch reproduce</c> experiment; every front end goes through here.</summary>
public static class ReproductionRunner
{
    /// <summary>The experiments by their command-line names.</summary>
    public static IReadOnlyDictionary<string, ReproductionExperiment> Names { get; } = new Dictionary<string, ReproductionExperiment>(StringComparer.Ordinal)
    {
        ["gaussian"] = ReproductionExperiment.Gaussian,
        ["mnist"] = ReproductionExperiment.Mnist,
        ["mnist-student-blur"] = ReproductionExperiment.MnistStudentBlur,
        ["noise"] = ReproductionExperiment.Noise,
    };

    /// <summary>Whether <paramref name="experiment"/> reads files from <see cref="ReproductionOptions.DataDirectory"/>.</summary>
    public static bool NeedsData(ReproductionExperiment experiment) => experiment != ReproductionExperiment.Gaussian;

    /// <summary>
    /// The files <paramref name="experiment"/> reads from <paramref name="dataDirectory"/> (full paths), so an output
    /// option naming one of them is refused before any work; empty for an experiment that generates its data.
    /// </summary>
    public static IReadOnlyList<string> InputFiles(ReproductionExperiment experiment, string? dataDirectory)
    {
        if (dataDirectory is null) return [];
        IEnumerable<string> names = experiment switch
        {
            ReproductionExperiment.Mnist or ReproductionExperiment.MnistStudentBlur => [MnistDigits.FileName],
            ReproductionExperiment.Noise => [NoisePair.HandwrittenFile, .. NoisePair.BreastTcgaFiles],
            _ => [],
        };
        return names.Select(name => Path.GetFullPath(Path.Combine(dataDirectory, name))).ToList();
    }

    /// <summary>Runs <paramref name="experiment"/>.</summary>
    /// <exception cref="CchInputException">Missing or unreadable data, an option out of range, or <c>--device cuda</c> without a CUDA device (before any work).</exception>
    /// <exception cref="Neural.TorchUnavailableException">An experiment that trains cannot load libtorch.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ReproductionReport Run(ReproductionExperiment experiment, ReproductionOptions options, IProgress<ReproductionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Device != Neural.ComputeDevice.Cpu) Neural.TorchRuntime.RequireDevice(options.Device);
        return experiment switch
        {
            ReproductionExperiment.Gaussian => GaussianReproduction.Run(options, progress, cancellationToken),
            ReproductionExperiment.Mnist => MnistReproduction.Run(options, studentBlur: false, progress, cancellationToken),
            ReproductionExperiment.MnistStudentBlur => MnistReproduction.Run(options, studentBlur: true, progress, cancellationToken),
            ReproductionExperiment.Noise => NoiseReproduction.Run(options, progress, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(experiment)),
        };
    }
}

using Cch.Data;
using Cch.Encoders;
using Cch.Encoders.Internal;

namespace Cch.Checking;

/// <summary>
/// The first step of a <c>check</c> on data: read the dumps or raw columns (<see cref="DatasetLoader"/>), then apply
/// the <see cref="RepresentationTransforms"/> (the student's blur, the ONNX encoders), so the criterion sees the
/// representations it estimates. Used for the training rows, the test rows and the teacher logits of a verification.
/// </summary>
public static class CheckInputs
{
    /// <summary>Reads <paramref name="request"/> and transforms what was read.</summary>
    /// <param name="request">What to read.</param>
    /// <param name="transforms">What to apply after reading; <see cref="RepresentationTransforms.None"/> for dumps.</param>
    /// <param name="progress">
    /// Receives <see cref="InputProgress"/>: the read (<see cref="InputProgress.ReadingPhase"/>, file rows, per row group),
    /// then the blur and each encoder as phases of their own (rows done); may be <c>null</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the read, the blur and the encoders.</param>
    /// <returns>The dataset as estimated, with the encoders that ran (for the report).</returns>
    /// <exception cref="CchInputException">Bad input (file, column and first offending row named), a bad encoder or image shape.</exception>
    /// <exception cref="OnnxRuntimeUnavailableException">An encoder is given and ONNX Runtime's native library cannot be loaded.</exception>
    public static async Task<TransformedDataset> LoadAsync(
        DataRequest request, RepresentationTransforms transforms, IProgress<InputProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transforms);
        var data = await DatasetLoader.LoadAsync(transforms.IsEmpty ? request : transforms.Describe(request), cancellationToken, progress).ConfigureAwait(false);
        return RepresentationTransformer.Apply(data, transforms, request.BaseDirectory, progress, cancellationToken);
    }
}

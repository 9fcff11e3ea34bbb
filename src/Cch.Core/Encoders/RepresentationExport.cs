using System.Diagnostics;
using System.Globalization;
using Cch.Data;
using Cch.Data.Parquet;
using Cch.Encoders.Internal;
using Cch.Internal;

namespace Cch.Encoders;

/// <summary>
/// <c>dotnet cch encode</c>: reads one raw column, runs an ONNX encoder over it and writes the
/// representations as a Parquet <c>list&lt;float&gt;</c> column (with the key column carried over),
/// so they can be cached and checked later as dumps.
/// </summary>
public static class RepresentationExport
{
    /// <summary>Runs the request. Checks the output path and the model before reading any data.</summary>
    /// <exception cref="CchInputException">Bad model, column, shape or output path (the message names the file, column and row).</exception>
    /// <exception cref="OnnxRuntimeUnavailableException">ONNX Runtime's native library cannot be loaded.</exception>
    /// <param name="request">What to read, encode and write.</param>
    /// <param name="cancellationToken">Cancels reading and encoding; nothing is written then.</param>
    /// <param name="progress">Receives the read's, the blur's and the encoder's progress (<see cref="InputProgress"/>, one phase each); may be <c>null</c>.</param>
    public static async Task<EncodeResult> RunAsync(EncodeRequest request, CancellationToken cancellationToken = default, IProgress<InputProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Column))
            throw new CchInputException("--column is empty; expected a column name for the representations, e.g. representation.");
        if (request.Input.Key is { } key && string.Equals(key, request.Column, StringComparison.Ordinal))
            throw new CchInputException($"--column {request.Column} is also the key column; give the representation column another name.");
        var target = AtomicFile.PrepareTarget(Path.GetFullPath(request.OutputPath, request.Input.BaseDirectory), "output", "reps.parquet");
        var input = request.Input.Column.Path ?? request.Input.DataPath;
        AtomicFile.RefuseInputs(target, [
            Path.GetFullPath(request.Encoder.ModelPath, request.Input.BaseDirectory),
            .. input is null ? Array.Empty<string>() : [Path.GetFullPath(input, request.Input.BaseDirectory)],
        ], "--out");
        using var encoder = OnnxEncoder.Open(request.Encoder, request.Input.BaseDirectory);
        var data = await DatasetLoader.LoadColumnAsync(request.Input, cancellationToken, progress).ConfigureAwait(false);
        var features = request.Blur is { } blur
            ? GaussianBlur.Apply(data.Features, blur, PhaseProgress.For(progress, "blurring", data.Features.Rows), cancellationToken)
            : data.Features;

        var clock = Stopwatch.StartNew();
        var reps = encoder.Encode(features, request.Column, cancellationToken, PhaseProgress.For(progress, $"encoding ({Path.GetFileName(encoder.Description.Path)})", features.Rows));
        var seconds = clock.Elapsed.TotalSeconds;
        var metadata = new Dictionary<string, string>
        {
            ["cch.encoder.path"] = encoder.Description.Path,
            ["cch.encoder.sha256"] = encoder.Description.Sha256,
            ["cch.encoder.output"] = encoder.Description.Output.Name,
            ["cch.encoder.input_scale"] = encoder.Description.InputScale.ToString("R", CultureInfo.InvariantCulture),
            ["cch.input.path"] = data.Input.Path,
            ["cch.input.sha256"] = data.Input.Sha256,
            ["cch.input.column"] = features.Name,
            ["cch.tool_version"] = ToolInfo.Version,
        };
        await AtomicFile.WriteAsync(target, "output", stream => RepresentationWriter.WriteAsync(
            stream, request.Column, reps, request.Input.Key, data.Keys, data.IntegerKeys, metadata, cancellationToken)).ConfigureAwait(false);
        return new EncodeResult(target, request.Column, request.Input.Key, reps.Rows, reps.Columns, encoder.Description, seconds);
    }
}

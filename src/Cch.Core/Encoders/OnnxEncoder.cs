using System.Diagnostics;
using Cch.Data;
using Cch.Encoders.Internal;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cch.Encoders;

/// <summary>
/// An ONNX model run with ONNX Runtime (CPU) as an encoder: N raw rows in, N representation rows out.
/// </summary>
/// <remarks>
/// Rows are fed in batches through the OrtValue API (one pinned buffer, no per-row tensors). A model
/// whose batch axis is fixed (the ONNX Model Zoo's <c>mnist-8</c> takes exactly 1) is fed in batches
/// of that size, the last one padded with zero rows whose outputs are dropped. Outputs of any rank
/// are flattened per row in row-major order; float16, bfloat16, double and integer outputs are
/// converted to double. Open one with <see cref="Open"/>; it owns a native session, so dispose it.
/// </remarks>
public sealed class OnnxEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly EncoderOptions _options;
    private readonly TensorElementType _inputType;
    private readonly TensorElementType _outputType;
    private readonly long[] _declaredRowShape;

    private OnnxEncoder(InferenceSession session, EncoderOptions options, EncoderDescription description, TensorElementType inputType, TensorElementType outputType, long[] declaredRowShape)
    {
        _session = session;
        _options = options;
        Description = description;
        _inputType = inputType;
        _outputType = outputType;
        _declaredRowShape = declaredRowShape;
    }

    /// <summary>The model file, its input and output and how rows are fed.</summary>
    public EncoderDescription Description { get; }

    /// <summary>
    /// Opens and checks a model: one required input of a real type (float, double, float16,
    /// bfloat16), a numeric tensor output named by <see cref="EncoderOptions.OutputName"/> (default:
    /// the first), and an <see cref="EncoderOptions.InputShape"/> consistent with the model's input.
    /// </summary>
    /// <param name="options">The model path and how to feed it.</param>
    /// <param name="baseDirectory">Directory that a relative model path is resolved against (default: the current one).</param>
    /// <exception cref="CchInputException">The file is missing, is not an ONNX model, has several required inputs, a non-numeric output, no output of that name (the message lists those that exist), or a shape that contradicts the model.</exception>
    /// <exception cref="OnnxRuntimeUnavailableException">ONNX Runtime's native library cannot be loaded.</exception>
    public static OnnxEncoder Open(EncoderOptions options, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1) throw new CchInputException($"--batch-size {options.BatchSize}: expected at least 1 row per inference call.");
        if (options.Threads is < 1 or > Configuration.SettingRules.MaxThreads) throw new CchInputException($"--threads {options.Threads}: expected 1 to 1,024 CPU threads.");
        if (!(options.InputScale is var s && double.IsFinite(s) && s != 0))
            throw new CchInputException($"--input-scale {options.InputScale}: expected a finite, non-zero factor such as 1/255.");
        if (string.IsNullOrWhiteSpace(options.ModelPath)) throw new CchInputException("The encoder path is empty; expected an .onnx file.");
        var path = Path.GetFullPath(options.ModelPath, baseDirectory ?? Environment.CurrentDirectory);
        if (Directory.Exists(path)) throw new CchInputException("the encoder path is a directory; expected an .onnx model file.", path);
        if (!File.Exists(path)) throw new CchInputException("the encoder model file does not exist; expected an .onnx model file.", path);

        var sha256 = Cch.Internal.FileHash.Sha256(path);

        var session = CreateSession(path, options.Threads);
        try
        {
            var (inputName, input) = SingleInput(session, path);
            var inputType = input.ElementDataType;
            var inputDescription = OnnxTypes.Describe(inputName, input);
            if (!input.IsTensor || !OnnxTypes.IsFeedable(inputType))
                throw new CchInputException(
                    $"the model input {inputDescription} is not a tensor of real numbers; Cch feeds float, double, float16 or bfloat16 values.", path);
            if (input.Dimensions.Length == 0)
                throw new CchInputException($"the model input {inputDescription} is a scalar; Cch feeds a batch axis followed by each row's values.", path);

            var outputName = options.OutputName ?? session.OutputNames[0];
            if (!session.OutputMetadata.TryGetValue(outputName, out var output))
                throw new CchInputException(
                    $"the model has no output '{outputName}'; its outputs are {DescribeOutputs(session)}; pass one of those names with --output.", path);
            var outputDescription = OnnxTypes.Describe(outputName, output);
            if (!output.IsTensor || !OnnxTypes.IsNumeric(output.ElementDataType))
            {
                var numeric = session.OutputNames.Where(n => session.OutputMetadata[n] is { IsTensor: true } m && OnnxTypes.IsNumeric(m.ElementDataType)).ToList();
                var hint = numeric.Count == 0 ? "the model has no numeric output" : $"numeric outputs: {string.Join(", ", numeric.Select(n => OnnxTypes.Describe(n, session.OutputMetadata[n])))}; pass one with --output";
                throw new CchInputException($"the output {outputDescription} is not numeric, so it cannot be a representation; {hint}.", path);
            }

            var declared = input.Dimensions.Skip(1).Select(d => (long)d).ToArray();
            var rowShape = RowShape(options.InputShape, declared, inputDescription, path);
            int? fixedBatch = input.Dimensions[0] > 0 ? input.Dimensions[0] : null;
            var description = new EncoderDescription(path, sha256, inputDescription, outputDescription, session.OutputNames.ToList(), rowShape, fixedBatch, options.InputScale);
            return new OnnxEncoder(session, options with { OutputName = outputName }, description, inputType, output.ElementDataType, rowShape);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the model over every row of <paramref name="input"/> (N × d raw values, each row the
    /// model input flattened row-major) and returns the N × m representation, m the flattened
    /// output size per row.
    /// </summary>
    /// <param name="input">Raw rows; d must equal the product of the row shape.</param>
    /// <param name="name">Name of the returned matrix.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    /// <param name="rowsEncoded">
    /// Receives the number of rows encoded so far, after a batch once at least 1 % of the rows more are done (and
    /// after the last batch, N); may be <c>null</c>.
    /// </param>
    /// <exception cref="CchInputException">d does not fit the model input, the output has no row per input row, or the model produced a non-finite value (the message names the first row).</exception>
    public FeatureMatrix Encode(FeatureMatrix input, string name, CancellationToken cancellationToken = default, IProgress<int>? rowsEncoded = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rowShape = FillFreeAxis(input);
        var d = input.Columns;
        var batch = BatchSizeFor(input.Rows);
        var feeder = new InputFeeder(_inputType, _options.InputScale);
        string[] inputNames = [Description.Input.Name];
        string[] outputNames = [Description.Output.Name];
        using var runOptions = new RunOptions();
        double[]? values = null;
        var width = 0L;
        var reportEvery = Math.Max(batch, input.Rows / 100);
        var nextReport = reportEvery;
        for (var start = 0; start < input.Rows; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(batch, input.Rows - start);
            var fed = Description.FixedBatch ?? n;
            long[] shape = [fed, .. rowShape];
            using var tensor = feeder.Create(input.Values.AsSpan(start * d, n * d), shape);
            using var outputs = Run(runOptions, inputNames, tensor, outputNames);
            var output = outputs.First();
            var info = output.GetTensorTypeAndShape();
            var perRow = info.Shape.Length > 0 && info.Shape[0] == fed ? info.ElementCount / fed : -1;
            if (perRow < 1)
                throw new CchInputException(
                    $"the output '{Description.Output.Name}' has shape [{string.Join(",", info.Shape)}] for a batch of {fed} row(s); expected the batch axis first, i.e. [{fed},…], so each input row has its own representation.",
                    Description.Path);
            if (values is null)
            {
                width = perRow;
                values = new double[checked(input.Rows * (int)width)];
            }
            else if (perRow != width)
            {
                throw new CchInputException($"the output '{Description.Output.Name}' has {perRow} values per row in one batch and {width} in another; a representation needs a fixed size.", Description.Path);
            }

            OutputReader.Copy(output, _outputType, values.AsSpan(start * (int)width, n * (int)width));
            if (rowsEncoded is not null && (start + n >= nextReport || start + n == input.Rows))
            {
                rowsEncoded.Report(start + n);
                nextReport = start + n + reportEvery;
            }
        }

        values ??= [];
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new CchInputException(
                    $"the encoder's output '{Description.Output.Name}' is {values[i]} for row {i / Math.Max(1, width)} (0-based) of the {input.Rows} rows of '{input.Name}' read after filters and joins; a representation must be finite (check --input-scale and the input values).",
                    Description.Path);
        return new FeatureMatrix(name, input.Rows, (int)Math.Max(1, width), values);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private IDisposableReadOnlyCollection<OrtValue> Run(RunOptions runOptions, string[] inputNames, OrtValue tensor, string[] outputNames)
    {
        try
        {
            return _session.Run(runOptions, inputNames, [tensor], outputNames);
        }
        catch (OnnxRuntimeException e)
        {
            throw new CchInputException($"ONNX Runtime failed to run the model on a batch of shape [{string.Join(",", tensor.GetTensorTypeAndShape().Shape)}]: {FirstLine(e.Message)}", Description.Path, inner: e);
        }
    }

    /// <summary>Rows per inference call for <paramref name="rows"/> rows: the model's fixed batch, else the option capped at the row count.</summary>
    public int BatchSizeFor(int rows) => Description.FixedBatch ?? Math.Max(1, Math.Min(_options.BatchSize, rows));

    /// <summary>The row shape fed for rows of the rows of <paramref name="input"/>: the declared shape with a free axis filled in.</summary>
    /// <exception cref="CchInputException">The rows do not fit the model input.</exception>
    public IReadOnlyList<long> RowShapeFor(FeatureMatrix input) => FillFreeAxis(input);

    private long[] FillFreeAxis(FeatureMatrix input)
    {
        var shape = (long[])_declaredRowShape.Clone();
        var free = Array.FindIndex(shape, x => x < 0);
        var known = shape.Where(x => x >= 0).Aggregate(1L, (a, b) => a * b);
        if (free >= 0 && known > 0 && input.Columns % known == 0) shape[free] = input.Columns / known;
        var size = shape.Aggregate(1L, (a, b) => a * b);
        if (free >= 0 && shape[free] < 0 || size != input.Columns)
            throw new CchInputException(
                $"the model input {Description.Input} takes {Describe(_declaredRowShape)} values per row, but '{input.Name}' has {input.Columns} value{(input.Columns == 1 ? string.Empty : "s")} per row; "
                + "give --input-shape with the shape each row was stored in (without the batch axis, e.g. 1,28,28 for 784 pixels) or check that the column is the encoder's input.",
                Description.Path, input.Name);
        return shape;
    }

    private static string Describe(long[] rowShape)
    {
        var text = string.Join("×", rowShape.Select(x => x < 0 ? "?" : x.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return rowShape.Any(x => x < 0) || rowShape.Length <= 1 ? (rowShape.Length == 0 ? "1" : text) : $"{text} = {rowShape.Aggregate(1L, (a, b) => a * b)}";
    }

    private static long[] RowShape(IReadOnlyList<int>? given, long[] declared, TensorDescription input, string path)
    {
        if (given is null)
        {
            if (declared.Count(x => x < 0) > 1)
                throw new CchInputException(
                    $"the model input {input} has several free axes after the batch axis; give --input-shape with the shape of one row (e.g. 1,28,28).", path);
            return declared;
        }

        if (given.Any(x => x < 1))
            throw new CchInputException($"--input-shape {string.Join(",", given)}: every axis must be at least 1.");
        if (given.Count != declared.Length)
            throw new CchInputException(
                $"--input-shape {string.Join(",", given)} has {given.Count} axes but the model input {input} takes {declared.Length} after the batch axis; give the shape of one row without the batch axis.", path);
        for (var i = 0; i < declared.Length; i++)
            if (declared[i] >= 0 && declared[i] != given[i])
                throw new CchInputException(
                    $"--input-shape {string.Join(",", given)} contradicts the model input {input} on axis {i + 1} ({given[i]} vs {declared[i]}).", path);
        return given.Select(x => (long)x).ToArray();
    }

    private static (string Name, NodeMetadata Metadata) SingleInput(InferenceSession session, string path)
    {
        var inputs = session.InputNames;
        if (inputs.Count == 1) return (inputs[0], session.InputMetadata[inputs[0]]);
        var list = string.Join(", ", inputs.Select(n => OnnxTypes.Describe(n, session.InputMetadata[n]).ToString()));
        throw new CchInputException(
            inputs.Count == 0
                ? "the model has no required input; an encoder takes one input tensor of raw features."
                : $"the model has {inputs.Count} required inputs ({list}); an encoder must take exactly one input tensor of raw features (export the encoder with the other inputs fixed as constants).",
            path);
    }

    private static string DescribeOutputs(InferenceSession session) =>
        string.Join(", ", session.OutputNames.Select(n => OnnxTypes.Describe(n, session.OutputMetadata[n]).ToString()));

    private static InferenceSession CreateSession(string path, int threads)
    {
        using var options = CreateSessionOptions(threads);
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new CchInputException($"is not an ONNX model that ONNX Runtime can load: {FirstLine(e.Message)}", path, inner: e);
        }
    }

    private static SessionOptions CreateSessionOptions(int threads)
    {
        try
        {
            return new SessionOptions
            {
                // More threads than cores only adds contention (10,000 took minutes on 2 cores); cap, reported in the docs.
                IntraOpNumThreads = Math.Min(threads, Environment.ProcessorCount),
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            throw new OnnxRuntimeUnavailableException(
                $"ONNX Runtime's native library (onnxruntime) could not be loaded for {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}: {FirstLine((e.InnerException ?? e).Message)} "
                + "The Cch tool ships it for linux-x64, win-x64 and osx-arm64; a project using Cch.Core needs a PackageReference to Microsoft.ML.OnnxRuntime. See docs/troubleshooting.md.",
                e);
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 400 ? line[..400] + "…" : line;
    }
}

using System.CommandLine;
using System.Globalization;
using Cch.Configuration;
using Cch.Data;
using Cch.Encoders;
using Cch.Tool.Rendering;

namespace Cch.Tool.Commands;

/// <summary>
/// <c>dotnet cch encode</c>: run an ONNX encoder over a raw column and write the representations
/// to Parquet (list&lt;float&gt;, key carried over), to cache them and check them later as dumps.
/// </summary>
internal static class EncodeCommand
{
    private static readonly Option<string> Encoder = new("--encoder", "-m") { Description = "The ONNX model (.onnx).", Required = true };
    private static readonly Option<string> Input = new("--input", "-i") { Description = "Raw feature column [PATH:]COLUMN (a list column, a numeric column or a glob over numeric columns).", Required = true };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "Parquet file to write (atomically).", Required = true };
    private static readonly Option<string> Column = new("--column") { Description = "Name of the representation column.", DefaultValueFactory = _ => "representation" };
    private static readonly Option<string?> Data = new("--data", "-d") { Description = "Default Parquet file when --input names none." };
    private static readonly Option<string?> Key = new("--key") { Description = "Key column to carry over (string or integer), so check can join the output with other files." };
    private static readonly Option<string[]> Where = new("--where") { Description = "Keep rows where COLUMN=VALUE (repeatable).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<double?> Blur = new("--blur") { Description = "Blur each row as an image with a Gaussian of this σ in pixels before encoding (needs --image-shape)." };
    private static readonly Option<string?> ImageShape = new("--image-shape") { Description = "H,W of the row-major images for --blur, e.g. 28,28." };
    private static readonly Option<string?> Output = EncoderOptionParsing.OutputOption();
    private static readonly Option<string?> InputShape = EncoderOptionParsing.InputShapeOption();
    private static readonly Option<string?> InputScale = EncoderOptionParsing.InputScaleOption();
    private static readonly Option<int> BatchSize = new("--batch-size", "--encoder-batch-size") { Description = "Rows per ONNX Runtime call (a model with a fixed batch axis uses its own).", DefaultValueFactory = _ => EncoderOptions.DefaultBatchSize };
    private static readonly Option<int> Threads = new("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 1 };

    /// <summary>Creates the <c>encode</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("encode", "Run an ONNX encoder over a raw feature column and write the representations as a Parquet list<float> column (key carried over). Exit code: 0 done, 2 input error, 3 internal error (a bug), 130 cancelled.");
        foreach (var option in new Option[] { Encoder, Input, Out, Column, Data, Key, Where, Blur, ImageShape, Output, InputShape, InputScale, BatchSize, Threads })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = Request(parse);
            var result = await ProgressDisplay.RunAsync(InputProgress.ReadingPhase, p => RepresentationExport.RunAsync(request, cancellationToken, p.Input), cancellationToken);
            var m = result.Model;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"encoded {result.Rows} rows with {Path.GetFileName(m.Path)} ({m.Input.Name} [{string.Join(",", m.RowShape)}] → {m.Output.Name}, {result.Dimensions} values per row) in {result.Seconds:0.00} s"));
            Console.Error.WriteLine($"wrote {result.OutputPath}: {(result.KeyColumn is null ? string.Empty : result.KeyColumn + ", ")}{result.Column} list<float>[{result.Dimensions}]");
            return (int)ExitCodes.Success;
        });
        return command;
    }

    private static EncodeRequest Request(ParseResult parse)
    {
        var inputShape = parse.GetValue(InputShape);
        return new EncodeRequest
        {
            Input = new ColumnRequest
            {
                DataPath = parse.GetValue(Data),
                Column = ColumnSpec.Parse(parse.GetValue(Input)!),
                Key = string.IsNullOrWhiteSpace(parse.GetValue(Key)) ? null : parse.GetValue(Key),
                Filters = (parse.GetValue(Where) ?? []).Select(RowFilter.Parse).ToList(),
            },
            Blur = ImageBlur.From(parse.GetValue(Blur), parse.GetValue(ImageShape), "--blur"),
            Encoder = new EncoderOptions(parse.GetValue(Encoder)!)
            {
                OutputName = parse.GetValue(Output),
                InputShape = inputShape is null ? null : CheckSettings.ParseShape(inputShape, ("--input-shape", null)),
                InputScale = EncoderOptionParsing.Scale(parse.GetValue(InputScale)) ?? 1,
                BatchSize = parse.GetValue(BatchSize),
                Threads = parse.GetValue(Threads),
            },
            OutputPath = parse.GetValue(Out)!,
            Column = parse.GetValue(Column)!,
        };
    }
}

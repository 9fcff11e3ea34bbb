using System.CommandLine;
using System.Globalization;

namespace Cch.Tool.Commands;

/// <summary>The encoder options that <c>check</c> and <c>encode</c> share.</summary>
internal static class EncoderOptionParsing
{
    public static Option<string?> OutputOption() => new("--output") { Description = "The model output to use as the representation (default: the first output)." };

    public static Option<string?> InputShapeOption() => new("--input-shape") { Description = "Shape of one raw row as the model takes it, without the batch axis, e.g. 1,28,28 for 784 pixels stored row-major (default: the model's input shape)." };

    public static Option<string?> InputScaleOption() => new("--input-scale") { Description = "Multiply every raw value by this before encoding: a number or a fraction, e.g. 1/255 for 8-bit pixels (default 1)." };

    /// <summary>Parses <c>0.5</c> or <c>1/255</c>.</summary>
    /// <exception cref="CchInputException">Neither a number nor a fraction of two numbers.</exception>
    public static double? Scale(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            var value = double.Parse(parts[0], CultureInfo.InvariantCulture);
            if (parts.Length == 2) value /= double.Parse(parts[1], CultureInfo.InvariantCulture);
            if (double.IsFinite(value) && value != 0) return value;
        }

        throw new CchInputException($"--input-scale '{text}': expected a finite, non-zero number or fraction, e.g. 0.5 or 1/255.");
    }
}

using Cch.Data;

namespace Cch.Reproduction.Mnist;

/// <summary>The digits of <c>mnist.parquet</c>: pixels scaled to [0, 1] and the digit of every row.</summary>
/// <param name="Pixels">N × 784 intensities (the file's uint8 values / 255), 28×28 row-major.</param>
/// <param name="Classes">The digit 0–9 of every row.</param>
/// <param name="Path">Full path of the file read.</param>
internal sealed record MnistDigits(FeatureMatrix Pixels, int[] Classes, string Path)
{
    /// <summary>The file name the reproduction reads from <see cref="ReproductionOptions.DataDirectory"/>.</summary>
    public const string FileName = "mnist.parquet";

    /// <summary>Reads <c>mnist.parquet</c> (columns <c>pixels</c>, list of 784 uint8, and <c>label</c>, 0–9) from <paramref name="directory"/>.</summary>
    /// <exception cref="CchInputException">No folder, no file, or columns that are not MNIST digits (file and column named).</exception>
    public static MnistDigits Load(string? directory, CancellationToken cancellationToken)
    {
        if (directory is null)
            throw new CchInputException($"The MNIST reproduction reads {FileName}: give --data FOLDER (the folder holding it) or set CCH_DATA.");
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, FileName));
        if (!File.Exists(path))
            throw new CchInputException($"{FileName} not found in '{directory}'; the MNIST reproduction needs the 10,000 digits (columns id, label, pixels).", file: path);
        var pair = DatasetLoader.LoadPairAsync(
            new PairRequest { DataPath = path, X = new ColumnSpec(null, "pixels"), Label = new ColumnSpec(null, "label"), Task = TaskKind.Classification },
            cancellationToken).GetAwaiter().GetResult();
        var x = pair.X;
        var label = pair.Label!;
        if (x.Columns != MnistCnn.Side * MnistCnn.Side)
            throw new CchInputException($"holds {x.Columns} values per row; MNIST digits have {MnistCnn.Side * MnistCnn.Side} (28×28).", file: path, column: "pixels");
        var digitOfClass = new int[label.ClassCount];
        for (var c = 0; c < label.ClassCount; c++)
            if (!int.TryParse(label.ClassNames![c], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out digitOfClass[c]) || digitOfClass[c] is < 0 or > 9)
                throw new CchInputException($"holds the class '{label.ClassNames[c]}'; MNIST labels are the digits 0–9.", file: path, column: "label");

        var pixels = new double[x.Values.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            var v = x.Values[i];
            if (!(v >= 0 && v <= 255))
                throw new CchInputException($"holds {v}; MNIST pixels are 0–255.", file: path, column: "pixels", row: i / x.Columns);
            pixels[i] = v / 255;
        }

        var classes = label.Classes!.Select(c => digitOfClass[c]).ToArray();
        return new MnistDigits(new FeatureMatrix("mnist pixels", x.Rows, x.Columns, pixels), classes, path);
    }
}

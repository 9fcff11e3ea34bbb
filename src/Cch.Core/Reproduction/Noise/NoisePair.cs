using Cch.Data;

namespace Cch.Reproduction.Noise;

/// <summary>
/// One teacher → student pair of the noise ablation: what to read from the data folder and how its
/// rows split into training and test rows.
/// </summary>
/// <param name="Name">Series name in the report, e.g. "handwritten fac216 → zer47".</param>
/// <param name="Request">The training rows (the rows the criterion uses), as <c>check --where split=train</c> reads them.</param>
/// <param name="TestFilters">
/// Filters selecting the held-out test rows (<c>--test-where</c>); empty when the file has no test rows, and then the
/// verification holds out a seeded, stratified share of the training rows (as <c>check --verify</c> does).
/// </param>
/// <param name="Files">The files the pair reads (full paths), checked before any work.</param>
/// <param name="Stream">Base stream id of the pair's noise draws (<see cref="Neural.SeedStreams"/>): criterion rows, then test rows.</param>
internal sealed record NoisePair(string Name, DataRequest Request, IReadOnlyList<RowFilter> TestFilters, IReadOnlyList<string> Files, int Stream)
{
    /// <summary>The handwritten file's name in the data folder.</summary>
    public const string HandwrittenFile = "handwritten.parquet";

    /// <summary>The breast_tcga files' names in the data folder: teacher, student, labels.</summary>
    public static readonly IReadOnlyList<string> BreastTcgaFiles = ["breast_tcga_mRNA200.parquet", "breast_tcga_miRNA184.parquet", "breast_tcga_labels.parquet"];

    /// <summary>UCI Multiple Features: profile correlations <c>fac216</c> (216 values) teach Zernike moments <c>zer47</c> (47); 1,400 train / 600 test rows by the file's <c>split</c>.</summary>
    public static NoisePair Handwritten(string directory)
    {
        var path = Path.Combine(directory, HandwrittenFile);
        return new NoisePair(
            "handwritten fac216 → zer47",
            new DataRequest
            {
                DataPath = path,
                BaseDirectory = directory,
                Teachers = [new ColumnSpec(null, "fac216")],
                Student = new ColumnSpec(null, "zer47"),
                Label = new ColumnSpec(null, "label"),
                Filters = [new RowFilter("split", "train")],
            },
            [new RowFilter("split", "test")],
            [path],
            Stream: 16);
    }

    /// <summary>
    /// TCGA breast cancer: mRNA (200 genes) teaches miRNA (184), label <c>subtype</c>, joined on <c>sample_id</c>. The labels
    /// file marks all 150 samples <c>split = train</c>, so the test rows are a seeded share of them.
    /// </summary>
    public static NoisePair BreastTcga(string directory)
    {
        var files = BreastTcgaFiles.Select(f => Path.Combine(directory, f)).ToList();
        return new NoisePair(
            "breast_tcga mRNA → miRNA",
            new DataRequest
            {
                BaseDirectory = directory,
                Teachers = [new ColumnSpec(files[0], "mrna_*")],
                Student = new ColumnSpec(files[1], "mirna_*"),
                Label = new ColumnSpec(files[2], "subtype"),
                Key = "sample_id",
                Filters = [new RowFilter("split", "train")],
            },
            [],
            files,
            Stream: 32);
    }
}

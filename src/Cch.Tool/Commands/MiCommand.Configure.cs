using System.CommandLine;
using Cch.Criterion;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch mi</c> and <c>dotnet cch mi bmi</c>: the options. See <c>docs/cli.md</c>.</summary>
internal static partial class MiCommand
{
    private static readonly string Families = string.Join(", ", EstimatorFamilyNames.All);

    private static readonly Option<string?> X = new("--x") { Description = "The representation X, [PATH:]COLUMN: a list column, a numeric column or a glob over numeric columns." };
    private static readonly Option<string?> Y = new("--y") { Description = "A second representation Y, [PATH:]COLUMN (give --y or --label)." };
    private static readonly Option<string?> Label = new("--label", "-l") { Description = "A label column as Y, [PATH:]COLUMN (integer, string or bool: classes; float: regression; give --y or --label)." };
    private static readonly Option<string?> Data = new("--data", "-d") { Description = "Default Parquet file for column specs without a path." };
    private static readonly Option<string?> Key = new("--key") { Description = "Key column joining several files (rows may be in any order); needed when specs name several files, unless --join row-order." };
    private static readonly Option<string?> Join = new("--join") { Description = "strict (default), inner or row-order, as for check." };
    private static readonly Option<string[]> Where = new("--where") { Description = "Keep rows where COLUMN=VALUE (repeatable, all must hold), e.g. split=train.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Task = new("--task") { Description = "How to read --label: auto (default), classification or regression." };
    private static readonly Option<string?> Estimator = new("--estimator", "-e") { Description = $"Estimator family: {Families} (default auto: chosen from the dimensions, N and the label kind)." };
    private static readonly Option<int?> K = new("--k", "-k") { Description = "k nearest neighbours for the k-NN estimators (default 3)." };
    private static readonly Option<int?> Seed = new("--seed") { Description = "Seed for every random choice (default 0)." };
    private static readonly Option<double?> Confidence = new("--confidence") { Description = "Confidence level of the interval (default 0.95)." };
    private static readonly Option<int?> Replicates = new("--replicates") { Description = "Half-samples behind a half-sampled interval (default 20)." };
    private static readonly Option<string?> Device = new("--device") { Description = "Where a trained estimator (infonce, smile, mine, latent) trains: cpu (default) or cuda (needs a CUDA build of libtorch; see docs/scale.md)." };
    private static readonly Option<string?> MaxRows = SampleOptionParsing.MaxRowsOption();
    private static readonly Option<string?> Format = new("--format", "-f") { Description = "What to print on standard output: text (default, one line) or json." };

    private static readonly Argument<string> Sample = new("SAMPLE") { Description = "The CSV sample bmi wrote: a header X0,…,Y0,… and one sample per line." };
    private static readonly Argument<int> DimX = new("DIM_X") { Description = "The first DIM_X columns are X." };
    private static readonly Argument<int> DimY = new("DIM_Y") { Description = "The next DIM_Y columns are Y." };
    private static readonly Option<string?> BmiEstimator = new("--estimator", "-e") { Description = $"Estimator family: {string.Join(", ", EstimatorFamilyNames.All.Where(f => f != "probe"))} (default auto; the probe needs a label, which a bmi sample has not)." };
    private static readonly Option<int?> BmiK = new("--k", "-k") { Description = "k nearest neighbours for the k-NN estimators (default 3)." };
    private static readonly Option<int?> BmiSeed = new("--seed") { Description = "Seed for every random choice (default 0)." };

    /// <summary>Creates the <c>mi</c> command with its <c>bmi</c> subcommand.</summary>
    public static Command Create()
    {
        var command = new Command("mi", "Estimate one mutual information I(X;Y) in nats with its confidence interval: X and Y two representations (--y) or Y a label (--label). Same readers and estimators as check. Exit code: 0 done, 2 input error, 3 internal error (a bug), 130 cancelled.");
        foreach (var option in new Option[] { X, Y, Label, Data, Key, Join, Where, Task, Estimator, K, Seed, Confidence, Replicates, MaxRows, Device, Format })
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));

        var bmi = new Command("bmi", "For the bmi benchmark's ExternalEstimator: read SAMPLE (bmi's CSV), print only the estimate of I(X;Y) in nats (round-trip precision), nothing else; exit 2 with a message on bad input. See docs/bmi.md.");
        bmi.Arguments.Add(Sample);
        bmi.Arguments.Add(DimX);
        bmi.Arguments.Add(DimY);
        foreach (var option in new Option[] { BmiEstimator, BmiK, BmiSeed })
            bmi.Options.Add(option);
        bmi.SetAction((parse, cancellationToken) => RunBmiAsync(parse, cancellationToken));
        command.Subcommands.Add(bmi);
        return command;
    }
}

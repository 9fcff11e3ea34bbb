using System.CommandLine;
using Cch.Reproduction;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch reproduce</c>: the options. See <c>docs/reproduction.md</c>.</summary>
internal static partial class ReproduceCommand
{
    private static readonly Argument<string> Experiment = new("EXPERIMENT") { Description = $"Which experiment: {string.Join(", ", ReproductionRunner.Names.Keys)}." };
    private static readonly Option<bool> Quick = new("--quick") { Description = "A reduced setting (fewer points, rows, seeds or epochs) that finishes in a few minutes on 2 cores." };
    private static readonly Option<int?> Seed = new("--seed") { Description = "Master seed for data, splits, weights and intervals (default 0)." };
    private static readonly Option<int?> Seeds = new("--seeds") { Description = "Training seeds per point, paired KD / no-KD runs (default: the experiment's, see docs/reproduction.md)." };
    private static readonly Option<int?> Threads = new("--threads") { Description = "libtorch threads for training (default 1; results are reproducible for a fixed count)." };
    private static readonly Option<string?> Device = new("--device") { Description = "Where libtorch trains: cpu (default) or cuda (needs a CUDA build of libtorch, which the tool package does not ship; see docs/scale.md). CUDA results are not bit-identical to the CPU's." };
    private static readonly Option<string?> Data = new("--data", "-d") { Description = "Folder with the datasets (mnist.parquet, handwritten.parquet, breast_tcga_*.parquet); default $CCH_DATA, else ../shared/data when it exists. Not used by gaussian." };
    private static readonly Option<string?> Report = new("--report", "-r") { Description = "Write the JSON report here (atomically)." };
    private static readonly Option<string?> Html = new("--html") { Description = "Write a self-contained HTML report with plots here (atomically; no scripts or external resources)." };
    private static readonly Option<string?> Format = new("--format", "-f") { Description = "What to print on standard output: text (default), json, markdown or html." };

    /// <summary>Creates the <c>reproduce</c> command.</summary>
    public static Command Create()
    {
        var command = new Command(
            "reproduce",
            "Run one of the CCH paper's experiments: degrade the teacher step by step and report, at each step, Δ with its interval and verdict beside the measured effect of distillation. Exit code: 0 done, 2 input error, 3 internal error (a bug), 130 cancelled.");
        command.Arguments.Add(Experiment);
        foreach (var option in new Option[] { Quick, Seed, Seeds, Threads, Device, Data, Report, Html, Format })
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }
}

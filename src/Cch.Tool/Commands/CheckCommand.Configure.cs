using System.CommandLine;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch check</c>: the options. See <c>docs/cli.md</c>.</summary>
internal static partial class CheckCommand
{
    private static readonly Option<string?> Config = new("--config", "-c") { Description = "cch.json holding any of these options (the command line wins). Default: ./cch.json when present." };
    private static readonly Option<string?> Example = new("--example") { Description = "Run on a built-in generated example instead of files: 'gaussian' (the paper's joint-Gaussian model)." };
    private static readonly Option<string?> Data = new("--data", "-d") { Description = "Default Parquet file for column specs without a path." };
    private static readonly Option<string[]> Teacher = new("--teacher", "-t") { Description = "Teacher representation [PATH:]COLUMN (repeatable; several teachers are ranked by Δ).", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Student = new("--student", "-s") { Description = "Student representation [PATH:]COLUMN." };
    private static readonly Option<string?> Label = new("--label", "-l") { Description = "Label column [PATH:]COLUMN (integer, string or bool: classes; float: regression)." };
    private static readonly Option<string?> Key = new("--key") { Description = "Key column joining several files (rows may be in any order)." };
    private static readonly Option<string?> Join = new("--join") { Description = "strict (default: every key in every file) or inner (keep the intersection, reported)." };
    private static readonly Option<string[]> Where = new("--where") { Description = "Keep rows where COLUMN=VALUE (repeatable, all must hold), e.g. split=train.", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Task = new("--task") { Description = "auto (default), classification or regression." };
    private static readonly Option<string?> Estimator = new("--estimator", "-e") { Description = "ksg (default), mixed or gaussian." };
    private static readonly Option<string?> LabelEstimator = new("--label-estimator") { Description = "Estimator family for I(H_s;Y) if it should differ from --estimator." };
    private static readonly Option<int?> K = new("--k", "-k") { Description = "k nearest neighbours for ksg/mixed (default 3)." };
    private static readonly Option<int?> Seed = new("--seed") { Description = "Seed for every random choice (default 0)." };
    private static readonly Option<double?> Margin = new("--margin") { Description = "Decision margin in nats (default 0): pass when the whole interval of Δ lies above it." };
    private static readonly Option<double?> Confidence = new("--confidence") { Description = "Confidence level of the intervals (default 0.95)." };
    private static readonly Option<int?> Replicates = new("--replicates") { Description = "Half-samples behind the intervals (default 20)." };
    private static readonly Option<string?> FailOn = new("--fail-on") { Description = "fail (default) or inconclusive: which verdicts exit with code 1." };
    private static readonly Option<string?> Report = new("--report", "-r") { Description = "Write the JSON report here (atomically)." };
    private static readonly Option<string?> Format = new("--format", "-f") { Description = "What to print on standard output: text (default), json or markdown." };

    /// <summary>Creates the <c>check</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("check", "Estimate I(H_t;H_s) and I(H_s;Y) with confidence intervals and decide whether distillation from each teacher should help. Exit code: 0 pass, 1 fail, 2 input error.");
        foreach (var option in new Option[] { Config, Example, Data, Teacher, Student, Label, Key, Join, Where, Task, Estimator, LabelEstimator, K, Seed, Margin, Confidence, Replicates, FailOn, Report, Format })
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Cch.Checking;
using Cch.Configuration;
using Cch.Reports;
using Cch.Tool.Rendering;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch mi</c>: maps options to settings, runs the core, prints one line or the JSON document.</summary>
internal static partial class MiCommand
{
    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = MutualInformationSettings.From(new MutualInformationConfig
        {
            X = parse.GetValue(X),
            Y = parse.GetValue(Y),
            Label = parse.GetValue(Label),
            Data = parse.GetValue(Data),
            Key = parse.GetValue(Key),
            Join = parse.GetValue(Join),
            Where = parse.GetValue(Where) is { Length: > 0 } w ? w : null,
            Task = parse.GetValue(Task),
            Estimator = parse.GetValue(Estimator),
            K = parse.GetValue(K),
            Seed = parse.GetValue(Seed),
            Confidence = parse.GetValue(Confidence),
            Replicates = parse.GetValue(Replicates),
            Device = parse.GetValue(Device),
            Format = parse.GetValue(Format),
            MaxRows = SampleOptionParsing.MaxRows(parse.GetValue(MaxRows)),
        });
        var report = await System.Threading.Tasks.Task.Run(() => MutualInformationCheck.RunAsync(settings, cancellationToken), cancellationToken);

        CommandRunner.WriteWarnings(report.Warnings);
        if (settings.Format == ReportFormat.Json) Console.Out.WriteLine(ReportWriter.ToJson(report));
        else Console.Out.WriteLine(MutualInformationLine.Format(report));
        return (int)ExitCodes.Success;
    }

    /// <summary>
    /// bmi's <c>ExternalEstimator</c> parses everything the process prints (standard error included) as
    /// one float: so the estimate alone, in round-trip precision, and no warnings.
    /// </summary>
    private static async Task<int> RunBmiAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = BmiSettings.From(parse.GetValue(Sample)!, parse.GetValue(DimX), parse.GetValue(DimY), parse.GetValue(BmiEstimator), parse.GetValue(BmiK), parse.GetValue(BmiSeed));
        var estimate = await System.Threading.Tasks.Task.Run(() => MutualInformationCheck.EstimateBmiSample(settings, cancellationToken), cancellationToken);
        Console.Out.WriteLine(estimate.ToString("R", CultureInfo.InvariantCulture));
        return (int)ExitCodes.Success;
    }
}

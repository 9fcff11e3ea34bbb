using System.CommandLine;
using Cch.Configuration;
using Cch.Reports;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch init</c>: writes a starter <c>cch.json</c> and its schema beside it.</summary>
internal static class InitCommand
{
    private static readonly Option<string> Path = new("--path", "-p") { Description = "Where to write the config.", DefaultValueFactory = _ => CchConfigFile.DefaultFileName };
    private static readonly Option<bool> Force = new("--force") { Description = "Overwrite an existing config." };

    /// <summary>Creates the <c>init</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("init", "Write a starter cch.json (and cch-config.schema.json beside it for editor completion).");
        command.Options.Add(Path);
        command.Options.Add(Force);
        command.SetAction(parse =>
        {
            var target = ReportWriter.PrepareTarget(parse.GetValue(Path)!);
            if (File.Exists(target) && !parse.GetValue(Force))
                throw new CchInputException("The config already exists; pass --force to overwrite it.", file: target);
            var schema = ReportWriter.PrepareTarget(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, CchConfigFile.SchemaFileName));
            ReportWriter.WriteAtomic(target, CchConfigFile.ToJson(Starter()) + Environment.NewLine, "config");
            ReportWriter.WriteAtomic(schema, CchConfigFile.ConfigSchema, "config schema");
            Console.Error.WriteLine($"wrote {target} and {schema}");
            return (int)ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The starter config: placeholder file and column names to edit, every default spelled out.</summary>
    internal static CchConfig Starter() => new()
    {
        Schema = "./" + CchConfigFile.SchemaFileName,
        Data = "data/representations.parquet",
        Teachers = ["teacher_embedding"],
        Student = "student_embedding",
        Label = "label",
        Where = ["split=train"],
        Task = "auto",
        Estimator = "ksg",
        K = 3,
        Seed = 0,
        Margin = 0,
        Confidence = 0.95,
        Replicates = 20,
        FailOn = "fail",
        Report = "cch-report.json",
        Format = "text",
    };
}

using System.CommandLine;
using Cch.Tool.Commands;

namespace Cch.Tool;

/// <summary>The <c>dotnet cch</c> command tree.</summary>
internal static class CchCli
{
    /// <summary>Creates the root command with every subcommand.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("Cch: decide whether cross-modal knowledge distillation will help, before training (Cross-modal Complementarity Hypothesis, arXiv:2510.13182).");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(CheckCommand.CreateVerify());
        root.Subcommands.Add(EncodeCommand.Create());
        root.Subcommands.Add(MiCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(ReproduceCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Options.Add(CommandRunner.Verbose);
        Help.GroupedHelpAction.Install(root);
        return root;
    }
}

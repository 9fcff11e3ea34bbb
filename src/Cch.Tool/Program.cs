using System.CommandLine;
using Cch.Tool;
using Cch.Tool.Commands;

var root = new RootCommand("Cch: decide whether cross-modal knowledge distillation will help, before training (Cross-modal Complementarity Hypothesis, arXiv:2510.13182).");
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(InitCommand.Create());
return await CommandRunner.RunAsync(root, args);

using System.CommandLine;
using System.Reflection;
using Cch.Configuration;
using Cch.Tests;
using Cch.Tool.Commands;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// <see cref="CchConfig"/> declares the options once (a key per option, <see cref="CommandLineOptionAttribute"/>
/// naming it); the <c>check</c>/<c>verify</c> command lines and docs/cli.md are checked against it here (the schema
/// in Cch.Core.Tests' ConfigSchemaAgreementTests).
/// </summary>
public class OptionDeclarationTests
{
    /// <summary>Options that steer the run itself and have no config key.</summary>
    private static readonly string[] CommandLineOnly = ["--config", "--example", "--shard", "--help"];

    private static readonly string[] ConfigOptions = typeof(CchConfig).GetProperties()
        .Select(p => p.GetCustomAttribute<CommandLineOptionAttribute>()?.Name).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();

    private static string[] Names(Command command) =>
        command.Options.Select(o => o.Name).Except(CommandLineOnly).Where(n => !n.StartsWith("-?", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_check_option_is_a_config_key_and_every_key_a_check_option()
    {
        Assert.Equal(ConfigOptions, Names(CheckCommand.Create()));
    }

    [Fact]
    public void Verify_has_the_same_options_but_verify_itself()
    {
        Assert.Equal(ConfigOptions.Where(o => o != "--verify"), Names(CheckCommand.CreateVerify()));
    }

    [Fact]
    public void The_cli_reference_documents_every_check_option()
    {
        var cli = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "cli.md"));
        var missing = Names(CheckCommand.Create()).Concat(["--config", "--example", "--shard"]).Where(o => !cli.Contains($"`{o}", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"docs/cli.md does not document {string.Join(", ", missing)}");
    }
}

using System.CommandLine;

namespace Cch.Tool.Tests.Errors;

/// <summary>Console.Error is process-wide: these tests swap it, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

/// <summary>
/// The real command runner on a command whose action is a bug (it throws InvalidOperationException): the wiring of
/// <c>--verbose</c> on every command and of the crash file, without a test hook in the product.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CommandRunnerFailureTests
{
    private static RootCommand Root()
    {
        var root = new RootCommand("test");
        var group = new Command("group");
        var boom = new Command("boom");
        boom.SetAction(_ => Bug());
        group.Subcommands.Add(boom);
        root.Subcommands.Add(group);
        root.Options.Add(CommandRunner.Verbose);
        return root;
    }

    private static int Bug() => throw new InvalidOperationException("a bug in the action");

    private static (int Code, string Error) Run(params string[] args)
    {
        var original = Console.Error;
        var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (CommandRunner.RunAsync(Root(), args).GetAwaiter().GetResult(), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static string CrashFile(string error)
    {
        var path = System.Text.RegularExpressions.Regex.Match(error, @"\S*cch-crash-\S+\.txt").Value;
        Assert.True(File.Exists(path), $"no crash file named in: {error}");
        return path;
    }

    [Theory]
    [InlineData("group", "boom", "--verbose")]
    [InlineData("--verbose", "group", "boom")]
    public void Verbose_is_accepted_anywhere_and_prints_the_trace_of_a_bug(params string[] args)
    {
        var (code, error) = Run(args);
        var crash = CrashFile(error);
        try
        {
            Assert.Equal(3, code);
            Assert.StartsWith("internal error (InvalidOperationException): a bug in the action", error);
            Assert.Contains($"at {typeof(CommandRunnerFailureTests).FullName}.{nameof(Bug)}", error);
            Assert.Contains($"command line: dotnet cch {string.Join(' ', args)}", File.ReadAllText(crash));
        }
        finally
        {
            File.Delete(crash);
        }
    }

    [Fact]
    public void Without_verbose_a_bug_prints_two_lines_and_leaves_the_crash_file()
    {
        var (code, error) = Run("group", "boom");
        var crash = CrashFile(error);
        try
        {
            Assert.Equal(3, code);
            Assert.Equal(2, error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Contains($"at {typeof(CommandRunnerFailureTests).FullName}.{nameof(Bug)}", File.ReadAllText(crash));
        }
        finally
        {
            File.Delete(crash);
        }
    }
}

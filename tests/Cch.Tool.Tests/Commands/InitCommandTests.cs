using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

public sealed class InitCommandTests
{
    [Fact]
    public void Init_writes_a_config_that_validates_against_the_published_schema()
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "init");

        Assert.Equal(0, run.ExitCode);
        SchemaAssert.Valid("cch-config.schema.json", File.ReadAllText(dir.File("cch.json")));
        Assert.True(File.Exists(dir.File("cch-config.schema.json")));
    }

    [Fact]
    public void Init_refuses_to_overwrite_without_force()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File("cch.json"), "{}");

        var refused = CchProcess.Run(dir.Path, "init");
        var forced = CchProcess.Run(dir.Path, "init", "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.StdErr);
        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual("{}", File.ReadAllText(dir.File("cch.json")));
    }

    [Fact]
    public void Init_into_a_directory_path_is_an_input_error_that_writes_nothing()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.File("sub"));

        var run = CchProcess.Run(dir.Path, "init", "--path", "sub");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a directory", run.StdErr);
        Assert.Empty(Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories));
    }
}

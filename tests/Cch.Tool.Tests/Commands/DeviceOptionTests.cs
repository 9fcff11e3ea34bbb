using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// <c>--device</c> (and cch.json's <c>device</c>) on check, mi and reproduce, run as a process. The tool ships
/// libtorch's CPU build, so <c>--device cuda</c> must stop before any work with exit code 2, say what to
/// install, and write nothing. CPU stays the default and is what every other test covers.
/// </summary>
public sealed class DeviceOptionTests
{
    [Fact]
    public void Check_with_device_cuda_exits_2_before_any_work_saying_what_to_install_and_writes_nothing()
    {
        using var dir = new TempFolder();
        var report = dir.File("r.json");
        var html = dir.File("r.html");

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--device", "cuda", "--report", report, "--html", html);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--device cuda", run.StdErr);
        Assert.Contains("TorchSharp-cuda-linux", run.StdErr);
        Assert.Contains("CPU build only", run.StdErr);
        Assert.Equal("", run.StdOut);
        Assert.False(File.Exists(report));
        Assert.False(File.Exists(html));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void The_config_key_device_cuda_is_refused_the_same_way()
    {
        using var dir = new TempFolder();
        var config = dir.Write("cch.json", """{ "device": "cuda" }""");

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--config", config, "--report", dir.File("r.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TorchSharp-cuda-linux", run.StdErr);
        Assert.False(File.Exists(dir.File("r.json")));
    }

    [Theory]
    [InlineData("check", "--example", "gaussian")]
    [InlineData("reproduce", "gaussian", "--quick")]
    [InlineData("mi", "--data", "absent.parquet", "--x", "x", "--y", "y")]
    public void A_device_other_than_cpu_or_cuda_is_an_input_error_naming_the_option(params string[] args)
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, [.. args, "--device", "gpu"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--device 'gpu'", run.StdErr);
        Assert.Contains("cpu, cuda", run.StdErr);
    }

    [Fact]
    public void Mi_with_device_cuda_exits_2_before_reading_the_data()
    {
        using var dir = new TempFolder();

        // The data file does not exist: the CUDA check comes first, so the message is about CUDA, not the file.
        var run = CchProcess.Run(dir.Path, "mi", "--data", "absent.parquet", "--x", "x", "--y", "y", "--device", "cuda");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TorchSharp-cuda-linux", run.StdErr);
        Assert.DoesNotContain("absent.parquet", run.StdErr);
    }

    [Fact]
    public void Reproduce_with_device_cuda_exits_2_and_writes_no_report()
    {
        using var dir = new TempFolder();
        var report = dir.File("r.json");

        var run = CchProcess.Run(dir.Path, "reproduce", "gaussian", "--quick", "--seeds", "2", "--device", "cuda", "--report", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TorchSharp-cuda-linux", run.StdErr);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void Device_cpu_is_accepted_and_runs_as_the_default_does()
    {
        using var dir = new TempFolder();

        var explicitCpu = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--estimator", "gaussian", "--no-self-check", "--device", "cpu");
        var byDefault = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--estimator", "gaussian", "--no-self-check");

        Assert.True(explicitCpu.ExitCode == 0, explicitCpu.StdErr + explicitCpu.StdOut);
        Assert.Equal(byDefault.ExitCode, explicitCpu.ExitCode);
    }
}

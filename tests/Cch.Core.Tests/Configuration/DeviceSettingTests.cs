using Cch.Configuration;
using Cch.Neural;

namespace Cch.Tests.Configuration;

/// <summary><c>--device</c> / config key <c>device</c>: parsed the same way by check, mi and reproduce; CPU by default.</summary>
public sealed class DeviceSettingTests
{
    private static readonly CchConfig Minimal = new() { Teachers = ["t"], Student = "s", Label = "y" };

    [Fact]
    public void Cpu_is_the_default_everywhere()
    {
        var check = CheckSettings.From(Minimal with { Verify = true });
        Assert.Equal(ComputeDevice.Cpu, check.Criterion.Device);
        Assert.Equal(ComputeDevice.Cpu, check.Verification!.Device);
        Assert.Equal(ComputeDevice.Cpu, new Cch.Estimators.NeuralEstimatorOptions().Device);
        Assert.Equal(ComputeDevice.Cpu, new Cch.Distillation.VerificationOptions().Device);
        Assert.Equal(ComputeDevice.Cpu, new Cch.Reproduction.ReproductionOptions().Device);
        Assert.Equal(ComputeDevice.Cpu, MutualInformationSettings.From(new MutualInformationConfig { X = "x", Y = "y" }).Criterion.Device);
        Assert.Equal(ComputeDevice.Cpu, ReproductionSettings.From("gaussian", false, null, null, null, null, null, null, null, Path.GetTempPath(), null).Options.Device);
    }

    [Theory]
    [InlineData("cpu", ComputeDevice.Cpu)]
    [InlineData("cuda", ComputeDevice.Cuda)]
    [InlineData(" CUDA ", ComputeDevice.Cuda)]
    public void Cpu_and_cuda_parse_for_every_command(string value, ComputeDevice expected)
    {
        var check = CheckSettings.From(Minimal with { Verify = true, Device = value });
        Assert.Equal(expected, check.Criterion.Device);
        Assert.Equal(expected, check.Verification!.Device);
        Assert.Equal(expected, MutualInformationSettings.From(new MutualInformationConfig { X = "x", Y = "y", Device = value }).Criterion.Device);
        Assert.Equal(expected, ReproductionSettings.From("gaussian", false, null, null, null, null, null, null, null, Path.GetTempPath(), null, value).Options.Device);
    }

    [Fact]
    public void A_bad_device_names_the_option_and_the_choices()
    {
        var check = Assert.Throws<CchInputException>(() => CheckSettings.From(Minimal with { Device = "gpu" }));
        var mi = Assert.Throws<CchInputException>(() => MutualInformationSettings.From(new MutualInformationConfig { X = "x", Y = "y", Device = "gpu" }));
        var reproduce = Assert.Throws<CchInputException>(() => ReproductionSettings.From("gaussian", false, null, null, null, null, null, null, null, Path.GetTempPath(), null, "gpu"));

        Assert.All(new[] { check, mi, reproduce }, e =>
        {
            Assert.Contains("--device 'gpu'", e.Message);
            Assert.Contains("expected one of: cpu, cuda", e.Message);
        });
    }

    [Fact]
    public void A_bad_device_in_a_config_file_names_the_key_and_the_file()
    {
        var error = Assert.Throws<CchInputException>(() => CheckSettings.ValidateFile(Minimal with { Device = "tpu" }, "/x/cch.json"));

        Assert.Contains("key 'device'", error.Message);
        Assert.Equal("/x/cch.json", error.File);
    }

    [Fact]
    public void The_command_line_device_wins_over_the_file()
    {
        var merged = new CchConfig { Device = "cpu" }.Over(Minimal with { Device = "cuda" });

        Assert.Equal(ComputeDevice.Cpu, CheckSettings.From(merged).Criterion.Device);
        Assert.Equal(ComputeDevice.Cuda, CheckSettings.From(new CchConfig().Over(Minimal with { Device = "cuda" })).Criterion.Device);
    }

    [Fact]
    public void Requiring_cuda_with_the_cpu_build_of_libtorch_is_an_input_error_saying_what_to_install()
    {
        // The test project references libtorch's CPU build only, as the tool package does.
        var error = Assert.Throws<CchInputException>(() => TorchRuntime.RequireDevice(ComputeDevice.Cuda));

        Assert.Contains("--device cuda", error.Message);
        Assert.Contains("TorchSharp-cuda-linux", error.Message);
        Assert.Contains("TorchSharp-cuda-windows", error.Message);
        Assert.Contains("libtorch-cuda", error.Message);
        Assert.Contains("CPU build only", error.Message);
        TorchRuntime.RequireDevice(ComputeDevice.Cpu); // the CPU is always there
    }
}

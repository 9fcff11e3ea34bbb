using Cch.Configuration;
using Cch.Reproduction;

namespace Cch.Tests.Configuration;

public sealed class ReproductionSettingsTests
{
    private static ReproductionSettings From(string experiment, int? seeds = null, int? threads = null, string? data = null, string? format = null, string? env = null, string? cwd = null) =>
        ReproductionSettings.From(experiment, quick: false, seed: null, seeds, threads, data, format, report: null, html: null, cwd ?? Path.GetTempPath(), env);

    [Fact]
    public void Every_experiment_name_resolves()
    {
        Assert.Equal(ReproductionExperiment.Gaussian, From("gaussian").Experiment);
        using var folder = new TempFolder();
        Assert.Equal(ReproductionExperiment.MnistStudentBlur, From("mnist-student-blur", data: folder.Path).Experiment);
        Assert.Equal(folder.Path, From("noise", env: folder.Path).Options.DataDirectory);
    }

    [Fact]
    public void Bad_values_are_input_errors_that_name_the_option()
    {
        Assert.Contains("unknown experiment 'mnsit'", Assert.Throws<CchInputException>(() => From("mnsit")).Message);
        Assert.Contains("--seeds 1", Assert.Throws<CchInputException>(() => From("gaussian", seeds: 1)).Message);
        Assert.Contains("--threads 0", Assert.Throws<CchInputException>(() => From("gaussian", threads: 0)).Message);
        Assert.Contains("--format", Assert.Throws<CchInputException>(() => From("gaussian", format: "yaml")).Message);
        Assert.Contains("drop --data", Assert.Throws<CchInputException>(() => From("gaussian", data: "/tmp")).Message);
        Assert.Contains("no such folder", Assert.Throws<CchInputException>(() => From("mnist", data: "/no/such/folder")).Message);
    }

    [Fact]
    public void Experiments_on_real_data_without_a_folder_say_how_to_give_one()
    {
        using var folder = new TempFolder(); // no ../shared/data next to it

        var e = Assert.Throws<CchInputException>(() => From("mnist", cwd: folder.Path));

        Assert.Contains("--data FOLDER", e.Message);
        Assert.Contains("CCH_DATA", e.Message);
    }
}

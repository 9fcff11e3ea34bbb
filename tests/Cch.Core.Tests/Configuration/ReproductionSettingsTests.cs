using Cch.Configuration;
using Cch.Reproduction;

namespace Cch.Tests.Configuration;

public sealed class ReproductionSettingsTests
{
    private static ReproductionSettings From(string experiment, int? seeds = null, int? threads = null, string? data = null, string? format = null, string? env = null, string? cwd = null, string? report = null, string? html = null) =>
        ReproductionSettings.From(experiment, quick: false, seed: null, seeds, threads, data, format, report, html, cwd ?? Path.GetTempPath(), env);

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

    [Theory]
    [InlineData("noise", "handwritten.parquet")]
    [InlineData("noise", "breast_tcga_labels.parquet")]
    [InlineData("mnist", "mnist.parquet")]
    [InlineData("mnist-student-blur", "mnist.parquet")]
    public void An_output_naming_one_of_the_experiments_inputs_is_refused_before_any_work(string experiment, string input)
    {
        using var folder = new TempFolder();
        var path = System.IO.Path.Combine(folder.Path, input);
        File.WriteAllText(path, "PAR1 stand-in");

        var byReport = Assert.Throws<CchInputException>(() => From(experiment, data: folder.Path, report: path));
        var byHtml = Assert.Throws<CchInputException>(() => From(experiment, data: folder.Path, html: input, cwd: folder.Path));

        Assert.Contains("--report names a file this run reads", byReport.Message);
        Assert.Contains("--html names a file this run reads", byHtml.Message);
        Assert.Equal("PAR1 stand-in", File.ReadAllText(path));
    }

    [Fact]
    public void A_data_path_that_is_a_file_says_to_give_its_folder()
    {
        using var folder = new TempFolder();
        var file = System.IO.Path.Combine(folder.Path, "mnist.parquet");
        File.WriteAllText(file, "x");

        var e = Assert.Throws<CchInputException>(() => From("mnist", data: file));

        Assert.Contains("names a file; give the folder", e.Message);
        Assert.Contains(folder.Path, e.Message);
    }
}

using Cch.Configuration;
using Cch.Criterion;
using Cch.Data;
using Cch.Examples;
using Cch.Reports;

namespace Cch.Tests.Reports;

public sealed class ReportBuilderTests
{
    [Fact]
    public void A_float_label_holding_few_whole_numbers_gets_a_hint_to_use_classification()
    {
        var example = GaussianExample.Create(300, seed: 1);
        var classIds = example.Data.Label.Values!.Select(v => v > 0 ? 1.0 : 0.0).ToArray();

        var report = Build(example.Data with { Label = LabelVector.ForValues("y", classIds) });

        Assert.Contains(report.Warnings, w => w.Contains("--task classification"));
    }

    [Fact]
    public void A_class_label_with_many_distinct_values_gets_a_hint_to_use_regression()
    {
        var example = GaussianExample.Create(300, seed: 1);
        var scaled = example.Data.Label.Values!.Select(v => (int)Math.Round(v * 20)).ToArray();
        var ages = scaled.Select(v => v - scaled.Min()).ToArray();
        var names = Enumerable.Range(0, ages.Max() + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var report = Build(example.Data with { Label = LabelVector.ForClasses("age", ages, names) });

        Assert.Contains(report.Warnings, w => w.Contains("--task regression"));
    }

    [Fact]
    public void A_real_regression_label_and_default_replicates_give_no_warning()
    {
        var report = Build(GaussianExample.Create(300, seed: 1).Data);

        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Few_replicates_give_a_warning()
    {
        var report = Build(GaussianExample.Create(300, seed: 1).Data, replicates: 4);

        Assert.Contains(report.Warnings, w => w.Contains("only 4 half-samples"));
    }

    private static CchReport Build(Dataset data, int replicates = 20)
    {
        var settings = new CheckSettings { Criterion = new CriterionOptions { Estimator = EstimatorFamily.Gaussian, Replicates = replicates } };
        var result = CchCriterion.Evaluate(data, settings.Criterion);
        return ReportBuilder.Build(data, settings, result, null, TimeSpan.Zero, TimeSpan.Zero);
    }
}

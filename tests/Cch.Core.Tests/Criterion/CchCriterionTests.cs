using Cch.Criterion;
using Cch.Data;
using Cch.Examples;

namespace Cch.Tests.Criterion;

public sealed class CchCriterionTests
{
    [Fact]
    public void On_the_gaussian_example_the_aligned_teacher_passes_and_the_label_only_teacher_fails()
    {
        // Truth: the closed forms (Δ = +1.945 and −0.502 nats), both far from 0 relative to
        // the sampling error at N = 2,000 (about 0.03 nats).
        var example = GaussianExample.Create(2000, seed: 0);

        foreach (var family in new[] { EstimatorFamily.Auto, EstimatorFamily.Ksg })
        {
            var result = CchCriterion.Evaluate(example.Data, new CriterionOptions { Estimator = family, Seed = 0 });

            var aligned = result.Teachers.Single(t => t.Name == "aligned");
            var labelOnly = result.Teachers.Single(t => t.Name == "label-only");
            Assert.Equal(Verdict.Pass, aligned.Verdict);
            Assert.Equal(Verdict.Fail, labelOnly.Verdict);
            Assert.Equal(1, aligned.Rank);
            Assert.Equal(Verdict.Pass, result.Verdict);
        }
    }

    [Fact]
    public void Half_sampling_intervals_cover_the_closed_form_at_about_the_nominal_rate()
    {
        // Truth: closed-form Δ of the Gaussian model. With the Gaussian estimator (nearly unbiased
        // here) a calibrated 95% interval covers the truth in ~95% of independent datasets. Over 20
        // datasets and 2 teachers (40 intervals), P(fewer than 32 covered | p = 0.95) ≈ 0.0003; a
        // grossly too-narrow interval (e.g. missing the √ in the standard error) covers far fewer.
        var covered = 0;
        var total = 0;
        for (var seed = 100; seed < 120; seed++)
        {
            var example = GaussianExample.Create(1000, seed);
            var result = CchCriterion.Evaluate(example.Data, new CriterionOptions { Estimator = EstimatorFamily.Gaussian, Seed = seed });
            foreach (var t in result.Teachers)
            {
                var truth = example.ClosedForm[t.Name].Delta;
                total++;
                if (t.Delta.CiLow <= truth && truth <= t.Delta.CiHigh) covered++;
            }
        }

        Assert.Equal(40, total);
        Assert.InRange(covered, 32, 40);
    }

    [Fact]
    public void Teachers_are_ranked_by_delta_and_the_overall_verdict_follows_the_best()
    {
        var example = GaussianExample.Create(1000, seed: 5);
        var data = example.Data with { Teachers = [example.Data.Teachers[1], example.Data.Teachers[0]] };

        var result = CchCriterion.Evaluate(data, new CriterionOptions { Estimator = EstimatorFamily.Gaussian });

        Assert.Equal(["aligned", "label-only"], result.Teachers.Select(t => t.Name));
        Assert.Equal([1, 2], result.Teachers.Select(t => t.Rank));
        Assert.Equal(result.Teachers[0].Verdict, result.Verdict);
        Assert.True(result.Teachers[0].Delta.Estimate > result.Teachers[1].Delta.Estimate);
    }

    [Fact]
    public void Delta_is_the_difference_of_the_two_mutual_informations()
    {
        var example = GaussianExample.Create(600, seed: 8);

        var result = CchCriterion.Evaluate(example.Data, new CriterionOptions { Estimator = EstimatorFamily.Gaussian, Replicates = 5 });

        foreach (var t in result.Teachers)
        {
            Assert.Equal(t.TeacherStudent.Value.Estimate - t.StudentLabel.Value.Estimate, t.Delta.Estimate, 12);
            // The interval is built around the estimate; what matters is that it holds the closed-form Δ.
            var truth = example.ClosedForm[t.Name].Delta;
            Assert.InRange(truth, t.Delta.CiLow, t.Delta.CiHigh);
        }
    }

    [Fact]
    public void The_same_seed_gives_identical_results()
    {
        var data = GaussianExample.Create(800, seed: 2).Data;
        var options = new CriterionOptions { Seed = 7, Replicates = 4 };

        var a = CchCriterion.Evaluate(data, options);
        var b = CchCriterion.Evaluate(data, options);

        Assert.Equal(a.Teachers.Select(t => t.Delta), b.Teachers.Select(t => t.Delta));
        Assert.Equal(a.Teachers.Select(t => (t.TeacherStudent.Value, t.TeacherStudent.Estimator, t.TeacherStudent.StandardError)),
                     b.Teachers.Select(t => (t.TeacherStudent.Value, t.TeacherStudent.Estimator, t.TeacherStudent.StandardError)));
        Assert.Equal(a.Teachers.SelectMany(t => t.TeacherStudent.Components), b.Teachers.SelectMany(t => t.TeacherStudent.Components));
    }

    [Fact]
    public void A_larger_margin_turns_a_pass_into_inconclusive_and_then_fail()
    {
        var data = GaussianExample.Create(1000, seed: 1).Data;
        var options = new CriterionOptions { Estimator = EstimatorFamily.Gaussian, Replicates = 10 };
        var aligned = CchCriterion.Evaluate(data, options).Teachers.Single(t => t.Name == "aligned");

        var inside = CchCriterion.Evaluate(data, options with { Margin = aligned.Delta.Estimate }).Teachers.Single(t => t.Name == "aligned");
        var above = CchCriterion.Evaluate(data, options with { Margin = aligned.Delta.CiHigh + 0.01 }).Teachers.Single(t => t.Name == "aligned");

        Assert.Equal(Verdict.Pass, aligned.Verdict);
        Assert.Equal(Verdict.Inconclusive, inside.Verdict);
        Assert.Equal(Verdict.Fail, above.Verdict);
    }

    [Theory]
    [InlineData(8, 3, 60)]
    [InlineData(59, 3, 60)]
    [InlineData(99, 5, 100)]
    [InlineData(150, 10, 200)]
    public void Too_few_rows_for_trustworthy_intervals_is_an_input_error(int rows, int k, int needed)
    {
        var data = GaussianExample.Create(rows, seed: 0).Data;

        var error = Assert.Throws<CchInputException>(() => CchCriterion.Evaluate(data, new CriterionOptions { K = k }));

        Assert.Contains($"{rows} rows", error.Message);
        Assert.Contains($"at least {needed}", error.Message);
    }

    [Fact]
    public void Under_independence_decided_verdicts_are_about_as_rare_as_the_confidence_level_promises()
    {
        // Truth: teacher, student and label are independent, so I(H_t;H_s) = I(H_s;Y) = 0 and Δ = 0.
        // At margin 0 a calibrated 95% interval excludes 0 (pass or fail) in about 5% of datasets.
        // Over 40 datasets P(more than 6 decided | p = 0.05) ≈ 0.014; an interval without the
        // t-quantile or with a badly scaled standard error decides far more often.
        var decided = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(500 + seed);
            var classes = Enumerable.Range(0, 100).Select(_ => random.Next(3)).ToArray();
            var data = new Dataset
            {
                Teachers = [Noise("t", 100, 5, random)],
                Student = Noise("s", 100, 5, random),
                Label = LabelVector.ForClasses("y", classes, ["a", "b", "c"]),
                Inputs = [],
                Join = new JoinSummary(null, JoinMode.Strict, 100, 0, 0),
            };
            if (CchCriterion.Evaluate(data, new CriterionOptions { Seed = seed }).Verdict != Verdict.Inconclusive) decided++;
        }

        Assert.InRange(decided, 0, 6);
    }

    [Fact]
    public void A_constant_student_is_an_input_error_naming_it()
    {
        var example = GaussianExample.Create(200, seed: 0);
        var constant = new FeatureMatrix("flat", 200, 3, Enumerable.Repeat(1.5, 600).ToArray());

        var error = Assert.Throws<CchInputException>(() => CchCriterion.Evaluate(example.Data with { Student = constant }, new CriterionOptions()));

        Assert.Contains("student representation 'flat' is constant", error.Message);
    }

    [Fact]
    public void A_label_with_a_distinct_value_on_every_row_is_an_input_error_suggesting_regression()
    {
        var example = GaussianExample.Create(200, seed: 0);
        var ids = Enumerable.Range(0, 200).ToArray();
        var label = LabelVector.ForClasses("id", ids, ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());

        var error = Assert.Throws<CchInputException>(() => CchCriterion.Evaluate(example.Data with { Label = label }, new CriterionOptions()));

        Assert.Contains("200 distinct values in 200 rows", error.Message);
        Assert.Contains("--task regression", error.Message);
    }

    private static FeatureMatrix Noise(string name, int rows, int columns, Random random)
    {
        var v = new double[rows * columns];
        for (var i = 0; i < v.Length; i++)
            v[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return new FeatureMatrix(name, rows, columns, v);
    }

    [Fact]
    public void A_classification_label_uses_the_mixed_estimator_for_the_label_side_of_the_knn_family()
    {
        var example = GaussianExample.Create(600, seed: 4);
        var classes = example.Data.Label.Values!.Select(v => v > 0 ? 1 : 0).ToArray();
        var data = example.Data with { Label = LabelVector.ForClasses("y>0", classes, ["0", "1"]) };

        var result = CchCriterion.Evaluate(data, new CriterionOptions { Estimator = EstimatorFamily.Ksg, Replicates = 3 });

        Assert.Equal("mixed", result.StudentLabelEstimator);
        Assert.Null(result.Best.StudentLabel.Ceiling);
        Assert.InRange(result.Best.StudentLabel.Value.Estimate, 0.05, Math.Log(2));
    }
}

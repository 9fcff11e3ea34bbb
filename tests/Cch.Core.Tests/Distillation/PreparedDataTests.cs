using Cch.Data;
using Cch.Distillation;
using Cch.Distillation.Internal;

namespace Cch.Tests.Distillation;

/// <summary>Truth: standardisation by hand (population SD) and the documented input rules; every input error surfaces through <see cref="DistillationVerifier.Verify"/> as <see cref="CchInputException"/>.</summary>
public sealed class PreparedDataTests
{
    private static VerificationData Data(int trainRows = 12, int[]? testClasses = null)
    {
        var train = Enumerable.Range(0, trainRows).Select(i => (double)i).ToArray();
        var classes = Enumerable.Range(0, trainRows).Select(i => i % 2).ToArray();
        testClasses ??= [0, 1];
        return new VerificationData
        {
            TeacherName = "t",
            TeacherTrain = new FeatureMatrix("t", trainRows, 1, train),
            TeacherTest = new FeatureMatrix("t", testClasses.Length, 1, new double[testClasses.Length]),
            StudentTrain = new FeatureMatrix("s", trainRows, 1, train),
            StudentTest = new FeatureMatrix("s", testClasses.Length, 1, new double[testClasses.Length]),
            LabelTrain = LabelVector.ForClasses("y", classes, ["a", "b", "c"]),
            LabelTest = LabelVector.ForClasses("y", testClasses, ["a", "b", "c"]),
        };
    }

    [Fact]
    public void Columns_are_standardised_with_training_statistics_and_constant_columns_become_zero()
    {
        // Column 0: mean 2, population SD √(2/3); the test value 5 maps to 3/√(2/3). Column 1 is constant.
        var train = new FeatureMatrix("x", 3, 2, [1, 7, 2, 7, 3, 7]);
        var test = new FeatureMatrix("x", 1, 2, [5, 8]);

        var (zTrain, zTest) = PreparedData.Standardize(train, test);

        var sd = Math.Sqrt(2.0 / 3);
        Assert.Equal([(float)(-1 / sd), 0f, 0f, 0f, (float)(1 / sd), 0f], zTrain);
        Assert.Equal([(float)(3 / sd), 0f], zTest);
    }

    [Fact]
    public void A_test_class_missing_from_training_is_rejected_by_name()
    {
        var e = Assert.Throws<CchInputException>(() => DistillationVerifier.Verify(Data(testClasses: [0, 2]), new VerificationOptions()));

        Assert.Contains("'c'", e.Message);
    }

    [Fact]
    public void Too_few_training_rows_are_rejected() =>
        Assert.Contains("at least 10 training rows", Assert.Throws<CchInputException>(() => DistillationVerifier.Verify(Data(trainRows: 9), new VerificationOptions())).Message);

    [Fact]
    public void Mismatched_row_counts_are_rejected()
    {
        var data = Data() with { StudentTrain = new FeatureMatrix("s", 11, 1, new double[11]) };

        Assert.Contains("11 rows", Assert.Throws<CchInputException>(() => DistillationVerifier.Verify(data, new VerificationOptions())).Message);
    }

    [Fact]
    public void Teacher_representations_and_teacher_outputs_together_are_rejected()
    {
        var data = Data() with { TeacherLogitsTrain = new FeatureMatrix("logits", 12, 3, new double[36]) };

        Assert.Throws<CchInputException>(() => DistillationVerifier.Verify(data, new VerificationOptions()));
    }

    [Fact]
    public void Teacher_outputs_need_one_column_per_class()
    {
        var data = Data() with { TeacherTrain = null, TeacherTest = null, TeacherLogitsTrain = new FeatureMatrix("logits", 12, 2, new double[24]) };

        Assert.Contains("3 logits", Assert.Throws<CchInputException>(() => DistillationVerifier.Verify(data, new VerificationOptions())).Message);
    }

    [Fact]
    public void Non_finite_values_are_rejected()
    {
        var values = new double[12];
        values[5] = double.NaN;
        var data = Data() with { StudentTrain = new FeatureMatrix("s", 12, 1, values) };

        Assert.Contains("row 5", Assert.Throws<CchInputException>(() => DistillationVerifier.Verify(data, new VerificationOptions())).Message);
    }

    [Theory]
    [InlineData("lambda")]
    [InlineData("temperature")]
    [InlineData("seeds")]
    [InlineData("validation")]
    [InlineData("threads")]
    public void Options_out_of_range_are_rejected(string option)
    {
        var options = option switch
        {
            "lambda" => new VerificationOptions { Lambdas = [1.5] },
            "temperature" => new VerificationOptions { Temperatures = [0] },
            "seeds" => new VerificationOptions { Seeds = 0 },
            "validation" => new VerificationOptions { ValidationFraction = 1 },
            _ => new VerificationOptions { Threads = 0 },
        };

        Assert.Throws<CchInputException>(() => DistillationVerifier.Verify(Data(), options));
    }
}

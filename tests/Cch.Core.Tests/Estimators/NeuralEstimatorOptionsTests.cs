using Cch.Estimators;

namespace Cch.Tests.Estimators;

/// <summary>Truth: the documented defaults and ranges of <see cref="NeuralEstimatorOptions"/>.</summary>
public sealed class NeuralEstimatorOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_documented()
    {
        var o = new NeuralEstimatorOptions();
        o.Validate();
        Assert.Equal((128, 2, 32, 1e-3, (double?)null, 256, 2048), (o.HiddenUnits, o.HiddenLayers, o.EmbeddingSize, o.LearningRate, o.WeightDecay, o.BatchSize, o.EvaluationBatchSize));
        Assert.Equal((60, 5, 0.2, 2, 8, 0, 1), (o.MaxEpochs, o.Patience, o.ValidationFraction, o.Folds, o.LatentSize, o.Seed, o.Threads));
    }

    public static TheoryData<string, NeuralEstimatorOptions> Bad => new()
    {
        { "HiddenUnits", new() { HiddenUnits = 0 } },
        { "HiddenLayers", new() { HiddenLayers = 9 } },
        { "EmbeddingSize", new() { EmbeddingSize = 0 } },
        { "LearningRate", new() { LearningRate = 0 } },
        { "WeightDecay", new() { WeightDecay = -1 } },
        { "WeightDecay", new() { WeightDecay = double.NaN } },
        { "BatchSize", new() { BatchSize = 1 } },
        { "EvaluationBatchSize", new() { EvaluationBatchSize = 1 } },
        { "MaxEpochs", new() { MaxEpochs = 0 } },
        { "Patience", new() { Patience = 0 } },
        { "ValidationFraction", new() { ValidationFraction = 1 } },
        { "Folds", new() { Folds = 11 } },
        { "LatentSize", new() { LatentSize = 0 } },
        { "Threads", new() { Threads = 0 } },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Each_bad_setting_is_named(string setting, NeuralEstimatorOptions options)
    {
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(setting, e.ParamName);
        Assert.Contains("NeuralEstimatorOptions." + setting, e.Message);
    }
}

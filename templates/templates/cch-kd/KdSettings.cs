using System.Text.Json;

namespace CchKd;

/// <summary>The distillation hyperparameters, read from <c>kd.json</c>. The data and columns live in <c>cch.json</c>.</summary>
/// <param name="Temperature">T &gt; 0: divides both models' logits before the softmax, so the teacher's small probabilities carry signal.</param>
/// <param name="Lambda">λ in [0, 1]: the weight of the distillation term; 1 − λ weighs the loss on the true labels.</param>
/// <param name="Epochs">Passes over the training rows, for every model.</param>
/// <param name="BatchSize">Rows per gradient step.</param>
/// <param name="HiddenUnits">Width of each MLP's hidden layer.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="TestFraction">Share of the rows held out for evaluation (never trained on).</param>
/// <param name="Seed">Seeds the split, the batch order and every initial weight: runs are reproducible.</param>
public sealed record KdSettings(
    double Temperature, double Lambda, int Epochs, int BatchSize, int HiddenUnits, double LearningRate, double TestFraction, int Seed)
{
    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    public static KdSettings Load(string path)
    {
        var settings = JsonSerializer.Deserialize<KdSettings>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
        if (!(settings.Temperature > 0)) throw new InvalidDataException($"{path}: temperature must be > 0.");
        if (settings.Lambda is < 0 or > 1) throw new InvalidDataException($"{path}: lambda must lie in [0, 1].");
        if (settings.TestFraction is <= 0 or >= 1) throw new InvalidDataException($"{path}: testFraction must lie in (0, 1).");
        return settings;
    }
}

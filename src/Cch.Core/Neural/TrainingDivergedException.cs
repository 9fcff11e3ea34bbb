namespace Cch.Neural;

/// <summary>
/// Training diverged: the validation loss was never finite (NaN or infinite after every epoch), so no weights could
/// be kept. Not a bug and not malformed input, but a property of the data together with the chosen training options
/// (usually a learning rate too high for the data's scale); the message says what diverged, after how many epochs, at
/// which learning rate and what to try. The CLI reports it with exit code 2 (docs/cli.md, "Exit codes").
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">The model that diverged, e.g. <c>student (seed 2, kd T=2, λ=0.5)</c> or <c>critic</c>.</param>
    /// <param name="epochs">Epochs trained before giving up (≥ 0).</param>
    /// <param name="learningRate">The learning rate it was trained with.</param>
    /// <param name="advice">What to try, one sentence (e.g. <c>Try a lower --learning-rate.</c>); may be empty.</param>
    public TrainingDivergedException(string what, int epochs, double learningRate, string advice)
        : base(Compose(what, epochs, learningRate, advice))
    {
        What = what;
        Epochs = epochs;
        LearningRate = learningRate;
        Advice = advice;
    }

    /// <summary>The model that diverged.</summary>
    public string What { get; }

    /// <summary>Epochs trained, none with a finite validation loss.</summary>
    public int Epochs { get; }

    /// <summary>The learning rate used.</summary>
    public double LearningRate { get; }

    /// <summary>What to try instead (one sentence), or empty.</summary>
    public string Advice { get; }

    private static string Compose(string what, int epochs, double learningRate, string advice) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"Training the {what} diverged: the validation loss was never finite in {epochs} epoch{(epochs == 1 ? "" : "s")} at learning rate {learningRate:R}.{(advice.Length > 0 ? " " + advice : "")}");
}

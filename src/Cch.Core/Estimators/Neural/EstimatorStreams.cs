namespace Cch.Estimators.Neural;

/// <summary>The random streams of the trained estimators (see <see cref="Cch.Neural.SeedStreams"/>), all from <see cref="NeuralEstimatorOptions.Seed"/>.</summary>
internal static class EstimatorStreams
{
    /// <summary>The assignment of rows to folds.</summary>
    public const int Folds = 1;

    /// <summary>The fixed validation batches (InfoNCE) scored after every epoch.</summary>
    public const int ValidationBatches = 2;

    /// <summary>Fold <paramref name="fold"/>'s fit/validation split (fold &lt; 10).</summary>
    public static int Split(int fold) => 16 + 4 * fold;

    /// <summary>Fold <paramref name="fold"/>'s initial weights (and, through the global generator, its dropout masks).</summary>
    public static int Init(int fold) => 17 + 4 * fold;

    /// <summary>Fold <paramref name="fold"/>'s batch order.</summary>
    public static int Batches(int fold) => 18 + 4 * fold;

    /// <summary>Fold <paramref name="fold"/>'s held-out evaluation: InfoNCE's batches, latent's half-samples.</summary>
    public static int Evaluation(int fold) => 19 + 4 * fold;
}

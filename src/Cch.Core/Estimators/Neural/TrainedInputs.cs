using System.Globalization;
using Cch.Data;

namespace Cch.Estimators.Neural;

/// <summary>Argument checks and preparation shared by the public trained estimators.</summary>
internal static class TrainedInputs
{
    /// <summary>Held-out rows every fold needs at least (so the bound averages over more than a handful of rows).</summary>
    public const int HeldOutRowsPerFold = 10;

    /// <summary>Training rows every fold needs at least (fit rows plus at least one validation row).</summary>
    public const int TrainingRowsPerFold = 10;

    /// <summary>20·F: every fold holds out at least 10 rows and trains on at least 10.</summary>
    public static int MinimumRows(NeuralEstimatorOptions o) => (HeldOutRowsPerFold + TrainingRowsPerFold) * o.Folds;

    /// <summary>The reason in the too-few-rows message.</summary>
    public static string Why(string name, NeuralEstimatorOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"The {name} estimator needs at least {MinimumRows(o)} rows: with {o.Folds} folds each fold must hold out at least {HeldOutRowsPerFold} rows for evaluation and leave at least {TrainingRowsPerFold} for training and early stopping");

    /// <summary>Prepared continuous inputs, or <c>null</c> when the MI is exactly 0.</summary>
    public static NeuralData? Continuous(string name, NeuralEstimatorOptions o, FeatureMatrix x, FeatureMatrix y, double clip = double.PositiveInfinity) =>
        NeuralData.Continuous(x, y, MinimumRows(o), Why(name, o), clip, o.Ranks);

    /// <summary>Prepared label inputs, or <c>null</c> when the MI is exactly 0.</summary>
    public static NeuralData? Label(string name, NeuralEstimatorOptions o, FeatureMatrix x, int[] classes, double clip = double.PositiveInfinity) =>
        NeuralData.Label(x, classes, MinimumRows(o), Why(name, o), clip, o.Ranks);

    /// <summary>The note for an exact zero without training.</summary>
    public const string ConstantNote = "Every column of one side is constant (or the label has one class): the mutual information is exactly 0; nothing was trained.";
}

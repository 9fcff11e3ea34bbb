using Cch.Criterion;

namespace Cch.Configuration;

/// <summary>
/// A resolved <c>dotnet cch mi bmi</c>: the bmi benchmark's CSV sample, its dimensions and the
/// estimator. Only the point estimate is computed (bmi reads nothing else).
/// </summary>
public sealed record BmiSettings
{
    /// <summary>Full path of the CSV sample.</summary>
    public required string SamplePath { get; init; }

    /// <summary>d_x: the first d_x columns are X.</summary>
    public required int DimX { get; init; }

    /// <summary>d_y: the next d_y columns are Y.</summary>
    public required int DimY { get; init; }

    /// <summary>Estimator family, k and seed (the interval settings are unused).</summary>
    public required CriterionOptions Criterion { get; init; }

    /// <summary>Validates the arguments of <c>mi bmi SAMPLE DIM_X DIM_Y [--estimator E] [--k K] [--seed S]</c>.</summary>
    /// <exception cref="CchInputException">A dimension below 1, an unknown family or k &lt; 1 (the same messages as <c>check</c>).</exception>
    public static BmiSettings From(string samplePath, int dimX, int dimY, string? estimator, int? k, int? seed, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(samplePath);
        if (dimX < 1) throw new CchInputException($"DIM_X {dimX}: X needs at least one column.");
        if (dimY < 1) throw new CchInputException($"DIM_Y {dimY}: Y needs at least one column.");
        return new BmiSettings
        {
            SamplePath = Path.GetFullPath(samplePath, baseDirectory ?? Environment.CurrentDirectory),
            DimX = dimX,
            DimY = dimY,
            Criterion = SettingRules.Criterion(new OptionNames(null), estimator, k: k, seed: seed),
        };
    }
}

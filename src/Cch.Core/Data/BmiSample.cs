namespace Cch.Data;

/// <summary>
/// A sample of the bmi benchmark (Czyż et al. 2023, cbg-ethz/bmi) read by <see cref="BmiSampleReader"/>:
/// N paired rows of X (the first d_x CSV columns) and Y (the next d_y).
/// </summary>
/// <param name="Path">Full path of the CSV file.</param>
/// <param name="X">X, N×d_x.</param>
/// <param name="Y">Y, N×d_y.</param>
public sealed record BmiSample(string Path, FeatureMatrix X, FeatureMatrix Y)
{
    /// <summary>Number of samples N.</summary>
    public int Rows => X.Rows;
}

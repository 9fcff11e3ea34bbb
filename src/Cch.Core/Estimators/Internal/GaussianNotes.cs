using System.Globalization;

namespace Cch.Estimators.Internal;

/// <summary>Notes attached to covariance-based estimates that fell back to shrinkage.</summary>
internal static class GaussianNotes
{
    public static string Fallback(int dimensions, int rows) => string.Create(CultureInfo.InvariantCulture,
        $"{dimensions} dimensions for {rows} rows: the unbiased log-determinant needs more rows than dimensions, so Ledoit–Wolf shrinkage was used and the value is not reliable.");

    public static string ClassFallback(int dimensions) => string.Create(CultureInfo.InvariantCulture,
        $"a class has no more rows than the {dimensions} dimensions: Ledoit–Wolf shrinkage was used for every class and the value is not reliable.");

    public static string Singular(double ridge) => string.Create(CultureInfo.InvariantCulture,
        $"the joint covariance is singular (a ridge of {ridge:G1} was needed): some columns of one side are (almost) linear functions of the other's, so the mutual information is unbounded and this value mostly reflects the ridge. Is the student a copy or a linear transform of the teacher?");
}

namespace Cch.Benchmarks.Accuracy;

/// <summary>One estimate: a task, a data seed and an estimator.</summary>
/// <param name="Suite"><c>v1</c>, <c>high</c> or <c>label</c>.</param>
/// <param name="TaskId">The task id (bmi's for v1).</param>
/// <param name="Dimensions">"d_x × d_y", or "d, C classes" for label tasks.</param>
/// <param name="Truth">True I(X;Y) in nats.</param>
/// <param name="Estimator">Registered estimator name.</param>
/// <param name="Seed">Data seed (also the estimator's seed).</param>
/// <param name="Rows">Sample size N.</param>
/// <param name="Estimate">The estimate in nats; NaN when the estimator threw.</param>
/// <param name="Seconds">Wall time of the estimate alone (not the sampling).</param>
/// <param name="Failure">The exception message when the estimator threw, else null.</param>
/// <param name="CiLow">Lower end of the 95 % interval (with <c>--intervals</c>), else NaN.</param>
/// <param name="CiHigh">Upper end of the 95 % interval (with <c>--intervals</c>), else NaN.</param>
internal sealed record AccuracyRow(
    string Suite, string TaskId, string Dimensions, double Truth, string Estimator, int Seed, int Rows,
    double Estimate, double Seconds, string? Failure, double CiLow = double.NaN, double CiHigh = double.NaN)
{
    /// <summary>|estimate − truth| in nats (NaN when the estimator threw).</summary>
    public double AbsoluteError => Math.Abs(Estimate - Truth);
}

namespace Cch.Reproduction;

/// <summary>Where a reproduction is: the phase being run and how many of the sweep's steps are done.</summary>
/// <param name="Phase">What is running, e.g. "σ = 2: training the student with KD, seed 3/5".</param>
/// <param name="Completed">Steps finished.</param>
/// <param name="Total">Steps in the whole run.</param>
public sealed record ReproductionProgress(string Phase, int Completed, int Total);

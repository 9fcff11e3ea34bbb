namespace Cch.Data.Parquet;

/// <summary>What <see cref="ColumnResolver.ResolveColumns"/> found.</summary>
/// <param name="Teachers">Each teacher's plan, in request order.</param>
/// <param name="Student">The student's plan.</param>
/// <param name="Features">Every distinct plan (a spec read for two roles is read once).</param>
/// <param name="Label">The label column, or <c>null</c> when none is read.</param>
internal sealed record ResolvedColumns(IReadOnlyList<FeaturePlan> Teachers, FeaturePlan Student, IReadOnlyList<FeaturePlan> Features, ParquetColumn? Label);

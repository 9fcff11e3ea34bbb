using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;

namespace Cch.Tool.Rendering;

/// <summary>The progress streams a command's core call reports to, as <see cref="ProgressDisplay"/> renders them.</summary>
/// <param name="Criterion">Estimates done.</param>
/// <param name="Verification">Training seeds, arms and epochs (<c>--verify</c>).</param>
/// <param name="Input">Rows read, blurred and encoded, one phase at a time.</param>
internal sealed record ProgressSinks(IProgress<CriterionProgress> Criterion, IProgress<VerificationProgress> Verification, IProgress<InputProgress> Input);

using Cch.Data;

namespace Cch.Encoders;

/// <summary>A dataset after its <see cref="RepresentationTransforms"/> ran.</summary>
/// <param name="Data">The representations as estimated: blurred and encoded where asked, otherwise as read.</param>
/// <param name="Encoders">The encoders that ran, teachers first then the student (empty without encoders); recorded in the report.</param>
public sealed record TransformedDataset(Dataset Data, IReadOnlyList<EncoderRun> Encoders);

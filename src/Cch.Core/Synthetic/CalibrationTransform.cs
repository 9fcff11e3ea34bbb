namespace Cch.Synthetic;

/// <summary>
/// The per-coordinate map a <see cref="CalibrationTask"/> applies to every column of H_t, of H_s and to a
/// regression label after sampling. Each map is strictly increasing, so no mutual information changes
/// (it is invariant under injective maps of each variable:
/// Czyż et al. 2023, §2) and the task's truths hold unchanged; the estimators, which are not all invariant, see a
/// different sample.
/// </summary>
public enum CalibrationTransform
{
    /// <summary>x ↦ x: the jointly Gaussian sample itself.</summary>
    Identity,

    /// <summary>x ↦ x³ + x (strictly increasing; heavier tails than the Gaussian).</summary>
    Cubic,

    /// <summary>x ↦ eˣ (strictly increasing; log-normal, skewed margins).</summary>
    Exp,
}

using System.Text.Json.Serialization;

namespace Cch.Criterion;

/// <summary>
/// The estimator family (<c>--estimator</c>, <c>--label-estimator</c>). Which estimator computes
/// each mutual information:
/// <list type="table">
/// <listheader><term>family</term><description>I(H_t;H_s); I(H_s;Y) classification; I(H_s;Y) regression</description></listheader>
/// <item><term>auto</term><description>chosen per term from the dimensions, N and the label kind (<see cref="AutoEstimatorRule"/>)</description></item>
/// <item><term>ksg</term><description>KSG; Ross mixed k-NN; KSG (Y as one dimension)</description></item>
/// <item><term>mixed</term><description>KSG; Ross mixed k-NN; KSG — the same k-NN family, named after its label-side estimator</description></item>
/// <item><term>gaussian</term><description>Gaussian closed form; class-conditional Gaussian; Gaussian closed form</description></item>
/// <item><term>copula</term><description>Gaussian-copula closed form; copula class-conditional Gaussian; Gaussian-copula closed form</description></item>
/// <item><term>cca-ksg</term><description>KSG on canonical variates fitted on other rows; Ross mixed k-NN on discriminant directions; KSG on the least-squares direction</description></item>
/// <item><term>probe</term><description>— (I(H_s;Y) only); cross-fitted multinomial logistic regression; cross-fitted ridge regression</description></item>
/// <item><term>latent</term><description>KSG on learned 8-d codes (latentmi-style); Ross mixed k-NN on codes; KSG on codes (needs libtorch)</description></item>
/// <item><term>infonce, smile, mine</term><description>held-out variational bounds with a trained critic, Y one-hot for a class label (need libtorch)</description></item>
/// </list>
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EstimatorFamily>))]
public enum EstimatorFamily
{
    /// <summary>Chosen per term by <see cref="AutoEstimatorRule"/> from the dimensions, N and the label kind (the default).</summary>
    [JsonStringEnumMemberName("auto")] Auto,

    /// <summary>k-nearest-neighbour estimators: Kraskov–Stögbauer–Grassberger (2004) algorithm 1, and Ross (2014) for a discrete label.</summary>
    [JsonStringEnumMemberName("ksg")] Ksg,

    /// <summary>The same k-NN family as <see cref="Ksg"/>; named after the Ross (2014) mixed continuous–discrete estimator it uses for a class label.</summary>
    [JsonStringEnumMemberName("mixed")] Mixed,

    /// <summary>Closed forms under a joint-Gaussian assumption, from a bias-corrected (or shrinkage) covariance.</summary>
    [JsonStringEnumMemberName("gaussian")] Gaussian,

    /// <summary>The Gaussian closed forms on copula-normalised data (Ince et al. 2017): invariant to monotone transforms of each column.</summary>
    [JsonStringEnumMemberName("copula")] Copula,

    /// <summary>A linear projection fitted on half the rows (canonical or discriminant directions), then the k-NN estimators on the other half (<see cref="Estimators.CcaKsgEstimator"/>).</summary>
    [JsonStringEnumMemberName("cca-ksg")] CcaKsg,

    /// <summary>A held-out variational lower bound on I(H_s;Y) from a cross-fitted linear probe (<see cref="Estimators.ProbeEstimator"/>); the label side only.</summary>
    [JsonStringEnumMemberName("probe")] Probe,

    /// <summary>latentmi-style learned compression, then k-NN on held-out codes (<see cref="Estimators.LatentEstimator"/>; needs libtorch).</summary>
    [JsonStringEnumMemberName("latent")] Latent,

    /// <summary>The InfoNCE bound with a trained critic, evaluated on held-out rows (<see cref="Estimators.InfoNceEstimator"/>; needs libtorch).</summary>
    [JsonStringEnumMemberName("infonce")] InfoNce,

    /// <summary>The SMILE bound, clipping τ = 5 (<see cref="Estimators.SmileEstimator"/>; needs libtorch).</summary>
    [JsonStringEnumMemberName("smile")] Smile,

    /// <summary>The MINE (Donsker–Varadhan) bound with the moving-average gradient (<see cref="Estimators.MineEstimator"/>; needs libtorch).</summary>
    [JsonStringEnumMemberName("mine")] Mine,
}

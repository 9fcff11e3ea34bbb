using System.Globalization;
using Cch.Neural;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cch.Estimators.Neural;

/// <summary>
/// The critic of the variational bounds, separable: f(x, y) = g(x)ᵀh(y), with g and h ReLU MLPs of
/// <see cref="NeuralEstimatorOptions.HiddenLayers"/> × <see cref="NeuralEstimatorOptions.HiddenUnits"/>
/// ending in <see cref="NeuralEstimatorOptions.EmbeddingSize"/> outputs (Poole et al. 2019, "On variational
/// bounds of mutual information", §5: separable vs. concatenated critics). Chosen for speed: all B² scores
/// of a batch cost two network passes on B rows and one B×E×B product, against B² passes of a
/// concatenated critic, so every batch uses all B(B − 1) mismatched pairs as negatives, and held-out
/// rows can be scored against every other held-out row.
/// </summary>
internal sealed class SeparableCritic : nn.Module
{
    private readonly Sequential g;
    private readonly Sequential h;

    /// <summary>Creates the two networks (weights from the global generator: seed it first).</summary>
    public SeparableCritic(int xColumns, int yColumns, NeuralEstimatorOptions o) : base(nameof(SeparableCritic))
    {
        var hidden = Enumerable.Repeat(o.HiddenUnits, o.HiddenLayers).ToArray();
        g = Mlp.Create(xColumns, hidden, o.EmbeddingSize);
        h = Mlp.Create(yColumns, hidden, o.EmbeddingSize);
        RegisterComponents();
    }

    /// <summary>The weights of g's and h's first layers, the ones that see the inputs (weight decay applies to these only).</summary>
    public IReadOnlyCollection<TorchSharp.Modules.Parameter> InputWeights =>
        [((TorchSharp.Modules.Linear)g[0]).weight!, ((TorchSharp.Modules.Linear)h[0]).weight!];

    /// <summary>g(x), N×E.</summary>
    public Tensor EmbedX(Tensor x) => g.call(x);

    /// <summary>h(y), N×E.</summary>
    public Tensor EmbedY(Tensor y) => h.call(y);

    /// <summary>The B×B scores S_ij = f(x_i, y_j) = g(x_i)ᵀh(y_j); the diagonal holds the joint pairs.</summary>
    public Tensor Scores(Tensor x, Tensor y) => EmbedX(x).matmul(EmbedY(y).t());

    /// <summary>One line for <see cref="TrainingSummary.Model"/>.</summary>
    public static string Describe(NeuralEstimatorOptions o, string objective) =>
        string.Create(CultureInfo.InvariantCulture, $"separable critic g(x)ᵀh(y), g and h {o.HiddenLayers}×{o.HiddenUnits} ReLU → {o.EmbeddingSize}, trained on {objective}");
}

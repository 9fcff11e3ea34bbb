using System.Globalization;
using Cch.Neural;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Cch.Estimators.Neural;

/// <summary>
/// The networks of <see cref="LatentEstimator"/>, after latentmi 0.1.3's <c>AECross</c> (Gowri, Lun, Klein
/// &amp; Rosen 2024, NeurIPS, "Approximating mutual information of high-dimensional variables using
/// learned representations"; <c>src/latentmi/models.py</c>), scaled down for a CPU: encoders
/// d → W → W/2 → … → L with LeakyReLU(0.2) after every layer including the latent one, mirrored decoders
/// without an output activation, and cross decoders with dropout 0.5 before every Linear.
/// latentmi uses W = 1024 with three hidden layers (1024, 512, 256).
/// </summary>
internal abstract class LatentNetworks : nn.Module
{
    protected LatentNetworks(string name) : base(name)
    {
    }

    /// <summary>The training objective on a batch (x, and y or class indices).</summary>
    public abstract Tensor Loss(Tensor x, Tensor y);

    /// <summary>The latent code of X, N×L.</summary>
    public abstract Tensor EncodeX(Tensor x);

    /// <summary>The weights of the encoders' first layers, which see the inputs (weight decay applies to these only).</summary>
    public abstract IReadOnlyCollection<TorchSharp.Modules.Parameter> InputWeights { get; }

    /// <summary>The weight of <paramref name="network"/>'s first Linear layer.</summary>
    protected static TorchSharp.Modules.Parameter FirstWeight(Sequential network) => ((Linear)network[0]).weight!;

    /// <summary>Hidden widths W, W/2, …, halving per layer but never below the latent size.</summary>
    protected static int[] EncoderWidths(NeuralEstimatorOptions o) =>
        Enumerable.Range(0, o.HiddenLayers).Select(i => Math.Max(o.LatentSize, o.HiddenUnits >> i)).ToArray();

    protected static Sequential Encoder(int inputs, NeuralEstimatorOptions o) =>
        Mlp.Create(inputs, EncoderWidths(o), o.LatentSize, MlpActivation.LeakyRelu, activateOutput: true);

    protected static Sequential Decoder(int outputs, NeuralEstimatorOptions o, double dropout = 0) =>
        Mlp.Create(o.LatentSize, EncoderWidths(o).Reverse().ToArray(), outputs, MlpActivation.LeakyRelu, dropout);

    /// <summary>One line for <see cref="TrainingSummary.Model"/>.</summary>
    public static string Describe(NeuralEstimatorOptions o, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: encoders d → {string.Join(" → ", EncoderWidths(o))} → {o.LatentSize} (LeakyReLU 0.2)");
}

/// <summary>
/// Two autoencoders with cross-prediction: loss = MSE(x̂(z_x), x) + MSE(ŷ(z_y), y) + MSE(x̂(z_y), x) +
/// MSE(ŷ(z_x), y), latentmi's <c>learning_loss</c> with α = λ = 1 (self- and cross-reconstruction); the
/// cross decoders use dropout 0.5.
/// </summary>
internal sealed class PairedAutoencoders : LatentNetworks
{
    private readonly Sequential xEncoder;
    private readonly Sequential yEncoder;
    private readonly Sequential xDecoder;
    private readonly Sequential yDecoder;
    private readonly Sequential xFromY;
    private readonly Sequential yFromX;

    /// <summary>Creates the six networks (weights from the global generator: seed it first).</summary>
    public PairedAutoencoders(int xColumns, int yColumns, NeuralEstimatorOptions o) : base(nameof(PairedAutoencoders))
    {
        xEncoder = Encoder(xColumns, o);
        yEncoder = Encoder(yColumns, o);
        xDecoder = Decoder(xColumns, o);
        yDecoder = Decoder(yColumns, o);
        xFromY = Decoder(xColumns, o, dropout: 0.5);
        yFromX = Decoder(yColumns, o, dropout: 0.5);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor Loss(Tensor x, Tensor y)
    {
        var zx = xEncoder.call(x);
        var zy = yEncoder.call(y);
        var self = ExplicitScalars.Sum(mse_loss(xDecoder.call(zx), x), mse_loss(yDecoder.call(zy), y));
        var cross = ExplicitScalars.Sum(mse_loss(xFromY.call(zy), x), mse_loss(yFromX.call(zx), y));
        return ExplicitScalars.Sum(self, cross);
    }

    /// <inheritdoc />
    public override Tensor EncodeX(Tensor x) => xEncoder.call(x);

    /// <inheritdoc />
    public override IReadOnlyCollection<TorchSharp.Modules.Parameter> InputWeights => [FirstWeight(xEncoder), FirstWeight(yEncoder)];

    /// <summary>The latent code of Y, N×L.</summary>
    public Tensor EncodeY(Tensor y) => yEncoder.call(y);
}

/// <summary>
/// The label side: one autoencoder for X whose latent code also feeds a linear class head;
/// loss = MSE(x̂(z), x) + cross-entropy(head(z), class) (nats).
/// </summary>
internal sealed class LabelAutoencoder : LatentNetworks
{
    private readonly Sequential encoder;
    private readonly Sequential decoder;
    private readonly Linear head;

    /// <summary>Creates the networks (weights from the global generator: seed it first).</summary>
    public LabelAutoencoder(int xColumns, int classes, NeuralEstimatorOptions o) : base(nameof(LabelAutoencoder))
    {
        encoder = Encoder(xColumns, o);
        decoder = Decoder(xColumns, o);
        head = TorchSession.Place(nn.Linear(o.LatentSize, classes));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor Loss(Tensor x, Tensor y)
    {
        var z = encoder.call(x);
        return ExplicitScalars.Sum(mse_loss(decoder.call(z), x), cross_entropy(head.call(z), y));
    }

    /// <inheritdoc />
    public override Tensor EncodeX(Tensor x) => encoder.call(x);

    /// <inheritdoc />
    public override IReadOnlyCollection<TorchSharp.Modules.Parameter> InputWeights => [FirstWeight(encoder)];
}

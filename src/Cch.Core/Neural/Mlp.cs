using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cch.Neural;

/// <summary>
/// Multilayer perceptrons and managed weight snapshots. Weights come from libtorch's default
/// initialisation (Kaiming-uniform weights, uniform biases) drawn from the global generator, so seed it
/// (<c>torch.manual_seed</c>) right before <see cref="Create"/>; callers hold the process-wide
/// <see cref="TorchSession"/> while they do.
/// </summary>
internal static class Mlp
{
    /// <summary>The slope of <see cref="MlpActivation.LeakyRelu"/>, 0.2 (latentmi's).</summary>
    public const double LeakySlope = 0.2;

    /// <summary>
    /// Linear(inputs→h₁) → act → … → Linear(h_L→outputs), optionally with dropout before every Linear
    /// and the activation after the last one. With one hidden layer and ReLU this is the verification's
    /// teacher/student network.
    /// </summary>
    /// <param name="inputs">Input width ≥ 1.</param>
    /// <param name="hidden">Hidden widths (may be empty: a single Linear).</param>
    /// <param name="outputs">Output width ≥ 1.</param>
    /// <param name="activation">Nonlinearity between layers.</param>
    /// <param name="dropout">Dropout probability before every Linear (0: none).</param>
    /// <param name="activateOutput">Whether the activation follows the last Linear too (latentmi's encoders).</param>
    public static Sequential Create(int inputs, IReadOnlyList<int> hidden, int outputs, MlpActivation activation = MlpActivation.Relu, double dropout = 0, bool activateOutput = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inputs;
        var widths = hidden.Append(outputs).ToArray();
        for (var i = 0; i < widths.Length; i++)
        {
            if (dropout > 0) layers.Add(($"drop{i + 1}", nn.Dropout(dropout)));
            layers.Add(($"fc{i + 1}", nn.Linear(width, widths[i])));
            width = widths[i];
            if (i < widths.Length - 1 || activateOutput)
                layers.Add(($"act{i + 1}", Activation(activation)));
        }

        return TorchSession.Place(nn.Sequential(layers));
    }

    private static nn.Module<Tensor, Tensor> Activation(MlpActivation activation) => activation switch
    {
        MlpActivation.Relu => nn.ReLU(),
        MlpActivation.LeakyRelu => new LeakyRelu(LeakySlope),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>Copies the parameters (in <c>parameters()</c> order) into managed arrays.</summary>
    public static float[][] Snapshot(nn.Module model)
    {
        var result = new List<float[]>();
        foreach (var p in model.parameters())
            result.Add(TorchSession.HostArray<float>(p));

        return result.ToArray();
    }

    /// <summary>Overwrites the parameters with a <see cref="Snapshot"/> of the same architecture.</summary>
    public static void Load(nn.Module model, float[][] state)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var i = 0;
        foreach (var p in model.parameters())
            p.copy_(tensor(state[i++], p.shape));
    }

    /// <summary>The model's outputs on <paramref name="x"/> as a managed row-major array (no gradient; train/eval mode is the caller's).</summary>
    public static double[] Predict(nn.Module<Tensor, Tensor> model, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return ToDoubles(model.call(x));
    }

    /// <summary><paramref name="t"/>'s values as a managed row-major float64 array.</summary>
    public static double[] ToDoubles(Tensor t)
    {
        using var scope = NewDisposeScope();
        return TorchSession.HostArray<double>(t.to_type(ScalarType.Float64).contiguous());
    }
}

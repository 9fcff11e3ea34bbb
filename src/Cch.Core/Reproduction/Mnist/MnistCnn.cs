using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Cch.Reproduction.Mnist;

/// <summary>
/// The small CNN of the MNIST reproduction, the same for teacher and student (only the input channels
/// differ): conv 5×5 (C → c₁) → ReLU → max-pool 2 → conv 5×5 (c₁ → c₂) → ReLU → max-pool 2 → flatten
/// (c₂·4·4) → Linear → ReLU (the penultimate representation, h units) → Linear → 10 logits.
/// Inputs are N × C × 28 × 28. Weights come from libtorch's default initialisation drawn from the
/// global generator: seed it right before constructing (inside a <see cref="Neural.TorchSession"/>).
/// </summary>
internal sealed class MnistCnn : nn.Module<Tensor, Tensor>
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 28;

    /// <summary>Output classes (digits 0–9).</summary>
    public const int Classes = 10;

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear hidden;
    private readonly Linear output;

    /// <summary>Creates the network.</summary>
    /// <param name="channels">Input channels C (1 for grey digits, 3 for the colour view).</param>
    /// <param name="architecture">Widths c₁, c₂ and h.</param>
    public MnistCnn(int channels, MnistArchitecture architecture) : base(nameof(MnistCnn))
    {
        conv1 = nn.Conv2d(channels, architecture.Conv1, 5);
        conv2 = nn.Conv2d(architecture.Conv1, architecture.Conv2, 5);
        hidden = nn.Linear(architecture.Conv2 * 4 * 4, architecture.Hidden);
        output = nn.Linear(architecture.Hidden, Classes);
        RegisterComponents();
        Cch.Neural.TorchSession.Place(this); // the session's device (--device)
    }

    /// <summary>The penultimate representation (after its ReLU), N × h.</summary>
    public Tensor Features(Tensor x)
    {
        var h = max_pool2d(relu(conv1.call(x)), 2);
        h = max_pool2d(relu(conv2.call(h)), 2);
        return relu(hidden.call(h.flatten(1)));
    }

    /// <summary>The logits, N × 10.</summary>
    public override Tensor forward(Tensor input) => output.call(Features(input));
}

/// <summary>Widths of <see cref="MnistCnn"/>.</summary>
/// <param name="Conv1">Channels of the first convolution c₁.</param>
/// <param name="Conv2">Channels of the second convolution c₂.</param>
/// <param name="Hidden">Units of the penultimate layer h (the representation the criterion sees).</param>
internal sealed record MnistArchitecture(int Conv1, int Conv2, int Hidden);

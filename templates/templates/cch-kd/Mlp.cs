using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CchKd;

/// <summary>Linear → ReLU → Linear. Teacher and student share the shape; only their inputs differ.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear _hidden;
    private readonly Linear _output;

    /// <param name="inputs">Feature width of the modality this model sees.</param>
    /// <param name="hiddenUnits">Hidden layer width.</param>
    /// <param name="outputs">One logit per class, or 1 for regression.</param>
    public Mlp(long inputs, long hiddenUnits, long outputs) : base(nameof(Mlp))
    {
        _hidden = nn.Linear(inputs, hiddenUnits);
        _output = nn.Linear(hiddenUnits, outputs);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => _output.forward(nn.functional.relu(_hidden.forward(input)));
}

namespace Cch.Neural;

/// <summary>The nonlinearity between the layers of an <see cref="Mlp"/>.</summary>
internal enum MlpActivation
{
    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>max(x, 0.2·x), as in latentmi's autoencoders (Gowri et al. 2024).</summary>
    LeakyRelu,
}

namespace Cch.Reproduction;

/// <summary>The experiments <c>dotnet cch reproduce</c> runs.</summary>
public enum ReproductionExperiment
{
    /// <summary>The paper's joint-Gaussian model, coupling swept across the CCH boundary (closed-form truths).</summary>
    Gaussian,

    /// <summary>The paper's MNIST experiment: teacher on blurred MNIST, student on an MNIST-M-like view.</summary>
    Mnist,

    /// <summary>Variant: teacher on clean MNIST, student on blurred MNIST (the setting of <c>scripts/mnist-blur.sh</c>).</summary>
    MnistStudentBlur,

    /// <summary>The paper's noise ablation: Gaussian noise of growing variance added to the teacher view of tabular data.</summary>
    Noise,
}

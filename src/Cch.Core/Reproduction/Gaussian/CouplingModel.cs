using Cch.Data;
using MathNet.Numerics.Distributions;

namespace Cch.Reproduction.Gaussian;

/// <summary>
/// The joint-Gaussian teacher/student/label model of <c>dotnet cch reproduce gaussian</c>, with coupling ρ between
/// the teacher's and the student's features. Teacher features x₁ ~ N(0, I_p); student features
/// x₂,ⱼ = ρ·x₁,ⱼ + √(1 − ρ²)·uⱼ for the first k coordinates and x₂,ⱼ = uⱼ for the rest (u ~ N(0, I_p)
/// independent), so x₂ ~ N(0, I_p); label y = (α/√k)·Σ_{j&lt;k} x₂,ⱼ + σ·ε, ε ~ N(0, 1).
/// The teacher knows the label only through its coupling to the student (x₁ → x₂ → y is a Markov chain):
/// lowering ρ degrades the teacher, as blur and noise do in the paper's experiments.
/// </summary>
/// <remarks>
/// Closed forms (Cover &amp; Thomas, Elements of Information Theory, 2nd ed., eq. 8.56, for jointly Gaussian
/// vectors I(a;b) = ½·ln(det Σ_aa·det Σ_bb / det Σ): the k coupled pairs are independent with correlation ρ, so
/// I(x₁;x₂) = −(k/2)·ln(1 − ρ²); Var y = α² + σ² and Var(y | x₂) = σ², so I(x₂;y) = ½·ln(1 + α²/σ²).
/// Δ = 0 at ρ* = √(1 − (1 + α²/σ²)^(−1/k)).
/// </remarks>
/// <param name="Dimensions">p, features per modality (≥ k).</param>
/// <param name="Coupled">k, coupled coordinate pairs (≥ 1).</param>
/// <param name="Signal">α, the label's signal amplitude.</param>
/// <param name="NoiseSd">σ, the label noise SD (&gt; 0).</param>
public sealed record CouplingModel(int Dimensions, int Coupled, double Signal, double NoiseSd)
{
    /// <summary>The default model: p = 100 (the paper's), k = 4, α = 1, σ = 1.</summary>
    public static CouplingModel Default { get; } = new(100, 4, 1.0, 1.0);

    /// <summary>Closed-form I(x₁;x₂) and I(x₂;y) in nats at coupling <paramref name="rho"/> ∈ [0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> outside [0, 1).</exception>
    public ClosedFormDelta ClosedForm(double rho)
    {
        if (!(rho >= 0 && rho < 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "The coupling must lie in [0, 1).");
        return new ClosedFormDelta(-0.5 * Coupled * Math.Log(1 - rho * rho), 0.5 * Math.Log(1 + Signal * Signal / (NoiseSd * NoiseSd)));
    }

    /// <summary>The coupling ρ* at which the closed-form Δ is 0.</summary>
    public double Boundary => Math.Sqrt(1 - Math.Pow(1 + Signal * Signal / (NoiseSd * NoiseSd), -1.0 / Coupled));

    /// <summary>
    /// Draws <paramref name="rows"/> samples at coupling <paramref name="rho"/> with <paramref name="seed"/>: teacher
    /// and student as N×p row-major matrices named <c>x1</c> and <c>x2</c>, and the label <c>y</c> (regression).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> outside [0, 1) or <paramref name="rows"/> &lt; 2.</exception>
    public Sample Draw(double rho, int rows, int seed)
    {
        if (!(rho >= 0 && rho < 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "The coupling must lie in [0, 1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var p = Dimensions;
        var random = new Random(seed);
        var x1 = new double[rows * p];
        var x2 = new double[rows * p];
        var y = new double[rows];
        var normals = new double[2 * p + 1];
        var residual = Math.Sqrt(1 - rho * rho);
        var weight = Signal / Math.Sqrt(Coupled);
        for (var i = 0; i < rows; i++)
        {
            Normal.Samples(random, normals, 0, 1);
            var row = i * p;
            var signal = 0.0;
            for (var j = 0; j < p; j++)
            {
                var t = normals[j];
                var u = normals[p + j];
                x1[row + j] = t;
                var s = j < Coupled ? rho * t + residual * u : u;
                x2[row + j] = s;
                if (j < Coupled) signal += s;
            }

            y[i] = weight * signal + NoiseSd * normals[2 * p];
        }

        return new Sample(new FeatureMatrix("x1", rows, p, x1), new FeatureMatrix("x2", rows, p, x2), LabelVector.ForValues("y", y));
    }

    /// <summary>One draw of the model.</summary>
    /// <param name="Teacher">x₁, N×p.</param>
    /// <param name="Student">x₂, N×p.</param>
    /// <param name="Label">y, N values.</param>
    public sealed record Sample(FeatureMatrix Teacher, FeatureMatrix Student, LabelVector Label);
}

namespace Cch.Reproduction;

/// <summary>Settings shared by every <c>dotnet cch reproduce</c> experiment.</summary>
public sealed record ReproductionOptions
{
    /// <summary>Master seed: data generation, splits, initial weights and the criterion's half-samples derive from it.</summary>
    public int Seed { get; init; }

    /// <summary>The reduced setting (fewer points, rows, seeds or epochs) that finishes in a few minutes on 2 cores.</summary>
    public bool Quick { get; init; }

    /// <summary>Training seeds per point (paired KD / no-KD runs); <c>null</c> for the experiment's default.</summary>
    public int? Seeds { get; init; }

    /// <summary>libtorch intra-op threads for training (≥ 1); the same value gives the same report.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Where libtorch trains and evaluates (<c>--device</c>): <see cref="Cch.Neural.ComputeDevice.Cpu"/> (default) or
    /// <see cref="Cch.Neural.ComputeDevice.Cuda"/>; CUDA results are not bit-identical to the CPU's.
    /// </summary>
    public Cch.Neural.ComputeDevice Device { get; init; } = Cch.Neural.ComputeDevice.Cpu;

    /// <summary>Folder holding the real datasets (<c>mnist.parquet</c>, <c>handwritten.parquet</c>, <c>breast_tcga_*.parquet</c>); <c>null</c> for the Gaussian model.</summary>
    public string? DataDirectory { get; init; }
}

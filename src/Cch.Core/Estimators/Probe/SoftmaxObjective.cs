using System.Runtime.CompilerServices;
using Cch.Estimators.Internal;

namespace Cch.Estimators.Probe;

/// <summary>
/// The L2-penalised multinomial logistic regression objective on a subset of the folds of a
/// <see cref="TiledRows"/>, and its fitting by <see cref="Lbfgs"/> in a preconditioned basis.
/// Parameters are (d+1)×C row-major doubles: rows 0..d−1 the weights W, row d the intercepts b.
/// </summary>
/// <remarks>
/// <para>Objective for n rows, penalty λ and per-feature penalty weights ω_j (1 when none are given):
/// f = (1/n)[Σ_i −ln softmax(Wᵀz_i + b)_{y_i} + (λ/2)Σ_j ω_j Σ_c W²_jc] (intercepts not penalised),
/// i.e. the penalised negative log-likelihood per row.</para>
/// <para>Scaling: by Böhning's bound (Böhning 1992, Ann. Inst. Statist. Math. 44:197, eq. 2.4) the
/// Hessian of the summed softmax loss is at most ½(I − 11ᵀ/C) ⊗ ZᵀZ, so on standardised features
/// (unit second moment) the curvature of f along weight j is at most ½ + λω_j/n. The optimiser works
/// in θ = p/s with s = 1/√(½ + λω_j/n) for weights and s = √2 for intercepts, where a unit step is
/// safe and the first L-BFGS step needs no line search; this changes only the optimiser's path,
/// not the minimiser. (Rotating to principal axes so that the bound can be scaled per direction was
/// measured on MNIST pixels and saved under 10 % of the iterations: the curvature that matters is
/// set by p(1 − p) of the confidently classified rows, not by feature correlations.)</para>
/// <para>Evaluation runs the blocks in parallel (at most <c>threads</c> workers, each with its own
/// scratch); every block writes its own partial loss and gradient, and the partials are added in
/// block order, so the value is independent of the number of workers and of scheduling.</para>
/// </remarks>
internal sealed unsafe class SoftmaxObjective
{
    private readonly TiledRows _data;
    private readonly int _classes;
    private readonly int _threads;
    private readonly bool _wide;
    private readonly float[][] _scratch;
    private readonly int[] _scratchOffset;
    private readonly float[] _weights;
    private readonly int _weightOffset;
    private readonly double[] _blockLoss;
    private readonly double[] _blockGradient;

    public SoftmaxObjective(TiledRows data, int classes, int threads, KernelIsa isa)
    {
        _data = data;
        _classes = classes;
        _threads = Math.Max(1, threads);
        if (isa == KernelIsa.Auto) isa = MaxNormKernel.Best;
        _wide = isa == KernelIsa.Vector512;
        var length = SoftmaxKernel.ScratchLength(classes, data.Stride);
        _scratch = new float[_threads][];
        _scratchOffset = new int[_threads];
        for (var i = 0; i < _threads; i++)
        {
            _scratch[i] = GC.AllocateArray<float>(length + 16, pinned: true);
            _scratchOffset[i] = AlignOffset(_scratch[i]);
        }

        ParameterCount = (data.Dims + 1) * classes;
        _weights = GC.AllocateArray<float>(classes * (data.Stride + 16) + 16, pinned: true);
        _weightOffset = AlignOffset(_weights);
        _blockLoss = new double[data.Blocks.Length];
        _blockGradient = new double[(long)data.Blocks.Length * ParameterCount];
    }

    /// <summary>(d+1)·C.</summary>
    public int ParameterCount { get; }

    /// <summary>
    /// Summed loss over the rows of <paramref name="blocks"/> at parameters <paramref name="p"/>; when
    /// <paramref name="gradient"/> is given, the summed gradient (no penalty) is written there.
    /// </summary>
    public double Loss(int[] blocks, double[] p, double[]? gradient)
    {
        var d = _data.Dims;
        var stride = _data.Stride;
        var c = _classes;
        var w = (float*)Unsafe.AsPointer(ref _weights[_weightOffset]);
        var bias = w + c * stride;
        for (var k = 0; k < c; k++)
        {
            for (var j = 0; j < d; j++) w[k * stride + j] = (float)p[j * c + k];
            bias[k] = (float)p[d * c + k];
        }
        var withGradient = gradient is not null;
        var next = -1;
        var workers = Math.Min(_threads, blocks.Length);
        void Work(int worker)
        {
            fixed (float* basePtr = _scratch[worker])
            fixed (double* gradBase = _blockGradient)
            {
                var scratch = basePtr + _scratchOffset[worker];
                int i;
                while ((i = Interlocked.Increment(ref next)) < blocks.Length)
                {
                    var b = blocks[i];
                    var g = withGradient ? gradBase + (long)b * ParameterCount : null;
                    _blockLoss[b] = SoftmaxKernel.Block(_data, b, w, bias, c, scratch, g, _wide);
                }
            }
        }

        if (workers <= 1) Work(0);
        else Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, Work);

        var loss = 0.0;
        foreach (var b in blocks) loss += _blockLoss[b];
        if (gradient is not null)
        {
            Array.Clear(gradient);
            foreach (var b in blocks)
            {
                var offset = (long)b * ParameterCount;
                for (var i = 0; i < ParameterCount; i++) gradient[i] += _blockGradient[offset + i];
            }
        }

        return loss;
    }

    /// <summary>
    /// Minimises the penalised objective over <paramref name="blocks"/> (<paramref name="rows"/> rows)
    /// from <paramref name="p"/>, which is overwritten with the result. <paramref name="penaltyWeights"/>
    /// (length d) scales the penalty of each feature's weights (null: all 1).
    /// </summary>
    public Lbfgs.Outcome Fit(int[] blocks, int rows, double lambda, double[] p, int maxIterations, double gradientTolerance, CancellationToken cancellationToken, double[]? penaltyWeights = null)
    {
        var d = _data.Dims;
        var c = _classes;
        var scale = new double[ParameterCount];
        var strength = new double[d * c];
        for (var j = 0; j < d; j++)
        {
            var lj = lambda * (penaltyWeights?[j] ?? 1.0);
            var weightScale = 1 / Math.Sqrt(0.5 + lj / rows);
            for (var k = 0; k < c; k++)
            {
                scale[j * c + k] = weightScale;
                strength[j * c + k] = lj;
            }
        }

        for (var k = 0; k < c; k++) scale[d * c + k] = Math.Sqrt(2);
        var theta = new double[ParameterCount];
        for (var i = 0; i < theta.Length; i++) theta[i] = p[i] / scale[i];
        var point = new double[ParameterCount];
        var raw = new double[ParameterCount];
        var penalised = d * c;
        double Objective(double[] t, double[] g)
        {
            for (var i = 0; i < t.Length; i++) point[i] = scale[i] * t[i];
            var loss = Loss(blocks, point, raw);
            var penalty = 0.0;
            for (var i = 0; i < penalised; i++)
            {
                penalty += strength[i] * point[i] * point[i];
                raw[i] += strength[i] * point[i];
            }

            for (var i = 0; i < g.Length; i++) g[i] = scale[i] * raw[i] / rows;
            return (loss + 0.5 * penalty) / rows;
        }

        var outcome = Lbfgs.Minimize(Objective, theta, maxIterations, gradientTolerance, cancellationToken);
        for (var i = 0; i < p.Length; i++) p[i] = scale[i] * theta[i];
        return outcome;
    }

    private static int AlignOffset(float[] array) =>
        (int)((64 - (nint)Unsafe.AsPointer(ref array[0]) % 64) % 64) / sizeof(float);
}

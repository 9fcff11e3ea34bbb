namespace Cch.Estimators.Probe;

/// <summary>
/// Limited-memory BFGS (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., 2006,
/// algorithm 7.4 and the two-loop recursion, algorithm 7.5) with a backtracking Armijo line search,
/// for smooth convex objectives. Written here rather than taken from MathNet's
/// <c>LimitedMemoryBfgsMinimizer</c> because that one throws at its iteration cap and on line-search
/// failure, losing the iterate (the probe needs the last iterate and a note), takes a first step of
/// 100·tol/‖g‖², and only checks function progress after 500 iterations.
/// </summary>
/// <remarks>
/// Stops when ‖g‖_∞ ≤ <c>gradientTolerance</c>, when an iteration lowers f by less than
/// 1e-12·max(1, |f|) (float32 objectives cannot resolve less), when the line search cannot find a
/// decrease (the same resolution limit), or at the iteration cap. The initial inverse Hessian is
/// γI with γ = sᵀy/yᵀy from the latest pair (1 before the first pair: callers precondition so that
/// the Hessian is at most about the identity). Pairs with sᵀy ≤ 1e-10·‖s‖‖y‖ are skipped.
/// Deterministic: no randomness, sequential arithmetic.
/// </remarks>
internal static class Lbfgs
{
    /// <summary>Objective: returns f(x) and writes ∇f(x) into the second argument.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    /// <summary>How a minimisation ended.</summary>
    public readonly record struct Outcome(int Iterations, int Evaluations, double Value, bool HitIterationCap);

    /// <summary>Minimises <paramref name="f"/> from <paramref name="x"/>, which is overwritten with the result.</summary>
    public static Outcome Minimize(Objective f, double[] x, int maxIterations, double gradientTolerance, CancellationToken cancellationToken, int memory = 10)
    {
        var n = x.Length;
        var g = new double[n];
        var fx = f(x, g);
        var evaluations = 1;
        var s = new double[memory][];
        var y = new double[memory][];
        var rho = new double[memory];
        for (var m = 0; m < memory; m++)
        {
            s[m] = new double[n];
            y[m] = new double[n];
        }

        var sSpare = new double[n];
        var ySpare = new double[n];
        var alpha = new double[memory];
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var stored = 0;
        var newest = -1;
        var gamma = 1.0;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (NormInf(g) <= gradientTolerance) return new Outcome(iteration, evaluations, fx, false);
            cancellationToken.ThrowIfCancellationRequested();

            // Two-loop recursion: direction = −H g.
            for (var i = 0; i < n; i++) direction[i] = -g[i];
            for (var k = 0; k < stored; k++)
            {
                var m = (newest - k + memory) % memory;
                alpha[m] = rho[m] * Dot(s[m], direction);
                Axpy(-alpha[m], y[m], direction);
            }

            for (var i = 0; i < n; i++) direction[i] *= gamma;
            for (var k = stored - 1; k >= 0; k--)
            {
                var m = (newest - k + memory) % memory;
                var beta = rho[m] * Dot(y[m], direction);
                Axpy(alpha[m] - beta, s[m], direction);
            }

            var slope = Dot(g, direction);
            if (!(slope < 0))
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0;
                gamma = 1.0;
                for (var i = 0; i < n; i++) direction[i] = -g[i];
                slope = Dot(g, direction);
                if (!(slope < 0)) return new Outcome(iteration, evaluations, fx, false);
            }

            // Backtracking Armijo search from the unit step.
            var step = 1.0;
            double ft;
            var accepted = false;
            for (var trialCount = 0; ; trialCount++)
            {
                for (var i = 0; i < n; i++) trial[i] = x[i] + step * direction[i];
                ft = f(trial, trialGradient);
                evaluations++;
                if (double.IsFinite(ft) && ft <= fx + 1e-4 * step * slope)
                {
                    accepted = true;
                    break;
                }

                if (trialCount == 30) break;
                // Quadratic interpolation of f along the line, kept within [0.1, 0.5] of the step.
                var denominator = 2 * (ft - fx - step * slope);
                var next = double.IsFinite(ft) && denominator > 0 ? -slope * step * step / denominator : 0.5 * step;
                step = Math.Clamp(next, 0.1 * step, 0.5 * step);
            }

            if (!accepted) return new Outcome(iteration, evaluations, fx, false);

            var sNew = sSpare;
            var yNew = ySpare;
            double sy = 0, yy = 0, ss = 0;
            for (var i = 0; i < n; i++)
            {
                sNew[i] = trial[i] - x[i];
                yNew[i] = trialGradient[i] - g[i];
                sy += sNew[i] * yNew[i];
                yy += yNew[i] * yNew[i];
                ss += sNew[i] * sNew[i];
            }

            var decrease = fx - ft;
            Array.Copy(trial, x, n);
            Array.Copy(trialGradient, g, n);
            fx = ft;
            if (sy > 1e-10 * Math.Sqrt(ss * yy))
            {
                newest = (newest + 1) % memory;
                (s[newest], sSpare) = (sNew, s[newest]);
                (y[newest], ySpare) = (yNew, y[newest]);
                rho[newest] = 1 / sy;
                stored = Math.Min(stored + 1, memory);
                gamma = sy / yy;
            }

            if (decrease <= 1e-12 * Math.Max(1, Math.Abs(fx))) return new Outcome(iteration + 1, evaluations, fx, false);
        }

        return new Outcome(maxIterations, evaluations, fx, NormInf(g) > gradientTolerance);
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double NormInf(double[] v)
    {
        var max = 0.0;
        foreach (var t in v) max = Math.Max(max, Math.Abs(t));
        return max;
    }
}

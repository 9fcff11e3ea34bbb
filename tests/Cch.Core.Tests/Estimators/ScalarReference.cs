using Cch.Estimators.Internal;

namespace Cch.Tests.Estimators;

/// <summary>
/// Plain scalar brute-force versions of the k-NN counts, reading the same prepared float32 values
/// as the fast kernel: the obvious double loop, a full sort for the k-th distance, no blocking,
/// no SIMD, no threads. Float subtract/abs/max are exact up to the subtraction's rounding, so the
/// fast kernel must reproduce these counts exactly.
/// </summary>
internal static class ScalarReference
{
    private static float Distance(PreparedSpace s, int i, int j)
    {
        var d = 0f;
        for (var m = 0; m < s.Dims; m++) d = Math.Max(d, Math.Abs(s[i, m] - s[j, m]));
        return d;
    }

    /// <summary>KSG algorithm 1 counts n_x, n_y (strictly within ε_i, j ≠ i).</summary>
    public static (int[] Nx, int[] Ny) KsgCounts(PreparedSpace x, PreparedSpace y, int k)
    {
        var n = x.Rows;
        var nx = new int[n];
        var ny = new int[n];
        var dx = new float[n];
        var dy = new float[n];
        var joint = new List<float>(n);
        for (var i = 0; i < n; i++)
        {
            joint.Clear();
            for (var j = 0; j < n; j++)
            {
                dx[j] = Distance(x, i, j);
                dy[j] = Distance(y, i, j);
                if (j != i) joint.Add(Math.Max(dx[j], dy[j]));
            }

            joint.Sort();
            var eps = joint[k - 1];
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                if (dx[j] < eps) nx[i]++;
                if (dy[j] < eps) ny[i]++;
            }
        }

        return (nx, ny);
    }

    /// <summary>Ross's m_i (points j ≠ i with distance ≤ d_i) for class-grouped prepared points.</summary>
    public static int[] MixedCounts(PreparedSpace x, ClassGrouping groups, int k)
    {
        var n = x.Rows;
        var m = new int[n];
        var within = new List<float>();
        for (var p = 0; p < n; p++)
        {
            within.Clear();
            for (var q = groups.GroupStart[p]; q < groups.GroupEnd[p]; q++)
                if (q != p) within.Add(Distance(x, p, q));
            within.Sort();
            var d = within[Math.Min(k, within.Count) - 1];
            for (var q = 0; q < n; q++)
                if (q != p && Distance(x, p, q) <= d) m[p]++;
        }

        return m;
    }
}

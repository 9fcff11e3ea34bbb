using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace Cch.Neural;

/// <summary>
/// Runs training code with exclusive use of libtorch's process-wide state: the global generator
/// (<c>torch.manual_seed</c>, used by weight initialisation and dropout) and the intra-op thread count.
/// One session at a time per process: the distillation verification and every trained estimator run
/// through here, so their seeds and thread counts cannot interleave. The thread count is set for the
/// session and restored afterwards. Results are reproducible for a fixed thread count only (larger
/// matrix products may split their reductions differently).
/// </summary>
internal static class TorchSession
{
    private static readonly object Gate = new();

    /// <summary>
    /// Loads libtorch (<see cref="TorchRuntime.Require"/>), waits for any other session to finish, sets
    /// <paramref name="threads"/> intra-op threads, runs <paramref name="body"/> and restores the thread count.
    /// </summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    public static T Run<T>(int threads, Func<T> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentNullException.ThrowIfNull(body);
        TorchRuntime.Require(); // before anything touches TorchSharp.torch
        lock (Gate)
            return WithThreads(threads, body);
    }

    // A separate method, so no TorchSharp code is reached before the native bootstrap has run.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T WithThreads<T>(int threads, Func<T> body)
    {
        var previous = get_num_threads();
        set_num_threads(threads);
        try
        {
            return body();
        }
        finally
        {
            set_num_threads(previous);
        }
    }
}

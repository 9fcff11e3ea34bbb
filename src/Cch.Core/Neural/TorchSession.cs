using System.Runtime.CompilerServices;
using TorchSharp;
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

    // The device of the session now running (one at a time, under Gate); read by every thread the session uses.
    private static volatile bool _onCuda;

    /// <summary>
    /// Loads libtorch (<see cref="TorchRuntime.Require"/>), waits for any other session to finish, sets
    /// <paramref name="threads"/> intra-op threads, runs <paramref name="body"/> and restores the thread count.
    /// </summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    public static T Run<T>(int threads, Func<T> body) => Run(threads, ComputeDevice.Cpu, body);

    /// <summary>
    /// <see cref="Run{T}(int, Func{T})"/> on <paramref name="device"/>: inside <paramref name="body"/>,
    /// <see cref="Device"/> is where modules and tensors are to be created.
    /// </summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded.</exception>
    /// <exception cref="CchInputException"><see cref="ComputeDevice.Cuda"/> and libtorch has no CUDA device.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> &lt; 1.</exception>
    public static T Run<T>(int threads, ComputeDevice device, Func<T> body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentNullException.ThrowIfNull(body);
        TorchRuntime.RequireDevice(device); // before anything touches TorchSharp.torch
        lock (Gate)
        {
            _onCuda = device == ComputeDevice.Cuda;
            try
            {
                return WithThreads(threads, body);
            }
            finally
            {
                _onCuda = false;
            }
        }
    }

    /// <summary>
    /// The device of the running session (CPU outside one): modules are moved there with
    /// <c>.to(TorchSession.Device)</c> and tensors made from arrays are created there.
    /// </summary>
    public static Device Device => _onCuda ? CudaDevice.Value : CpuDevice.Value;

    /// <summary>
    /// <paramref name="t"/> itself when it is in host memory, else a CPU copy (which the caller's dispose
    /// scope owns): what <c>data&lt;T&gt;()</c> needs.
    /// </summary>
    public static Tensor ToHost(Tensor t) => t.device_type == DeviceType.CPU ? t : t.cpu();

    /// <summary>
    /// <paramref name="t"/> on the session's device: itself on the CPU; on CUDA a device copy, and the host
    /// tensor is disposed. For tensors made from managed arrays.
    /// </summary>
    public static Tensor OnDevice(Tensor t)
    {
        if (!_onCuda) return t;
        var moved = t.to(Device);
        t.Dispose();
        return moved;
    }

    /// <summary><paramref name="module"/>, moved to the session's device when that is not the CPU (nothing is done on the CPU).</summary>
    public static TModule Place<TModule>(TModule module) where TModule : nn.Module
    {
        if (_onCuda) module.to(Device);
        return module;
    }

    /// <summary>The values of <paramref name="t"/> as a managed array, copied to host memory first when needed.</summary>
    public static T[] HostArray<T>(Tensor t) where T : unmanaged
    {
        if (t.device_type == DeviceType.CPU)
        {
            using var accessor = t.data<T>();
            return accessor.ToArray();
        }

        using var host = t.cpu();
        using var hostAccessor = host.data<T>();
        return hostAccessor.ToArray();
    }

    private static readonly Lazy<Device> CpuDevice = new(() => new Device(DeviceType.CPU));

    private static readonly Lazy<Device> CudaDevice = new(() => new Device(DeviceType.CUDA, 0));

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

using Cch.Neural;
using Cch.Neural.Native;
using TorchSharp;

namespace Cch.Tests.Neural;

/// <summary>
/// Truth: this machine (Debian 12: libstdc++ from GCC 12 lacks GLIBCXX_3.4.32, so the wrapper must be
/// patched) and dlerror's own wording for files the loader rejects.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TorchNativeBootstrapTests
{
    [Fact]
    public void Libtorch_loads_and_computes()
    {
        TorchRuntime.Require();
        var state = TorchNativeBootstrap.Ensure();

        Assert.True(state.Usable, state.Detail);
        var hasNewLibStdCxx = TorchNativeBootstrap.LibStdCxxHas("_ZSt21ios_base_library_initv", TorchNativeBootstrap.MissingVersion);
        Assert.Equal(hasNewLibStdCxx ? TorchNativeOutcome.LoadedOriginal : TorchNativeOutcome.LoadedPatched, state.Outcome);
        using var ones = torch.ones(2, 3);
        Assert.Equal(6f, ones.sum().item<float>());
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "cpu")), "TorchSharp's fallback copied natives next to the app.");
    }

    [Fact]
    public void Libgomp_is_told_to_sleep_not_spin_unless_the_user_chose()
    {
        TorchRuntime.Require();

        var chosen = Environment.GetEnvironmentVariable(TorchNativeBootstrap.OpenMpWaitPolicyVariable); // the environment the process started with
        Assert.Equal(chosen ?? "PASSIVE", TorchNativeBootstrap.NativeEnvironment(TorchNativeBootstrap.OpenMpWaitPolicyVariable));
    }

    [Fact]
    public void Concurrent_calls_get_the_one_result()
    {
        var states = new TorchNativeState[8];
        Parallel.For(0, states.Length, i => states[i] = TorchNativeBootstrap.Ensure());

        Assert.All(states, s => Assert.Same(states[0], s));
    }

    [Fact]
    public void A_rejected_file_gives_the_loader_line_only()
    {
        using var folder = new TempFolder();
        var path = folder.Write("libbroken.so", "not a shared object");

        Assert.False(TorchNativeBootstrap.TryLoad(path, out var handle, out var error));

        Assert.Equal(IntPtr.Zero, handle);
        Assert.DoesNotContain('\n', error);
        Assert.Contains(path, error); // dlerror: "<path>: invalid ELF header" (wording is glibc's)
    }

    [Fact]
    public void Failure_messages_say_what_failed_the_loader_line_and_what_to_do()
    {
        const string LoaderLine = "/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by /x/libLibTorchSharp.so)";
        var loadFailed = TorchNativeBootstrap.FailureMessage(new TorchNativeState(TorchNativeOutcome.LoadFailed, $"/x/libtorch.so failed to load: {LoaderLine}"));
        var missing = TorchNativeBootstrap.FailureMessage(new TorchNativeState(TorchNativeOutcome.NativeFilesMissing, "libtorch.so was not found in: /app."));
        var platform = TorchNativeBootstrap.FailureMessage(new TorchNativeState(TorchNativeOutcome.UnsupportedPlatform, "this is osx-arm64."));

        Assert.Contains("could not be loaded", loadFailed);
        Assert.Contains(LoaderLine + ". libtorch 2.10 needs", loadFailed);
        Assert.Contains("glibc 2.34", loadFailed);
        Assert.Contains("GCC 12", loadFailed);
        Assert.Contains("libtorch-cpu-linux-x64 2.10.0", missing);
        Assert.Contains("/app", missing);
        Assert.Contains("Linux x64", platform);
        Assert.Throws<ArgumentException>(() => TorchNativeBootstrap.FailureMessage(new TorchNativeState(TorchNativeOutcome.LoadedPatched, "ok")));
    }

    [LinuxFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_cache_copy_is_private_reused_when_intact_and_replaced_when_tampered()
    {
        using var folder = new TempFolder();
        byte[] image = [1, 2, 3, 4, 5];

        var path = TorchNativeBootstrap.WriteVerifiedCacheCopy(image, folder.Path);
        var written = File.GetLastWriteTimeUtc(path);
        Assert.Equal(path, TorchNativeBootstrap.WriteVerifiedCacheCopy(image, folder.Path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path)); // reused, not rewritten
        File.WriteAllBytes(path, [9, 9, 9]);
        TorchNativeBootstrap.WriteVerifiedCacheCopy(image, folder.Path);

        Assert.Equal(image, File.ReadAllBytes(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        Assert.Equal(new[] { "libLibTorchSharp.so" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }
}

using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace Cch.Neural.Native;

/// <summary>How <see cref="TorchNativeBootstrap.Ensure"/> ended.</summary>
internal enum TorchNativeOutcome
{
    /// <summary>The shipped wrapper loaded as is (the system libstdc++ is new enough, or the file was patched at build time).</summary>
    LoadedOriginal,

    /// <summary>A weak-patched copy of the wrapper was loaded; TorchSharp's imports resolve to it.</summary>
    LoadedPatched,

    /// <summary>Not Linux x64: this build references libtorch's natives for Linux x64 only.</summary>
    UnsupportedPlatform,

    /// <summary>The native files are not where the app's deps.json says (package not referenced or not restored).</summary>
    NativeFilesMissing,

    /// <summary>The native files are there but the OS loader rejected them; the detail carries the loader's error line.</summary>
    LoadFailed,
}

/// <summary>The result of the one-time native bootstrap.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Detail">What was loaded from where, or what failed with the loader's own error line.</param>
/// <param name="WrapperPath">The wrapper file that was (or failed to be) loaded, when known.</param>
internal sealed record TorchNativeState(TorchNativeOutcome Outcome, string Detail, string? WrapperPath = null)
{
    /// <summary>Whether TorchSharp may now be used.</summary>
    public bool Usable => Outcome is TorchNativeOutcome.LoadedOriginal or TorchNativeOutcome.LoadedPatched;
}

/// <summary>
/// Loads libtorch before anything touches <c>TorchSharp.torch</c>, so that TorchSharp's own loader
/// finds everything already loaded and never runs its fallback (which prints to stdout, copies 478 MB
/// next to the app and poisons the <c>torch</c> type for the process). Steps (spike <c>FINDINGS.md</c> §5b):
/// <list type="number">
/// <item>find <c>libLibTorchSharp.so</c> and <c>libtorch.so</c> in the host's native probe folders;</item>
/// <item>load <c>libtorch.so</c> by absolute path (its <c>$ORIGIN</c> RUNPATH pulls in libtorch_cpu, libc10, libgomp);</item>
/// <item>if libstdc++ defines <c>_ZSt21ios_base_library_initv@GLIBCXX_3.4.32</c> (<c>dlvsym</c>), load the wrapper as shipped;</item>
/// <item>otherwise mark that requirement weak in memory (<see cref="ElfVersionNeedPatcher"/>, one byte), write the
/// image to an anonymous <c>memfd</c> and load <c>/proc/self/fd/N</c>; where memfd is unavailable (or
/// <c>CCH_TORCH_NO_MEMFD=1</c>), use a per-user cache file whose bytes are verified before reuse.</item>
/// </list>
/// glibc then matches TorchSharp's <c>dlopen("libLibTorchSharp.so")</c> to the loaded copy by SONAME.
/// Thread-safe and idempotent: the first call decides for the process.
/// </summary>
internal static class TorchNativeBootstrap
{
    /// <summary>File name of TorchSharp's native wrapper.</summary>
    public const string WrapperFileName = "libLibTorchSharp.so";

    /// <summary>The library name in TorchSharp's <c>[DllImport]</c> attributes.</summary>
    public const string WrapperImportName = "LibTorchSharp";

    /// <summary>The version the 0.107 wrapper requires but Debian 12 / Ubuntu 22.04 libstdc++ lacks.</summary>
    public const string MissingVersion = "GLIBCXX_3.4.32";

    /// <summary>The only symbol the wrapper binds at <see cref="MissingVersion"/>.</summary>
    private const string MissingVersionSymbol = "_ZSt21ios_base_library_initv";

    /// <summary>Set to <c>1</c> to skip memfd and use the per-user cache file.</summary>
    public const string NoMemfdVariable = "CCH_TORCH_NO_MEMFD";

    private static readonly Lock Gate = new();
    private static TorchNativeState? s_state;

    /// <summary>Runs the bootstrap once per process and returns its (cached) result.</summary>
    public static TorchNativeState Ensure()
    {
        lock (Gate)
            return s_state ??= EnsureCore();
    }

    private static TorchNativeState EnsureCore()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return new(TorchNativeOutcome.UnsupportedPlatform,
                $"this build ships libtorch for Linux x64 only, and this is {RuntimeInformation.RuntimeIdentifier}.");

        var torchSharp = typeof(TorchSharp.torch).Assembly; // typeof does not run torch's static constructor
        var dirs = NativeSearchDirectories(torchSharp);
        var wrapper = FindInDirectories(dirs, WrapperFileName);
        var libtorch = FindInDirectories(dirs, "libtorch.so");
        if (wrapper is null || libtorch is null)
            return new(TorchNativeOutcome.NativeFilesMissing,
                $"{(libtorch is null ? "libtorch.so" : WrapperFileName)} was not found in: {string.Join(", ", dirs)}.");

        PreferPassiveOpenMpWaits();
        if (!TryLoad(libtorch, out _, out var error))
            return new(TorchNativeOutcome.LoadFailed, $"{libtorch} failed to load: {error}");

        if (LibStdCxxHas(MissingVersionSymbol, MissingVersion))
            return TryLoad(wrapper, out _, out error)
                ? new(TorchNativeOutcome.LoadedOriginal, $"Loaded {wrapper} as shipped.", wrapper)
                : new(TorchNativeOutcome.LoadFailed, $"{wrapper} failed to load: {error}", wrapper);

        byte[] image;
        try
        {
            image = File.ReadAllBytes(wrapper);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(TorchNativeOutcome.LoadFailed, $"could not read {wrapper}: {e.Message}", wrapper);
        }

        var patch = ElfVersionNeedPatcher.MarkVersionWeak(image, MissingVersion, "libstdc++.so.6");
        if (patch.Status == ElfPatchStatus.AlreadyWeak) // patched at build time: load in place
            return TryLoad(wrapper, out _, out error)
                ? new(TorchNativeOutcome.LoadedOriginal, $"Loaded {wrapper} (already weak-patched).", wrapper)
                : new(TorchNativeOutcome.LoadFailed, $"{wrapper} failed to load: {error}", wrapper);
        if (!patch.Succeeded)
            return new(TorchNativeOutcome.LoadFailed,
                $"{wrapper} needs {MissingVersion}, which this system's libstdc++ lacks, and cannot be patched: {patch.Message}", wrapper);

        IntPtr handle;
        string where;
        var memfdError = $"disabled by {NoMemfdVariable}=1";
        if (Environment.GetEnvironmentVariable(NoMemfdVariable) != "1" && TryLoadFromMemfd(image, out handle, out memfdError))
        {
            where = "memfd";
        }
        else
        {
            try
            {
                where = WriteVerifiedCacheCopy(image, DefaultCacheRoot());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new(TorchNativeOutcome.LoadFailed,
                    $"could not load a patched {WrapperFileName} from memory ({memfdError}) or write one to the user cache: {e.Message}", wrapper);
            }

            if (!TryLoad(where, out handle, out error))
                return new(TorchNativeOutcome.LoadFailed, $"the patched {WrapperFileName} failed to load: {error}", where);
        }

        // Hardening only: TorchSharp's own probe ignores resolvers but finds the copy by SONAME anyway.
        try
        {
            NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => name == WrapperImportName ? handle : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // A resolver is already registered for TorchSharp; the SONAME match still applies.
        }

        return new(TorchNativeOutcome.LoadedPatched, $"Loaded a weak-patched {WrapperFileName} from {where} (this libstdc++ lacks {MissingVersion}).", where);
    }

    /// <summary>
    /// The user-facing text of a failed bootstrap: what failed, the loader's line, and what to do.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> is usable.</exception>
    public static string FailureMessage(TorchNativeState state)
    {
        if (state.Usable) throw new ArgumentException("The bootstrap succeeded.", nameof(state));
        const string Head = "Training (distillation verification, the infonce/smile/mine/latent estimators) needs libtorch (TorchSharp 0.107.0 with libtorch-cpu-linux-x64 2.10.0), which could not be loaded: ";
        const string Tail = " The criterion with the k-NN and Gaussian estimators, without verification, does not need libtorch.";
        var detail = state.Detail.TrimEnd();
        if (!detail.EndsWith('.')) detail += ".";
        return state.Outcome switch
        {
            TorchNativeOutcome.UnsupportedPlatform => Head + detail + " Run the training on Linux x64." + Tail,
            TorchNativeOutcome.NativeFilesMissing => Head + detail +
                " Reference the packages TorchSharp 0.107.0 and libtorch-cpu-linux-x64 2.10.0 in the application and restore." + Tail,
            _ => Head + detail +
                " libtorch 2.10 needs Linux x64 with glibc 2.34 or newer and libstdc++ from GCC 12 or newer (Debian 12, Ubuntu 22.04 or newer);" +
                " on an older system, run the training in a newer container." + Tail,
        };
    }

    /// <summary>Writes <paramref name="image"/> to an anonymous in-memory file and loads it through <c>/proc/self/fd</c>.</summary>
    private static bool TryLoadFromMemfd(byte[] image, out IntPtr handle, out string error)
    {
        handle = IntPtr.Zero;
        var fd = MemfdCreate(WrapperFileName, MfdCloexec);
        if (fd < 0)
        {
            error = $"memfd_create failed (errno {Marshal.GetLastPInvokeError()})";
            return false;
        }

        using var file = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        RandomAccess.Write(file, image, 0);
        return TryLoad($"/proc/self/fd/{fd}", out handle, out error); // the mapping outlives the fd
    }

    /// <summary>
    /// Writes <paramref name="patchedImage"/> to <c>&lt;cacheRoot&gt;/cch/native/&lt;first 16 hex of its SHA-256&gt;/libLibTorchSharp.so</c>
    /// (folder mode 0700, temp file + rename) and returns the path. An existing file is reused only when
    /// its bytes equal <paramref name="patchedImage"/>, else it is replaced. There is deliberately no shared
    /// <c>/tmp</c> fallback, where another user could plant a library.
    /// </summary>
    /// <exception cref="IOException">The folder or file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file is not writable.</exception>
    [SupportedOSPlatform("linux")]
    public static string WriteVerifiedCacheCopy(byte[] patchedImage, string cacheRoot)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(patchedImage))[..16];
        var dir = Path.Combine(cacheRoot, "cch", "native", key);
        var target = Path.Combine(dir, WrapperFileName);
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(patchedImage))
            return target;

        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = Path.Combine(dir, $".{WrapperFileName}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temp, patchedImage);
        File.Move(temp, target, overwrite: true); // rename(2): concurrent processes write identical bytes
        return target;
    }

    /// <summary><c>$XDG_CACHE_HOME</c> when absolute, else <c>~/.cache</c>.</summary>
    /// <exception cref="IOException">Neither is available.</exception>
    private static string DefaultCacheRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return xdg;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home) || !Directory.Exists(home))
            throw new IOException("No user cache folder (HOME unset or missing, XDG_CACHE_HOME unset).");
        return Path.Combine(home, ".cache");
    }

    /// <summary>The host's native probe folders (from deps.json), then TorchSharp.dll's folder and its <c>runtimes/linux-x64/native</c>.</summary>
    private static List<string> NativeSearchDirectories(System.Reflection.Assembly torchSharp)
    {
        var dirs = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string probe)
            dirs.AddRange(probe.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        var asmDir = Path.GetDirectoryName(torchSharp.Location);
        if (!string.IsNullOrEmpty(asmDir))
        {
            dirs.Add(asmDir);
            dirs.Add(Path.Combine(asmDir, "runtimes", "linux-x64", "native"));
        }

        return dirs.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).Distinct().ToList();
    }

    private static string? FindInDirectories(IEnumerable<string> dirs, string file) =>
        dirs.Select(d => Path.Combine(d, file)).FirstOrDefault(File.Exists);

    /// <summary>
    /// <see cref="NativeLibrary.Load(string)"/> that keeps only the last line of the failure, which is
    /// dlerror()'s text (e.g. <c>…libstdc++.so.6: version `GLIBCXX_3.4.30' not found (required by …)</c>);
    /// .NET prefixes it with generic advice.
    /// </summary>
    public static bool TryLoad(string path, out IntPtr handle, out string error)
    {
        try
        {
            handle = NativeLibrary.Load(path);
            error = "";
            return true;
        }
        catch (DllNotFoundException e)
        {
            handle = IntPtr.Zero;
            var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            error = lines.Length == 0 ? "unknown loader error" : lines[^1];
            return false;
        }
        catch (BadImageFormatException e)
        {
            handle = IntPtr.Zero;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Whether the libstdc++ of this process defines <paramref name="symbol"/>@<paramref name="version"/> (<c>dlvsym</c>).</summary>
    public static bool LibStdCxxHas(string symbol, string version) =>
        NativeLibrary.TryLoad("libstdc++.so.6", out var h) && Dlvsym(h, symbol, version) != IntPtr.Zero;

    /// <summary>The GNU OpenMP variable that decides whether idle worker threads spin or sleep.</summary>
    public const string OpenMpWaitPolicyVariable = "OMP_WAIT_POLICY";

    /// <summary>
    /// Sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the native environment unless the user set it, before libtorch pulls in
    /// libgomp (which reads it once, when it loads). With the default, libgomp's idle threads spin for a while at the end
    /// of every parallel region; on a machine whose cores are shared with other processes the spinning threads take
    /// the cores the working ones need. We measured <c>reproduce mnist-student-blur --quick --threads 2</c> on 2 shared
    /// cores: 530 s wall and 525 s CPU with the default, 104 s wall and 101 s CPU with PASSIVE, identical reports
    /// (the policy changes how threads wait, never what they compute). .NET's
    /// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach the native environment on Unix, hence <c>setenv</c>.
    /// </summary>
    private static void PreferPassiveOpenMpWaits()
    {
        if (Getenv(OpenMpWaitPolicyVariable) == IntPtr.Zero)
            _ = Setenv(OpenMpWaitPolicyVariable, "PASSIVE", 0);
    }

    /// <summary>The value of <paramref name="name"/> in the native (libc) environment, or <c>null</c>.</summary>
    internal static string? NativeEnvironment(string name) => Marshal.PtrToStringUTF8(Getenv(name));

    private const uint MfdCloexec = 1;

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr Getenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int Setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "memfd_create", SetLastError = true)]
    private static extern int MemfdCreate([MarshalAs(UnmanagedType.LPUTF8Str)] string name, uint flags);

    [DllImport("libc", EntryPoint = "dlvsym")]
    private static extern IntPtr Dlvsym(IntPtr handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string symbol, [MarshalAs(UnmanagedType.LPUTF8Str)] string version);
}

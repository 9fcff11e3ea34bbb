using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Cch.Benchmarks.Accuracy;

/// <summary>What a report says about where it ran: commit, CPU, instruction sets, OS and .NET.</summary>
internal static class MachineDescription
{
    /// <summary>
    /// <c>git rev-parse --short HEAD</c> in <paramref name="directory"/>, with <c>-dirty</c> when tracked files
    /// differ from it; "unknown" when git is missing or the directory is not a repository.
    /// </summary>
    public static string GitCommit(string directory)
    {
        var head = Git(directory, "rev-parse --short HEAD");
        if (head is null) return "unknown";
        var status = Git(directory, "status --porcelain --untracked-files=no");
        return string.IsNullOrWhiteSpace(status) ? head : head + "-dirty";
    }

    /// <summary>The report header's machine lines (Markdown list items): CPU and logical processors, ISA, OS and .NET.</summary>
    public static IEnumerable<string> MarkdownLines()
    {
        yield return $"- Machine: {Processor()}, {Environment.ProcessorCount} logical processors";
        yield return $"- ISA: {InstructionSets()}";
        yield return $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}); {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The CPU's model name from /proc/cpuinfo, or the architecture where that is unavailable.</summary>
    public static string Processor()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null) return line[(line.IndexOf(':') + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The hardware-intrinsic ISAs .NET reports as supported (x86 and Arm), and the widest accelerated vector.</summary>
    public static string InstructionSets()
    {
        var flags = new (string Name, bool Supported)[]
        {
            ("Sse42", Sse42.IsSupported), ("Avx", Avx.IsSupported), ("Avx2", Avx2.IsSupported), ("Fma", Fma.IsSupported),
            ("Avx512F", Avx512F.IsSupported), ("Avx512BW", Avx512BW.IsSupported), ("Avx512DQ", Avx512DQ.IsSupported),
            ("Avx512CD", Avx512CD.IsSupported), ("Avx512Vbmi", Avx512Vbmi.IsSupported),
            ("AdvSimd", AdvSimd.IsSupported),
        };
        var supported = flags.Where(f => f.Supported).Select(f => f.Name).ToArray();
        var width = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        return (supported.Length == 0 ? "none" : string.Join(", ", supported)) + $" (accelerated vectors: {width} bit)";
    }

    private static string? Git(string directory, string arguments)
    {
        try
        {
            var info = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000)) return null;
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

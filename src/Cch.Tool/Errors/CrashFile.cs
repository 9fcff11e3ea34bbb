using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Cch.Tool.Errors;

/// <summary>
/// The file an internal error (exit code 3) leaves behind for the bug report: <c>cch-crash-&lt;UTC time&gt;-&lt;pid&gt;.txt</c>
/// in the temporary folder (<c>$TMPDIR</c>, else <c>/tmp</c>; <c>%TEMP%</c> on Windows), holding the tool's version, the
/// command line, the operating system, runtime and CPU, and the full exception with its inner exceptions.
/// </summary>
internal static class CrashFile
{
    /// <summary>Writes the crash file for <paramref name="exception"/> and returns its full path.</summary>
    /// <param name="exception">The exception that ended the run.</param>
    /// <param name="arguments">The arguments after <c>dotnet cch</c>, as typed.</param>
    /// <param name="directory">Where to write it; <c>null</c> for <see cref="Path.GetTempPath"/>.</param>
    /// <exception cref="IOException">The file cannot be written (the caller prints the exception instead).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static string Write(Exception exception, IReadOnlyList<string> arguments, string? directory = null)
    {
        var now = DateTime.UtcNow;
        var name = $"cch-crash-{now.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{Environment.ProcessId}.txt";
        var path = Path.Combine(directory ?? Path.GetTempPath(), name);
        // CreateNew: never replace another crash's file.
        using var writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None), new UTF8Encoding(false));
        writer.Write(Contents(exception, arguments, now));
        return path;
    }

    /// <summary>The crash file's text.</summary>
    internal static string Contents(Exception exception, IReadOnlyList<string> arguments, DateTime utcNow)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Cch {ToolInfo.Version} internal error, {utcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"command line: dotnet cch {string.Join(' ', arguments.Select(Quote))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"working directory: {Environment.CurrentDirectory}");
        text.AppendLine(CultureInfo.InvariantCulture, $"os: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}); process {RuntimeInformation.ProcessArchitecture}");
        text.AppendLine(CultureInfo.InvariantCulture, $"runtime: {RuntimeInformation.FrameworkDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"cpu: {CpuName() ?? "unknown model"}; {Environment.ProcessorCount} logical processors; {CpuFeatures()}");
        text.AppendLine();
        text.AppendLine(exception.ToString());
        return text.ToString();
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>The CPU's model name from <c>/proc/cpuinfo</c> (Linux), or <c>null</c>.</summary>
    private static string? CpuName()
    {
        try
        {
            return OperatingSystem.IsLinux()
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string CpuFeatures()
    {
        if (RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.X86))
            return $"SIMD {(System.Numerics.Vector.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, {System.Numerics.Vector<byte>.Count * 8}-bit vectors";
        var features = new List<string>();
        if (Avx512F.IsSupported) features.Add("AVX-512F");
        if (Avx2.IsSupported) features.Add("AVX2");
        if (Fma.IsSupported) features.Add("FMA");
        if (Avx.IsSupported) features.Add("AVX");
        if (Sse42.IsSupported) features.Add("SSE4.2");
        return features.Count == 0 ? "no AVX or SSE4.2" : string.Join(' ', features);
    }
}

using System.Diagnostics;

namespace Cch.Tool.Tests.Browser;

/// <summary>A headless Chromium (Debian's <c>chromium</c> package) run as a process: DOM dumps and screenshots of local pages.</summary>
internal static class Chromium
{
    /// <summary>The environment variable that names the browser binary when it is not on the PATH.</summary>
    public const string Variable = "CCH_CHROMIUM";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The browser binary: <c>$CCH_CHROMIUM</c>, else the first of chromium, chromium-browser, google-chrome on the PATH; <c>null</c> when there is none.</summary>
    public static string? Path => Found.Value;

    /// <summary>The page's DOM after loading, as the browser serialises it.</summary>
    public static string DumpDom(string page) => Run(page, "--dump-dom").StdOut;

    /// <summary>Loads the page in a <paramref name="width"/> × <paramref name="height"/> window and writes the window as a PNG.</summary>
    public static void Screenshot(string page, string png, int width, int height)
    {
        var run = Run(page, $"--screenshot={png}", $"--window-size={width},{height}");
        if (!File.Exists(png)) throw new InvalidOperationException($"chromium wrote no screenshot (exit code {run.ExitCode}): {run.StdErr}");
    }

    private static CchProcess.Result Run(string page, params string[] args)
    {
        var binary = Path ?? throw new InvalidOperationException("chromium is not installed.");
        var profile = Directory.CreateTempSubdirectory("cch-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // Headless, no sandbox (CI runs as root), no GPU, nothing fetched or remembered, one device pixel per CSS pixel.
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run",
                         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--force-device-scale-factor=1",
                         $"--user-data-dir={profile}",
                     })
                start.ArgumentList.Add(a);
            foreach (var a in args) start.ArgumentList.Add(a);
            start.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium {string.Join(' ', args)} did not finish in 2 minutes.");
            }

            return new CchProcess.Result(process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return File.Exists(given) ? given : null;
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }
            .SelectMany(name => directories.Select(d => System.IO.Path.Combine(d, name)))
            .FirstOrDefault(File.Exists);
    }
}

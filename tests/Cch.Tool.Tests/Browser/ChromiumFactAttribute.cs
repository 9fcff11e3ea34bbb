namespace Cch.Tool.Tests.Browser;

/// <summary>
/// A fact that needs a headless Chromium (<see cref="Chromium.Path"/>); reported as skipped, not passed, when there is
/// none. CI installs Debian's <c>chromium</c> package (<c>.ci/run</c>).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Skips when no browser is found.</summary>
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
            Skip = $"No headless browser: install chromium (apt-get install -y chromium) or set {Chromium.Variable} to one.";
    }
}

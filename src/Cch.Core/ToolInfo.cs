using System.Reflection;

namespace Cch;

/// <summary>Version information recorded in reports.</summary>
public static class ToolInfo
{
    /// <summary>The informational version of Cch.Core (without source-control metadata).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var v = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = v.IndexOf('+');
        return plus > 0 ? v[..plus] : v;
    }
}

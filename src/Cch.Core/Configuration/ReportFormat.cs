namespace Cch.Configuration;

/// <summary>What <c>check</c> prints on standard output (<c>--format</c>).</summary>
public enum ReportFormat
{
    /// <summary>A readable summary table.</summary>
    Text,

    /// <summary>The JSON report.</summary>
    Json,

    /// <summary>A Markdown summary (for CI job summaries and pull-request comments).</summary>
    Markdown,
}

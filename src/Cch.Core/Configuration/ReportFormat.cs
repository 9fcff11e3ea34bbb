namespace Cch.Configuration;

/// <summary>What <c>check</c>, <c>verify</c> and <c>reproduce</c> print on standard output (<c>--format</c>).</summary>
public enum ReportFormat
{
    /// <summary>A readable summary table.</summary>
    Text,

    /// <summary>The JSON report.</summary>
    Json,

    /// <summary>A Markdown summary (for CI job summaries and pull-request comments).</summary>
    Markdown,

    /// <summary>The self-contained HTML page with plots (<see cref="Reports.Html.HtmlReport"/>, <see cref="Reports.Html.ReproductionHtml"/>).</summary>
    Html,
}

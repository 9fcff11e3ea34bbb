using System.Xml;
using System.Xml.Linq;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary><c>--html</c> and <c>--format html</c> from the built tool.</summary>
public sealed class HtmlOutputTests
{
    [Fact]
    public void Check_writes_the_page_atomically_and_format_html_prints_the_same_page()
    {
        using var dir = new TempFolder();
        var path = dir.File(Path.Combine("out", "report.html"));

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--html", path, "--format", "html");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains($"html: {path}", run.StdErr);
        var html = File.ReadAllText(path);
        Assert.Equal(html, run.StdOut);
        var page = Parse(html);
        Assert.Equal(["fig-delta", "fig-estimator-deltas", "fig-mutual-information", "fig-surrogate"],
            page.Descendants("figure").Select(f => (string)f.Attribute("id")!));
        Assert.Equal(4, page.Descendants("svg").Count(s => (string?)s.Attribute("role") == "img"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, ".*")); // no temporary file left behind
    }

    [Fact]
    public void Format_html_alone_prints_the_page_and_writes_nothing()
    {
        using var dir = new TempFolder();

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--format", "html");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", run.StdOut, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("check", "directory")]
    [InlineData("check", "same-as-report")]
    [InlineData("reproduce", "directory")]
    [InlineData("reproduce", "same-as-report")]
    public void A_path_that_cannot_take_the_page_exits_2_before_any_work_and_writes_nothing(string command, string problem)
    {
        using var dir = new TempFolder();
        var report = dir.File("report.json");
        var html = problem == "directory" ? Directory.CreateDirectory(dir.File("pages")).FullName : report;
        string[] args = command == "check"
            ? ["check", "--example", "gaussian", "--report", report, "--html", html]
            : ["reproduce", "gaussian", "--report", report, "--html", html];

        // reproduce gaussian is not built yet (it would end with an internal error): exit code 2 shows the path was checked first.
        var run = CchProcess.Run(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem == "directory" ? "The HTML report path is a directory" : "--report and --html name the same file", run.StdErr);
        Assert.Equal("", run.StdOut);
        Assert.False(File.Exists(report));
        Assert.Equal(problem == "directory" ? [html] : [], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void The_config_file_can_name_the_page_and_ask_for_html_on_standard_output()
    {
        using var dir = new TempFolder();
        var config = dir.Write("cch.json", """{ "html": "pages/check.html", "format": "html" }""");

        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--config", config);

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Equal(File.ReadAllText(dir.File(Path.Combine("pages", "check.html"))), run.StdOut);
    }

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}

using System.Text.Json.Nodes;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary><c>dotnet cch reproduce</c>, run as a process.</summary>
public sealed class ReproduceCommandTests
{
    [Fact]
    public void Gaussian_quick_writes_a_schema_valid_report_with_the_closed_form_boundary()
    {
        using var dir = new TempFolder();
        var report = dir.File("out/reproduce.json");
        var html = dir.File("out/reproduce.html");

        var run = CchProcess.Run(dir.Path, "reproduce", "gaussian", "--quick", "--seeds", "2", "--format", "json", "--report", report, "--html", html);

        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        SchemaAssert.Valid("cch-reproduce.schema.json", run.StdOut);
        SchemaAssert.Valid("cch-reproduce.schema.json", File.ReadAllText(report));
        var doc = JsonNode.Parse(run.StdOut)!;
        Assert.Equal("gaussian", doc["experiment"]!.GetValue<string>());
        // Default model: k = 4 coupled pairs, α = σ = 1, so exact Δ = 0 at ρ* = √(1 − 2^(−1/4)) ≈ 0.3989.
        var boundary = doc["series"]![0]!["boundary"]!["closedForm"]!.GetValue<double>();
        Assert.InRange(boundary, 0.2, 0.6); // interpolated between the sweep's points 0.2 and 0.4 … 0.6
        Assert.Contains("report:", run.StdErr);
        // Two series × three plots (Δ, KD effect, KD effect against Δ), each an accessible inline SVG.
        var page = File.ReadAllText(html);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(page, "<svg [^>]*role=\"img\" aria-label=\""));
        Assert.Contains("n = 2,000, p = 100", page);
    }

    [Fact]
    public void Markdown_output_has_a_table_per_series_and_the_papers_claim()
    {
        var run = CchProcess.Run(Environment.CurrentDirectory, "reproduce", "gaussian", "--quick", "--seeds", "2", "--format", "markdown");

        Assert.True(run.ExitCode == 0, run.StdErr + run.StdOut);
        Assert.Equal(2, run.StdOut.Split("| coupling ρ | exact Δ |").Length - 1);
        Assert.Contains("**The paper states:**", run.StdOut);
        Assert.Contains("Boundaries (coupling ρ): exact Δ crosses 0 at", run.StdOut);
    }

    [Theory]
    [InlineData("unknown experiment 'mnsit'", "reproduce", "mnsit")]
    [InlineData("drop --data", "reproduce", "gaussian", "--data", "/tmp")]
    [InlineData("no such folder", "reproduce", "noise", "--data", "/no/such/folder")]
    [InlineData("--seeds 1", "reproduce", "gaussian", "--seeds", "1")]
    [InlineData("reproduce needs the argument EXPERIMENT.", "reproduce")]
    public void Bad_input_exits_2_with_a_message_and_writes_nothing(string message, params string[] args)
    {
        using var dir = new TempFolder();
        var report = dir.File("r.json");

        var run = CchProcess.Run(dir.Path, [.. args, "--report", report]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr);
        Assert.False(File.Exists(report));
    }
}

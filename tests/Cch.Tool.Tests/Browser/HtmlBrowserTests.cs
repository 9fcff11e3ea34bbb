using System.Text.RegularExpressions;
using Cch.Tests;
using SkiaSharp;

namespace Cch.Tool.Tests.Browser;

/// <summary>The HTML report in a real browser: headless Chromium loads the page the built tool wrote and draws every plot.</summary>
public sealed class HtmlBrowserTests
{
    [ChromiumFact]
    public void The_example_page_loads_in_chromium_and_every_plot_is_drawn()
    {
        using var dir = new TempFolder();
        var page = dir.File("report.html");
        var run = CchProcess.Run(dir.Path, "check", "--example", "gaussian", "--html", page);
        Assert.True(run.ExitCode == 0, run.StdErr);

        // The DOM after loading holds the page's four plots as SVG, with their captions.
        var dom = Chromium.DumpDom(page);
        Assert.Contains("CCH check", dom);
        var svgs = Regex.Matches(dom, "<svg[^>]*role=\"img\"").Count;
        Assert.Equal(4, svgs);
        Assert.Equal(svgs, Regex.Matches(dom, "<figcaption>").Count);

        // A window tall enough for the whole page: each plot's frame is found, and inside it the data are drawn in colour.
        var png = dir.File("report.png");
        Chromium.Screenshot(page, png, 1280, 6000);
        using var image = SKBitmap.Decode(png) ?? throw new InvalidOperationException("The screenshot is not a PNG.");
        Assert.Equal((1280, 6000), (image.Width, image.Height));
        var frames = PlotFrames.Find(image);
        Assert.True(frames.Count == svgs, $"{frames.Count} plot frames in the screenshot for {svgs} plots: {string.Join("; ", frames)}");
        Assert.All(frames, f =>
        {
            Assert.InRange(f.Right - f.Left, 300, 640);
            Assert.InRange(f.Bottom - f.Top, 100, 460);
            Assert.True(f.ColouredPixels >= 100, $"Plot at {f} is blank.");
        });
    }
}

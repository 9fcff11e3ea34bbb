using System.Xml.Linq;

namespace Cch.Tests.Reports.Html;

/// <summary>Checks every HTML page must pass: self-contained, and every plot accessible with its numbers beside it.</summary>
internal static class PageAssert
{
    /// <summary>No scripts, no external style sheets, images, fonts or frames, and no URL anywhere in the page.</summary>
    public static void SelfContained(string html, HtmlDocument page)
    {
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        foreach (var name in new[] { "script", "link", "img", "iframe", "object", "embed", "image", "use" })
            Assert.Empty(page.All(name));
        var elements = page.Root.DescendantsAndSelf().ToList();
        Assert.DoesNotContain(elements.Attributes(), a => a.Name.LocalName is "src" or "href" or "srcset" or "data");
        Assert.DoesNotContain(elements.Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        // CSS and SVG may only point inside the page.
        Assert.DoesNotMatch(@"url\((?!#)", html);
    }

    /// <summary>Every SVG is an image with a label, a title and a description, inside a figure with a visible caption and a table with rows.</summary>
    public static void AccessibleFigures(HtmlDocument page)
    {
        var svgs = page.All("svg").ToList();
        Assert.NotEmpty(svgs);
        Assert.Equal(svgs.Count, page.Figures.Count);
        foreach (var svg in svgs)
        {
            Assert.Equal("img", (string?)svg.Attribute("role"));
            var label = (string?)svg.Attribute("aria-label");
            Assert.False(string.IsNullOrWhiteSpace(label));
            Assert.Equal(label, svg.Element("title")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(svg.Element("desc")?.Value));
            Assert.NotNull(svg.Attribute("viewBox"));
            var figure = svg.Parent!;
            Assert.Equal("figure", figure.Name.LocalName);
            Assert.Equal(label, figure.Element("figcaption")?.Value);
            Assert.NotEmpty(figure.Element("table")!.Element("tbody")!.Elements("tr"));
        }
    }
}

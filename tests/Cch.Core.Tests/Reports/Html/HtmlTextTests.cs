using Cch.Reports.Html;

namespace Cch.Tests.Reports.Html;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("a<b>&\"c\"'d'", "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;")]
    [InlineData("Δ σ λ → 😀", "Δ σ λ → 😀")]
    [InlineData("", "")]
    public void Escape_makes_text_safe_for_html_and_xml(string text, string expected) => Assert.Equal(expected, HtmlText.Escape(text));

    [Fact]
    public void Characters_xml_cannot_hold_become_the_replacement_character()
    {
        var text = "bell" + (char)7 + " lone " + (char)0xD800 + " end";

        Assert.Equal("bell\uFFFD lone \uFFFD end", HtmlText.Escape(text));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_and_fixed_decimals()
    {
        Assert.Equal("-0.051", HtmlText.Nats(-0.0512));
        Assert.Equal("0.0125", HtmlText.Metric(0.01251));
        Assert.Equal("2", HtmlText.Short(2.0));
        Assert.Equal("97.5 %", HtmlText.Percent(0.975));
    }
}

using System.Xml;
using System.Xml.Linq;

namespace Cch.Tests.Reports.Html;

/// <summary>Parses a page as XML (it is written to be well-formed) and finds its figures and tables.</summary>
internal sealed class HtmlDocument
{
    private HtmlDocument(XDocument document) => Document = document;

    public XDocument Document { get; }

    public XElement Root => Document.Root!;

    /// <summary>Parses <paramref name="html"/>; throws <see cref="XmlException"/> when it is not well-formed.</summary>
    public static HtmlDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return new HtmlDocument(XDocument.Load(reader));
    }

    public IEnumerable<XElement> All(string name) => Root.Descendants(name);

    public IReadOnlyList<XElement> Figures => All("figure").ToList();

    public XElement Figure(string id) => Figures.Single(f => (string?)f.Attribute("id") == id);

    /// <summary>The body rows of the figure's table, as cell texts.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string figureId) =>
        Figure(figureId).Element("table")!.Element("tbody")!.Elements("tr").Select(r => (IReadOnlyList<string>)r.Elements("td").Select(td => td.Value).ToList()).ToList();

    /// <summary>The column headers of the figure's table.</summary>
    public IReadOnlyList<string> Headers(string figureId) =>
        Figure(figureId).Element("table")!.Element("thead")!.Descendants("th").Select(th => th.Value).ToList();

    /// <summary>The cell of <paramref name="header"/> in <paramref name="row"/> of the figure's table.</summary>
    public string Cell(string figureId, int row, string header) => Rows(figureId)[row][Headers(figureId).ToList().IndexOf(header)];
}

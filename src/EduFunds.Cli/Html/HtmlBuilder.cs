using System.Text;

namespace EduFunds.Cli.Html;

/// <summary>Builds HTML text: escaped content, tables with numeric columns aligned right.</summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder builder = new();

    /// <summary>Escapes text for HTML content and attribute values.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text) => Charts.SvgWriter.Escape(text);

    /// <summary>Appends markup as is.</summary>
    /// <param name="markup">The markup.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Raw(string markup)
    {
        builder.Append(markup);
        return this;
    }

    /// <summary>Appends an element with escaped text.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="text">The text.</param>
    /// <param name="attributes">Attributes (already escaped), or null.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Element(string tag, string text, string? attributes = null)
    {
        builder.Append('<').Append(tag);
        if (attributes is not null)
        {
            builder.Append(' ').Append(attributes);
        }

        builder.Append('>').Append(Escape(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>A paragraph.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cssClass">A class, or null.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Paragraph(string text, string? cssClass = null) =>
        Element("p", text, cssClass is null ? null : $"class=\"{cssClass}\"");

    /// <summary>A bulleted list.</summary>
    /// <param name="items">The items.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder List(IEnumerable<string> items)
    {
        builder.Append("<ul>\n");
        foreach (var item in items)
        {
            Element("li", item);
        }

        builder.Append("</ul>\n");
        return this;
    }

    /// <summary>A figure holding a chart, with its caption.</summary>
    /// <param name="kind">The chart kind (the <c>data-chart</c> attribute).</param>
    /// <param name="chart">The chart, inlined as SVG.</param>
    /// <param name="caption">The caption.</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Figure(string kind, Charts.ChartDrawing chart, string caption)
    {
        builder.Append("<figure data-chart=\"").Append(kind).Append("\">\n").Append(chart.ToSvg());
        Element("figcaption", caption);
        builder.Append("</figure>\n");
        return this;
    }

    /// <summary>A table; cells are escaped; a column whose header starts with '#' is numeric (right-aligned, '#' dropped).</summary>
    /// <param name="caption">The caption, or null.</param>
    /// <param name="headers">The headers.</param>
    /// <param name="rows">The rows; a cell starting with '!' is marked (bold, '!' dropped).</param>
    /// <returns>This builder.</returns>
    public HtmlBuilder Table(string? caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var numeric = headers.Select(h => h.StartsWith('#')).ToArray();
        builder.Append("<table>\n");
        if (caption is not null)
        {
            Element("caption", caption);
        }

        builder.Append("<thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            builder.Append(numeric[i] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                .Append(Escape(numeric[i] ? headers[i][1..] : headers[i])).Append("</th>");
        }

        builder.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            builder.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                var marked = cell.StartsWith('!');
                var classes = (numeric[i] ? "num" : string.Empty) + (marked ? (numeric[i] ? " mark" : "mark") : string.Empty);
                builder.Append(classes.Length == 0 ? "<td>" : $"<td class=\"{classes}\">")
                    .Append(Escape(marked ? cell[1..] : cell)).Append("</td>");
            }

            builder.Append("</tr>\n");
        }

        builder.Append("</tbody>\n</table>\n");
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => builder.ToString();
}

using System.Text;

namespace EduFunds.Cli.Html;

/// <summary>
/// A numbered section of the HTML report. The report lists its sections in order
/// (<see cref="HtmlReport.Sections"/>); a new section is one more subclass in that list.
/// </summary>
internal abstract class ReportSection
{
    /// <summary>The section's id in the document (the anchor and the <c>data-section</c> attribute).</summary>
    public abstract string Id { get; }

    /// <summary>The resource name of the section's title.</summary>
    public abstract string TitleKey { get; }

    /// <summary>Writes the section's body (under its numbered heading).</summary>
    /// <param name="html">The document.</param>
    /// <param name="data">The analyses.</param>
    /// <param name="words">The words.</param>
    public abstract void Write(HtmlBuilder html, ReportData data, ReportText words);
}

/// <summary>
/// <c>edufunds report</c>: one self-contained HTML file (inline styles and SVG charts, no script,
/// no font or image from the network) that prints on A4 with one section per page.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The sections, in order; their numbers follow from this list.</summary>
    public static IReadOnlyList<ReportSection> Sections { get; } =
    [
        new SummarySection(),
        new FundingSection(),
        new ProgramsByYearSection(),
        new RiskSection(),
        new RescueSection(),
        new ScenariosSection(),
        new BudgetSection(),
        new MethodSection(),
    ];

    private const string Style = """
        :root{color-scheme:light}
        body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',Arial,sans-serif;margin:0 auto;max-width:920px;padding:24px;color:#111;line-height:1.45;background:#fff}
        header{border-bottom:3px solid #0072B2;margin-bottom:1em}
        h1{font-size:1.7em;margin:0 0 .2em}
        h2{font-size:1.3em;border-bottom:2px solid #0072B2;padding-bottom:.15em;margin-top:2em}
        h3{font-size:1.05em;margin:1.4em 0 .4em}
        table{border-collapse:collapse;width:100%;font-size:.88em;margin:.6em 0 1em}
        caption{text-align:left;font-weight:bold;padding:.3em 0}
        th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
        th{background:#f0f0f0}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .mark{font-weight:bold;text-decoration:underline}
        figure{margin:1em 0;break-inside:avoid;page-break-inside:avoid}
        figure svg{max-width:100%;height:auto;display:block}
        figcaption{font-size:.85em;color:#333}
        dl.settings{display:grid;grid-template-columns:max-content 1fr;gap:2px 18px;margin:.5em 0}
        dl.settings dt{font-weight:bold}
        dl.settings dd{margin:0}
        .tiles{display:flex;gap:12px;margin:1em 0}
        .tile{border:1px solid #333;padding:6px 14px;min-width:110px}
        .tile b{display:block;font-size:1.8em}
        .tile.high{border-width:4px}
        .tile.elevated{border-width:2px;border-style:dashed}
        .note{color:#333;font-style:italic}
        pre.adopt{font-size:.8em;white-space:pre-wrap;word-break:break-all;border:1px solid #bbb;padding:6px;break-inside:avoid}
        nav ol{columns:2;margin:.4em 0}
        @page{size:A4;margin:14mm}
        @media print{body{max-width:none;padding:0;font-size:10.5pt}nav{display:none}section{break-before:page}section:first-of-type{break-before:auto}h2,h3{break-after:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
        """;

    /// <summary>Renders the report.</summary>
    /// <param name="data">The analyses.</param>
    /// <param name="words">The words.</param>
    /// <returns>The HTML document (UTF-8 text, LF line ends).</returns>
    public static string Render(ReportData data, ReportText words)
    {
        var html = new HtmlBuilder();
        var title = words.Format("ReportTitle", data.Workbook.Name);
        html.Raw("<!DOCTYPE html>\n")
            .Raw($"<html lang=\"{words.Language}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"generator\" content=\"edufunds report\">\n")
            .Element("title", title)
            .Raw("<style>\n").Raw(Style.Replace("\r\n", "\n", StringComparison.Ordinal)).Raw("\n</style>\n</head>\n<body>\n<header>\n")
            .Element("h1", title)
            .Paragraph(words.Format("ReportSubtitle", data.SourceName, data.Years[0], data.Years[^1]));
        if (data.Stamp is not null)
        {
            html.Paragraph(words.Format("ReportStamp", data.Stamp), "note");
        }

        html.Raw($"<nav aria-label=\"{HtmlBuilder.Escape(words["Contents"])}\"><ol>\n");
        foreach (var section in Sections)
        {
            html.Raw($"<li><a href=\"#{section.Id}\">{HtmlBuilder.Escape(words[section.TitleKey])}</a></li>\n");
        }

        html.Raw("</ol></nav>\n</header>\n<main>\n");
        for (var i = 0; i < Sections.Count; i++)
        {
            var section = Sections[i];
            html.Raw($"<section id=\"{section.Id}\" data-section=\"{section.Id}\" aria-labelledby=\"{section.Id}-h\">\n")
                .Element("h2", $"{i + 1}. {words[section.TitleKey]}", $"id=\"{section.Id}-h\"");
            section.Write(html, data, words);
            html.Raw("</section>\n");
        }

        html.Raw("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The report as UTF-8 bytes without a byte-order mark.</summary>
    /// <param name="data">The analyses.</param>
    /// <param name="words">The words.</param>
    /// <returns>The bytes.</returns>
    public static byte[] RenderBytes(ReportData data, ReportText words) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(data, words));
}

using System.Text;

namespace EduFunds.Cli.Output;

/// <summary>Writes a report as GitHub-flavoured Markdown: a heading, the settings, the notes and one table per view.</summary>
internal static class MarkdownRenderer
{
    /// <summary>Renders a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text (LF line ends).</returns>
    public static string Render(Report report)
    {
        var decimals = report.Currency.MinorUnits;
        var t = report.Texts;
        var builder = new StringBuilder();
        if (report.Banner is not null)
        {
            builder.Append("**").Append(Escape(report.Banner)).Append("**").Append('\n').Append('\n');
        }

        builder.Append("# ").Append(Escape(report.Title)).Append('\n').Append('\n');
        if (report.Verbose)
        {
            foreach (var setting in report.Settings)
            {
                builder.Append("- **").Append(Escape(setting.Label)).Append("**: ")
                    .Append(Escape(TableRenderer.SettingText(setting.Value, t))).Append('\n');
            }

            if (report.Settings.Count > 0)
            {
                builder.Append('\n');
            }
        }
        else if (TableRenderer.SummaryLine(report) is { } summary)
        {
            builder.Append(Escape(summary)).Append('\n').Append('\n');
        }

        foreach (var note in report.Notes)
        {
            builder.Append("> ").Append(Escape(note)).Append('\n').Append('>').Append('\n');
        }

        if (report.Notes.Count > 0)
        {
            builder.Length -= 2;
            builder.Append('\n');
        }

        foreach (var snippet in report.Snippets)
        {
            var fence = Fence(snippet.Text);
            builder.Append(Escape(snippet.Lead)).Append('\n').Append('\n')
                .Append(fence).Append(snippet.Language).Append('\n')
                .Append(snippet.Text).Append('\n')
                .Append(fence).Append('\n').Append('\n');
        }

        foreach (var table in report.HumanTables)
        {
            if (table.Rows.Count == 0 && table.OmitWhenEmpty)
            {
                continue;
            }

            builder.Append("## ").Append(Escape(table.Title)).Append('\n').Append('\n');
            builder.Append('|');
            foreach (var column in table.Columns)
            {
                builder.Append(' ').Append(Escape(column.Header)).Append(" |");
            }

            builder.Append('\n').Append('|');
            foreach (var column in table.Columns)
            {
                builder.Append(column.IsNumeric ? " ---: |" : " --- |");
            }

            builder.Append('\n');
            foreach (var row in table.Rows)
            {
                builder.Append('|');
                for (var i = 0; i < row.Length; i++)
                {
                    var text = CellFormat.Human(table.Columns[i].Kind, row[i], decimals, t).Text;
                    builder.Append(' ').Append(Escape(text)).Append(" |");
                }

                builder.Append('\n');
            }

            builder.Append('\n');
            if (table.Caption is not null)
            {
                builder.Append(Escape(table.Caption)).Append('\n').Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes text for a Markdown table cell: pipes, backslashes, markup characters and line breaks.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#':
                    builder.Append('\\').Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append("<br>");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A code fence longer than any run of backticks in the text (CommonMark: at least three).</summary>
    private static string Fence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}

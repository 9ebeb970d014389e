using Spectre.Console;

namespace EduFunds.Cli.Output;

/// <content>Lines of text: wrapped, measured and written (straight to the writer for plain text).</content>
internal static partial class TableRenderer
{
    private static void WriteWrapped(IAnsiConsole console, TextWriter? plain, string text, int width, Style style, bool ansi, int indent = 0)
    {
        foreach (var line in TextWidth.Wrap(CellFormat.Printable(text), width, indent))
        {
            if (plain is not null && PlainGrid.CellWidth(line) <= width)
            {
                // What Spectre.Console writes for a plain line that fits.
                plain.Write(line);
                plain.Write('\n');
                continue;
            }

            console.Write(new Text(line, ansi ? style : Style.Plain));
            console.WriteLine();
        }
    }

    private static void NewLine(IAnsiConsole console, TextWriter? plain)
    {
        if (plain is null)
        {
            console.WriteLine();
        }
        else
        {
            plain.Write('\n');
        }
    }

    /// <summary>Text wrapped to a column's width here, so that Chinese punctuation never starts a line.</summary>
    private static string Wrapped(string text, int width) =>
        LineWidth(text) <= width ? text : string.Join("\n", TextWidth.Wrap(text, width));

    private static int LineWidth(string text) => text.Split('\n').Max(TextWidth.Of);

    private static int LongestWord(string text) => WidestUnbreakable(text);

    /// <summary>The widest run of text without a place to break (a space or a wide character).</summary>
    private static int WidestUnbreakable(string text)
    {
        var widest = 0;
        var run = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is ' ' or '\n' || TextWidth.IsWide(rune.Value))
            {
                widest = Math.Max(widest, run + (TextWidth.IsWide(rune.Value) ? 2 : 0));
                run = 0;
                continue;
            }

            run += TextWidth.Of(rune);
        }

        return Math.Max(widest, run);
    }

    private static Style ToStyle(Tone tone, bool ansi) => !ansi
        ? Style.Plain
        : tone switch
        {
            Tone.Good => new Style(Color.Green),
            Tone.Warning => new Style(Color.Yellow),
            Tone.Bad => new Style(Color.Red, decoration: Decoration.Bold),
            Tone.Muted => new Style(Color.Grey),
            _ => Style.Plain,
        };
}

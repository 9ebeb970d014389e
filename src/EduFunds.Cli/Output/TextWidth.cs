using System.Globalization;
using System.Text;

namespace EduFunds.Cli.Output;

/// <summary>
/// The width of text in terminal columns, East Asian wide and fullwidth characters (Chinese,
/// fullwidth punctuation) counting two, and wrapping to a width: at spaces, between two wide
/// characters, and inside a word only when it is wider than the line.
/// </summary>
internal static class TextWidth
{
    /// <summary>The columns a text takes on a terminal.</summary>
    /// <param name="text">The text (one line).</param>
    /// <returns>The width.</returns>
    public static int Of(string text)
    {
        if (IsPlainAscii(text))
        {
            return text.Length;
        }

        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    /// <summary>True when every character is printable ASCII (one column each).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether its width is its length.</returns>
    internal static bool IsPlainAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The columns one character takes: 0 for combining marks and controls, 2 for wide ones, else 1.</summary>
    /// <param name="rune">The character.</param>
    /// <returns>0, 1 or 2.</returns>
    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.Control)
        {
            return 0;
        }

        return IsWide(rune.Value) ? 2 : 1;
    }

    /// <summary>True for East Asian Wide (W) and Fullwidth (F) characters.</summary>
    /// <param name="c">The code point.</param>
    /// <returns>Whether it takes two columns.</returns>
    public static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F
        or >= 0x231A and <= 0x231B
        or >= 0x2329 and <= 0x232A
        or >= 0x2E80 and <= 0x303E
        or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF
        or >= 0x4E00 and <= 0x9FFF
        or >= 0xA000 and <= 0xA4CF
        or >= 0xA960 and <= 0xA97F
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE10 and <= 0xFE19
        or >= 0xFE30 and <= 0xFE6F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x1F300 and <= 0x1F64F
        or >= 0x1F900 and <= 0x1F9FF
        or >= 0x20000 and <= 0x3FFFD;

    /// <summary>
    /// Wraps text to a width. Line breaks in the text are kept; lines after the first start with
    /// <paramref name="indent"/> spaces.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="width">The most columns a line may take (at least 10).</param>
    /// <param name="indent">Spaces before every line but the first.</param>
    /// <returns>The lines.</returns>
    public static List<string> Wrap(string text, int width, int indent = 0)
    {
        width = Math.Max(width, 10);
        indent = Math.Clamp(indent, 0, width / 2);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, width, indent, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, int width, int indent, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0;
        // A paragraph keeps its own leading spaces (preformatted text: JSON, CSV lines to paste); wrapped lines are indented.
        var prefix = paragraph.Length - paragraph.TrimStart(' ').Length;
        line.Append(' ', prefix);
        lineWidth = prefix;
        foreach (var token in Tokens(paragraph.TrimStart(' ')))
        {
            var tokenWidth = Of(token);
            var isSpace = token == " ";
            if (isSpace && lineWidth == prefix)
            {
                continue; // no space at the start of a line
            }

            if (lineWidth + tokenWidth > width && lineWidth > prefix)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear().Append(' ', indent);
                lineWidth = prefix = indent;
                if (isSpace)
                {
                    continue;
                }
            }

            if (tokenWidth > width - lineWidth)
            {
                // A word wider than a whole line: split it where it must.
                foreach (var rune in token.EnumerateRunes())
                {
                    var w = Of(rune);
                    if (lineWidth + w > width && lineWidth > prefix)
                    {
                        lines.Add(line.ToString().TrimEnd());
                        line.Clear().Append(' ', indent);
                        lineWidth = prefix = indent;
                    }

                    line.Append(rune.ToString());
                    lineWidth += w;
                }

                continue;
            }

            line.Append(token);
            lineWidth += tokenWidth;
        }

        lines.Add(line.ToString().TrimEnd());
    }

    /// <summary>Punctuation that never starts a line: it stays with the character before it.</summary>
    private const string Closing = "，。、；：！？）」』】》〉”’,.;:!?)]}%";

    /// <summary>Punctuation that never ends a line: it stays with the character after it.</summary>
    private const string Opening = "（「『【《〈“‘([{";

    /// <summary>Words, single spaces and wide characters; closing punctuation joins the token before it, opening punctuation the token after.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var pendingOpening = string.Empty;
        foreach (var raw in RawTokens(text))
        {
            if (raw.Length > 0 && Closing.Contains(raw[0], StringComparison.Ordinal) && tokens.Count > 0 && tokens[^1] != " " && pendingOpening.Length == 0)
            {
                tokens[^1] += raw;
            }
            else if (raw.Length == 1 && Opening.Contains(raw[0], StringComparison.Ordinal))
            {
                pendingOpening += raw;
            }
            else if (raw == " ")
            {
                if (pendingOpening.Length > 0)
                {
                    tokens.Add(pendingOpening);
                    pendingOpening = string.Empty;
                }

                tokens.Add(raw);
            }
            else
            {
                tokens.Add(pendingOpening + raw);
                pendingOpening = string.Empty;
            }
        }

        if (pendingOpening.Length > 0)
        {
            tokens.Add(pendingOpening);
        }

        return tokens;
    }

    /// <summary>Words, single spaces, and each wide character on its own (a line may break after any of them).</summary>
    private static IEnumerable<string> RawTokens(string text)
    {
        var word = new StringBuilder();
        var units = new char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return " ";
            }
            else if (IsWide(rune.Value))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return rune.ToString();
            }
            else
            {
                // The rune's UTF-16 units, without a string per character.
                word.Append(units, 0, rune.EncodeToUtf16(units));
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}

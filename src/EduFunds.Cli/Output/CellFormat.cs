using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Engine;

namespace EduFunds.Cli.Output;

/// <summary>How cells are spelled: invariant and exact for machines, readable for people.</summary>
internal static class CellFormat
{
    /// <summary>
    /// Money as a plain invariant decimal with exactly the currency's minor-unit decimals
    /// ("1234.50" for CNY, "1234" for JPY, "-0.005" for KWD); exact for every 64-bit amount.
    /// </summary>
    /// <param name="minorUnits">Whole minor units.</param>
    /// <param name="decimals">The currency's minor-unit decimals.</param>
    /// <param name="groupThousands">Separate thousands with commas (for people).</param>
    /// <returns>The text.</returns>
    public static string Money(long minorUnits, int decimals, bool groupThousands = false)
    {
        // Int128 so that long.MinValue has a magnitude.
        Int128 value = minorUnits;
        var negative = value < 0;
        if (negative)
        {
            value = -value;
        }

        var digits = value.ToString(CultureInfo.InvariantCulture);
        if (digits.Length <= decimals)
        {
            digits = digits.PadLeft(decimals + 1, '0');
        }

        var whole = digits[..^decimals];

        if (groupThousands && whole.Length > 3)
        {
            var grouped = new System.Text.StringBuilder(whole.Length + (whole.Length / 3));
            for (var i = 0; i < whole.Length; i++)
            {
                if (i > 0 && (whole.Length - i) % 3 == 0)
                {
                    grouped.Append(',');
                }

                grouped.Append(whole[i]);
            }

            whole = grouped.ToString();
        }

        var text = decimals == 0 ? whole : whole + "." + digits[^decimals..];
        return negative ? "-" + text : text;
    }

    /// <summary>A ratio with four decimals, half-even, invariant ("0.7234", "1.0000").</summary>
    /// <param name="ratio">The ratio.</param>
    /// <returns>The text.</returns>
    public static string Ratio(decimal ratio) =>
        decimal.Round(ratio, 4, MidpointRounding.ToEven).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// A ratio as a whole percentage for people, truncated so that only a full 1 shows as
    /// "100%" (an underfunded 99.6% reads "99%"); likewise only a true 0 shows as "0%": a
    /// smaller non-zero ratio (a 95% half-width of 0.004) reads "0.4%", or "&lt;0.1%".
    /// </summary>
    /// <param name="ratio">The ratio.</param>
    /// <returns>The text.</returns>
    public static string Percent(decimal ratio)
    {
        var whole = decimal.Truncate(ratio * 100m);
        if (whole != 0m || ratio == 0m)
        {
            return whole.ToString("0", CultureInfo.InvariantCulture) + "%";
        }

        var tenths = decimal.Truncate(ratio * 1000m);
        var sign = ratio < 0 ? "-" : string.Empty;
        return tenths != 0m
            ? (tenths / 10m).ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : sign + "<0.1%";
    }

    /// <summary>The status word of CSV and JSON.</summary>
    /// <param name="status">The status.</param>
    /// <returns>funded, underfunded, stalled, shelved or inactive.</returns>
    public static string StatusWord(ProgramStatus status) => status switch
    {
        ProgramStatus.Funded => "funded",
        ProgramStatus.Underfunded => "underfunded",
        ProgramStatus.Stalled => "stalled",
        ProgramStatus.Shelved => "shelved",
        _ => "inactive",
    };

    /// <summary>The status mark people see at a glance.</summary>
    /// <param name="status">The status.</param>
    /// <returns>One character.</returns>
    public static string StatusMark(ProgramStatus status) => status switch
    {
        ProgramStatus.Funded => "●",
        ProgramStatus.Underfunded => "◐",
        ProgramStatus.Stalled => "✗",
        ProgramStatus.Shelved => "⊘",
        _ => "·",
    };

    /// <summary>The tone of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The tone.</returns>
    public static Tone StatusTone(ProgramStatus status) => status switch
    {
        ProgramStatus.Funded => Tone.Good,
        ProgramStatus.Underfunded => Tone.Warning,
        ProgramStatus.Stalled or ProgramStatus.Shelved => Tone.Bad,
        _ => Tone.Muted,
    };

    /// <summary>The status word people read, in their language.</summary>
    /// <param name="status">The status.</param>
    /// <param name="t">The texts.</param>
    /// <returns>The word.</returns>
    public static string StatusName(ProgramStatus status, Texts t) => t["status." + StatusWord(status)];

    /// <summary>The legend of the status marks.</summary>
    /// <param name="t">The texts.</param>
    /// <returns>The legend.</returns>
    public static string StatusLegend(Texts t) => t["status.legend"];

    /// <summary>Spells a cell for machines (CSV, and JSON strings): invariant, exact; null = empty.</summary>
    /// <param name="kind">The column kind.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="decimals">Minor-unit decimals of the report currency.</param>
    /// <returns>The text.</returns>
    public static string Machine(ColumnKind kind, object? cell, int decimals) => cell switch
    {
        null => string.Empty,
        StyledText styled => styled.Text,
        _ => kind switch
        {
            ColumnKind.Money => Money((long)cell, decimals),
            ColumnKind.Ratio => Ratio((decimal)cell),
            ColumnKind.Status => StatusWord((ProgramStatus)cell),
            ColumnKind.Flag => (bool)cell ? "true" : "false",
            ColumnKind.Integer or ColumnKind.Year => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
            _ => cell.ToString() ?? string.Empty,
        },
    };

    /// <summary>
    /// Text without the control characters that break a table's layout or drive a terminal: tabs
    /// become spaces, CR line breaks LF, and every other C0 or C1 control and DEL (ESC starts
    /// terminal escape sequences, including clipboard writes) is shown visibly as <c>\xNN</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The printable text; line breaks stay.</returns>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = true;
        foreach (var c in text)
        {
            if (IsControl(c) || c is '\t' or '\r')
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (IsControl(c))
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsControl(char c) => c != '\n' && c != '\t' && c != '\r' && (c < ' ' || (c >= '\u007f' && c <= '\u009f'));

    /// <summary>Spells a cell for people, with its tone.</summary>
    /// <param name="kind">The column kind.</param>
    /// <param name="cell">The cell.</param>
    /// <param name="decimals">Minor-unit decimals of the report currency.</param>
    /// <param name="t">The texts of the report's language (English when null).</param>
    /// <returns>The text and tone.</returns>
    public static StyledText Human(ColumnKind kind, object? cell, int decimals, Texts? t = null) => cell switch
    {
        null => new StyledText(kind == ColumnKind.Text ? string.Empty : "-", Tone.Muted),
        StyledText styled => styled with { Text = Printable(styled.Text) },
        string text => new StyledText(Printable(text), Tone.Plain),
        _ => kind switch
        {
            ColumnKind.Money => new StyledText(Money((long)cell, decimals, groupThousands: true), (long)cell < 0 ? Tone.Bad : Tone.Plain),
            ColumnKind.Ratio => new StyledText(Percent((decimal)cell), Tone.Plain),
            ColumnKind.Status => new StyledText(
                StatusMark((ProgramStatus)cell) + " " + StatusName((ProgramStatus)cell, t ?? Texts.English),
                StatusTone((ProgramStatus)cell)),
            ColumnKind.Flag => (bool)cell
                ? new StyledText((t ?? Texts.English)["flag.yes"], Tone.Warning)
                : new StyledText((t ?? Texts.English)["flag.no"], Tone.Muted),
            _ => new StyledText(Machine(kind, cell, decimals), Tone.Plain),
        },
    };
}

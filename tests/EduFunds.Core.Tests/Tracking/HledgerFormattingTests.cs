using System.Globalization;
using System.Text;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;
using FsCheck;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Tracking;

/// <summary>The fast transaction formatter writes what the general rules wrote, character for character.</summary>
public class HledgerFormattingTests
{
    private static readonly string[] Pieces = ["a", " ", "\t", "\r\n", ";", "|", "*", "!", "(", ")", ",", "数", "\u3000", "x y", ""];

    [Property(MaxTest = 500)]
    public void FormatAmount_AnyAmount_IsAmountTextFormat(long amount, byte decimalsSeed)
    {
        var currency = (decimalsSeed % 3) switch { 0 => Currency.Cny, 1 => Currency.FromCode("JPY"), _ => Currency.FromCode("KWD") };
        var buffer = new char[40];
        var n = HledgerJournal.EntryFormatter.FormatAmount(amount, currency.MinorUnits, buffer);
        Assert.Equal(AmountText.Format(amount, currency), new string(buffer, 0, n));
    }

    [Property(MaxTest = 300)]
    public void Format_AnyEntry_IsTheGeneralRulesText(int seed)
    {
        var random = new System.Random(seed);
        string? Text() => random.Next(4) == 0 ? null : string.Concat(Enumerable.Range(0, random.Next(5)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        var receipt = random.Next(2) == 0;
        var amount = Money.FromMinorUnits(random.NextInt64(1, 1_000_000_000), Currency.Cny);
        var date = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
        var entry = receipt
            ? new LedgerEntry(date, LedgerEntryType.Receipt, "S;1", null, amount, Text(), Text())
            : new LedgerEntry(date, LedgerEntryType.Expense, random.Next(2) == 0 ? "DG" : null, random.Next(3) == 0 ? null : "P 1", amount, Text(), Text());
        var formatter = new HledgerJournal.EntryFormatter(Currency.Cny, 24);
        Assert.Equal(Reference(entry, Currency.Cny, 24), formatter.Format(entry).ToString());
    }

    /// <summary>The per-entry text as the journal wrote it before the fast formatter (the oracle).</summary>
    private static string Reference(LedgerEntry entry, Currency currency, int width)
    {
        var sb = new StringBuilder();
        var head = new StringBuilder(entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (entry.Reference is { Length: > 0 } reference)
        {
            head.Append(" (").Append(OneLine(reference).Replace(')', ']').Replace('(', '[')).Append(')');
        }

        var description = entry.Memo is { Length: > 0 } memo
            ? Description(memo)
            : entry.Type == LedgerEntryType.Receipt ? $"receipt from {entry.StreamId}"
            : entry.ProgramId is null ? "overhead" : $"expense of {entry.ProgramId}";
        head.Append(' ').Append(Description(description));
        var tags = new List<string>();
        if (entry.StreamId is not null)
        {
            tags.Add("stream:" + OneLine(entry.StreamId).Replace(',', '_'));
        }

        if (entry.ProgramId is not null)
        {
            tags.Add("program:" + OneLine(entry.ProgramId).Replace(',', '_'));
        }

        head.Append("  ; ").Append(string.Join(", ", tags));
        sb.Append(head).Append('\n');
        if (entry.Type == LedgerEntryType.Receipt)
        {
            Posting(sb, "assets:bank", entry.AmountMinorUnits, currency, width);
            Posting(sb, HledgerJournal.StreamAccount(entry.StreamId!), -entry.AmountMinorUnits, currency, width);
        }
        else
        {
            Posting(sb, entry.ProgramId is null ? HledgerJournal.OverheadAccount : HledgerJournal.ProgramAccount(entry.ProgramId), entry.AmountMinorUnits, currency, width);
            Posting(sb, "assets:bank", -entry.AmountMinorUnits, currency, width);
        }

        return sb.Append('\n').ToString();
    }

    private static void Posting(StringBuilder sb, string account, long amount, Currency currency, int width) =>
        sb.Append("    ").Append(account.PadRight(width)).Append("  ").Append((AmountText.Format(amount, currency) + " " + currency.Code).PadLeft(18)).Append('\n');

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Description(string text)
    {
        var line = OneLine(text).Replace(';', ',').Replace('|', '/');
        return line.Length > 0 && line[0] is '*' or '!' or '('
            ? (line[0] switch { '*' => '＊', '!' => '！', _ => '（' }) + line[1..]
            : line;
    }
}

using System.Globalization;
using System.Text;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;

namespace EduFunds.IO;

/// <summary>
/// Writes the ledger and the budgets as an hledger journal (checked with hledger 1.25), so users
/// of plain-text accounting can check the figures with their own tools:
/// <list type="bullet">
/// <item>one periodic transaction per fiscal year (<c>~ yearly from 2024-01-01 to 2025-01-01</c>,
/// or <c>~ every 1st april from ...</c> for a fiscal year starting in April) holding each program's
/// planned spending on <c>expenses:programs:ID</c> and each stream's expected money on
/// <c>income:streams:ID</c>, balanced by <c>assets:bank</c>; <c>hledger bal --budget</c> compares
/// against them;</item>
/// <item>one transaction per ledger entry, in date order: a receipt moves money from
/// <c>income:streams:ID</c> to <c>assets:bank</c>, an expense from <c>assets:bank</c> to
/// <c>expenses:programs:ID</c>.</item>
/// </list>
/// Amounts carry the currency code as commodity and the currency's decimals, with '.' as the
/// decimal mark and no digit grouping. Characters an account name cannot hold (spaces, ':', ';',
/// brackets) become '_'. Public as <see cref="LedgerFile.WriteHledgerJournal"/>.
/// </summary>
internal static partial class HledgerJournal
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Writes the journal.</summary>
    /// <param name="writer">Where to write (lines end with '\n').</param>
    /// <param name="projection">The projection: planned program funding and expected stream money per year.</param>
    /// <param name="ledger">The ledger entries.</param>
    /// <param name="explicitBudgets">Explicit budgets replacing the projection's funding where listed, or null.</param>
    /// <exception cref="ArgumentException">A budget is negative, in another currency than the projection's, or not whole minor units.</exception>
    public static void Write(TextWriter writer, ProjectionResult projection, IEnumerable<LedgerEntry> ledger, IReadOnlyDictionary<(int Year, string ProgramId), Money>? explicitBudgets = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(ledger);
        var budgets = BudgetOptions.MinorUnitsOf(explicitBudgets, projection.Currency, nameof(explicitBudgets));
        var workbook = projection.Workbook;
        var currency = projection.Currency;
        var startMonth = workbook.FiscalYearStartMonth;
        var sb = new StringBuilder();
        Line(sb, $"; EduFunds journal of {OneLine(workbook.Name)}");
        Line(sb, $"; currency {currency.Code}, fiscal year starting in {MonthNames[startMonth - 1]}; budgets from the projection"
            + (projection.ScenarioName is null ? string.Empty : $" (scenario {OneLine(projection.ScenarioName)})")
            + (budgets is null ? string.Empty : ", replaced by the budget table where it lists a program and year"));
        Line(sb, "decimal-mark .");
        Line(sb, $"commodity {CommodityStyle(currency)}");
        Line(sb, "account assets:bank");
        Line(sb, string.Empty);

        var width = 4 + Math.Max(
            projection.Programs.Select(p => ProgramAccount(p.Program.Id).Length).DefaultIfEmpty(0).Max(),
            projection.Streams.Select(s => StreamAccount(s.Id).Length).DefaultIfEmpty(0).Max());
        width = Math.Max(width, 20);

        foreach (var year in projection.Years)
        {
            var postings = new List<(string Account, long Amount)>();
            for (var p = 0; p < projection.Programs.Count; p++)
            {
                var id = projection.Programs[p].Program.Id;
                var planned = budgets is not null && budgets.TryGetValue((year.Year, id), out var budget) ? budget : year.Programs[p].FundedMinorUnits;
                if (planned != 0)
                {
                    postings.Add((ProgramAccount(id), planned));
                }
            }

            for (var s = 0; s < projection.Streams.Count; s++)
            {
                if (year.Streams[s].AmountMinorUnits != 0)
                {
                    postings.Add((StreamAccount(projection.Streams[s].Id), -year.Streams[s].AmountMinorUnits));
                }
            }

            if (postings.Count == 0)
            {
                continue;
            }

            var from = LedgerCalendar.FirstDay(year.Year, startMonth);
            var to = LedgerCalendar.FirstDay(year.Year + 1, startMonth);
            var period = startMonth == 1 ? "yearly" : $"every 1st {MonthNames[startMonth - 1]}";
            Line(sb, $"~ {period} from {ModelText.FormatDate(from)} to {ModelText.FormatDate(to)}  ; budget of fiscal year {year.Year.ToString(CultureInfo.InvariantCulture)}");
            foreach (var (account, amount) in postings)
            {
                Posting(sb, account, amount, currency, width);
            }

            Line(sb, "    assets:bank");
            Line(sb, string.Empty);
        }

        writer.Write(sb.ToString());
        sb.Clear();

        // Transactions in date order (stable: same-day entries in ledger order), written through a
        // spool that keeps at most a few megabytes of text in memory and spills the rest to a
        // temporary file, so a ledger of millions of entries is never held as objects or text.
        using var spool = new DateOrderedSpool(
            LedgerCalendar.FirstDay(workbook.Years.From, startMonth),
            LedgerCalendar.FirstDay(workbook.Years.To + 1, startMonth));
        var formatter = new EntryFormatter(currency, width);
        foreach (var entry in ledger)
        {
            spool.Add(entry.Date.DayNumber, formatter.Format(entry));
        }

        spool.WriteTo(writer);
    }

    /// <summary>The account of overhead: expenses charged to no program.</summary>
    public const string OverheadAccount = "expenses:overhead";

    /// <summary>The account of a program's spending.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns><c>expenses:programs:ID</c>, characters an account cannot hold escaped (<see cref="AccountPart"/>).</returns>
    public static string ProgramAccount(string programId) => "expenses:programs:" + AccountPart(programId);

    /// <summary>The account of a stream's money.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <returns><c>income:streams:ID</c>, characters an account cannot hold escaped (<see cref="AccountPart"/>).</returns>
    public static string StreamAccount(string streamId) => "income:streams:" + AccountPart(streamId);

    private static string CommodityStyle(Currency currency) =>
        currency.MinorUnits == 0 ? $"1000. {currency.Code}" : $"1000.{new string('0', currency.MinorUnits)} {currency.Code}";

    private static void Posting(StringBuilder sb, string account, long amount, Currency currency, int width)
    {
        var text = AmountText.Format(amount, currency) + " " + currency.Code;
        sb.Append("    ").Append(account.PadRight(width)).Append("  ").Append(text.PadLeft(18)).Append('\n');
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');

    /// <summary>
    /// An id as an account name part, injectively: letters, digits and <c>- . / &amp; +</c> stay;
    /// every other character, the escape character <c>_</c> itself included, becomes <c>_</c> and
    /// its code as two hex digits (or <c>_u</c> and six for a code above FF): <c>P A</c> is
    /// <c>P_20A</c>, <c>P_A</c> is <c>P_5FA</c>, <c>S:1</c> is <c>S_3A1</c>. The escape can be
    /// read back, so two ids never share an account.
    /// </summary>
    internal static string AccountPart(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var rune in id.EnumerateRunes())
        {
            if ((Rune.IsLetterOrDigit(rune) && !Rune.IsWhiteSpace(rune)) || rune.Value is '-' or '.' or '/' or '&' or '+')
            {
                sb.Append(rune.ToString());
            }
            else
            {
                // Decodable, so injective: '_' then two hex digits, or '_u' then six.
                sb.Append(rune.Value <= 0xFF
                    ? "_" + rune.Value.ToString("X2", CultureInfo.InvariantCulture)
                    : "_u" + rune.Value.ToString("X6", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    // Most text is one clean line already: then it is used as it is, without splitting.
    private static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n', '\t') < 0 && (text.Length == 0 || (!char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])))
            ? text
            : string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // ';' would start a comment, '|' separates payee from note; a leading '*' or '!' would be read
    // as a status and '(' as a code, so they become their full-width look-alikes.
    private static string Description(string text)
    {
        var line = OneLine(text).Replace(';', ',').Replace('|', '/');
        return line.Length > 0 && line[0] is '*' or '!' or '('
            ? (line[0] switch { '*' => '＊', '!' => '！', _ => '（' }) + line[1..]
            : line;
    }

    private static string Code(string reference) => OneLine(reference).Replace(')', ']').Replace('(', '[');

    private static string TagValue(string value) => OneLine(value).Replace(',', '_');
}

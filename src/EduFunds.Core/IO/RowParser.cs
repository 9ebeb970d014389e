using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <summary>
/// Turns the cells of a stream, program or ledger row into a model object with every default
/// resolved. A cell that cannot be read is reported and replaced by a neutral value, so that
/// the later rules do not report the same mistake twice.
/// </summary>
internal sealed class RowParser(IssueList issues, Currency currency)
{
    public FundingStream Stream(IRowCells row, int defaultStartYear)
    {
        var id = Id(row);
        var name = row.Get("name") is { Length: > 0 } n ? n : id;
        var kind = Enum(row, "kind", StreamKind.Other);
        var recurrence = Enum(row, "recurrence", Recurrence.Recurring);
        var amount = Amount(row, "amount");
        var start = Year(row, "start_year") ?? defaultStartYear;
        var end = Year(row, "end_year");
        if (recurrence == Recurrence.OneOff)
        {
            end ??= start;
        }

        var change = Decimal(row, "annual_change", 0m, "a decimal fraction such as -0.08 (8% less a year)");
        var restrictedText = row.Get("restricted_to") ?? string.Empty;
        var restricted = restrictedText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (restricted.Length == 0 && restrictedText.Trim().Length > 0)
        {
            // ";" or " ; ; " is neither blank (unrestricted) nor a list: the ids were lost, so nothing is guessed.
            issues.Error(row.PosOf("restricted_to"), $"restricted_to {ModelText.Quote(restrictedText)} holds only separators, no program id; leave it blank for unrestricted money, or list program ids separated by ';'");
        }
        var renewal = Decimal(row, "renewal_probability", 1m, "a probability from 0 to 1 such as 0.9");
        var cv = Decimal(row, "amount_cv", 0m, "a coefficient of variation such as 0.2");
        return FundingStream.Unchecked(id, name, kind, recurrence, currency, amount, start, end, change, new EquatableArray<string>(restricted), renewal, cv);
    }

    public EducationProgram Program(IRowCells row, int defaultStartYear)
    {
        var id = Id(row);
        var name = row.Get("name") is { Length: > 0 } n ? n : id;
        var category = Enum(row, "category", ProgramCategory.Basic);
        var community = row.Get("community") is { Length: > 0 } c ? c : null;
        var cost = Amount(row, "cost", fallback: 1);
        var costChange = Decimal(row, "cost_change", 0m, "a decimal fraction such as 0.03 (3% more a year)");
        var minRatio = Decimal(row, "min_funding_ratio", EducationProgram.DefaultMinFundingRatio, "a ratio such as 0.6 (more than 0, at most 1)");
        var priority = Whole(row, "priority", "a whole number of 1 or more (1 = highest)") ?? 1;
        var start = Year(row, "start_year") ?? defaultStartYear;
        var end = Year(row, "end_year");
        var participants = Whole(row, "participants", "a whole number of participants per year");
        return EducationProgram.Unchecked(id, name, category, community, currency, cost, costChange, minRatio, priority, start, end, participants);
    }

    public LedgerEntry LedgerEntry(IRowCells row, DateOnly fallbackDate)
    {
        var date = fallbackDate;
        var dateText = row.Get("date") ?? string.Empty;
        if (dateText.Length == 0)
        {
            issues.Error(row.PosOf("date"), $"date is required; expected an ISO date yyyy-MM-dd such as 2024-03-01");
        }
        else if (!WorkbookText.TryParseDate(dateText, out date))
        {
            date = fallbackDate;
            issues.Error(row.PosOf("date"), $"date {ModelText.Quote(dateText)} is not a valid date; expected an ISO date yyyy-MM-dd such as 2024-03-01");
        }

        var type = Enum(row, "type", LedgerEntryType.Receipt, out var typeKnown);
        var stream = row.Get("stream") is { Length: > 0 } s ? s : null;
        var program = row.Get("program") is { Length: > 0 } p ? p : null;
        var amount = Amount(row, "amount", fallback: 1);
        var reference = row.Get("reference") is { Length: > 0 } r ? r : null;
        var memo = row.Get("memo") is { Length: > 0 } m ? m : null;

        // With an unreadable type, do not also complain that stream or program do not fit it.
        if (!typeKnown)
        {
            type = program is not null ? LedgerEntryType.Expense : LedgerEntryType.Receipt;
        }

        return Model.LedgerEntry.Unchecked(date, type, stream, program, currency, amount, reference, memo);
    }

    /// <summary>The row's id; when the file has no id column (reported once, for the header), a stand-in naming the line.</summary>
    private static string Id(IRowCells row) => row.Get("id") ?? $"line-{row.RowPos.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private TEnum Enum<TEnum>(IRowCells row, string column, TEnum fallback)
        where TEnum : struct, System.Enum => Enum(row, column, fallback, out _);

    private TEnum Enum<TEnum>(IRowCells row, string column, TEnum fallback, out bool known)
        where TEnum : struct, System.Enum
    {
        var text = row.Get(column);
        known = false;
        if (text is null)
        {
            return fallback; // the missing column is reported once, for the header
        }

        if (text.Length == 0)
        {
            issues.Error(row.PosOf(column), $"{column} is required; expected one of {WorkbookNames.Describe<TEnum>()}");
            return fallback;
        }

        if (WorkbookNames.TryParse<TEnum>(text, out var value))
        {
            known = true;
            return value;
        }

        issues.Error(
            row.PosOf(column),
            $"unknown {column} {ModelText.Quote(text)}{Suggestions.DidYouMean(text, WorkbookNames.Names<TEnum>())}; expected one of {WorkbookNames.Describe<TEnum>()}");
        return fallback;
    }

    private long Amount(IRowCells row, string column, long fallback = 0)
    {
        var text = row.Get(column);
        if (text is null)
        {
            return fallback;
        }

        if (text.Length == 0)
        {
            issues.Error(row.PosOf(column), $"{column} is required; expected an amount in {currency.Code} such as {Example()}");
            return fallback;
        }

        if (!AmountText.TryParse(text, currency, AmountSyntax.Plain, out var minor, out var problem))
        {
            issues.ErrorText(row.PosOf(column), $"{column} {problem}");
            return fallback;
        }

        return minor;
    }

    private string Example() => AmountText.Example(currency);

    private decimal Decimal(IRowCells row, string column, decimal fallback, string expected)
    {
        var text = row.Get(column);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (AmountText.TryParseDecimal(text, out var value))
        {
            return value;
        }

        var hint = text.EndsWith('%') ? " (write a percentage as a fraction: 8% is 0.08)" : string.Empty;
        issues.Error(row.PosOf(column), $"{column} {ModelText.Quote(text)} is not a number{hint}; expected {expected}");
        return fallback;
    }

    private int? Year(IRowCells row, string column)
    {
        var text = row.Get(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (WorkbookText.TryParseInt(text, out var year))
        {
            return year;
        }

        issues.Error(row.PosOf(column), $"{column} {ModelText.Quote(text)} is not a year; expected a whole fiscal year such as 2024");
        return null;
    }

    private int? Whole(IRowCells row, string column, string expected)
    {
        var text = row.Get(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (WorkbookText.TryParseInt(text, out var value))
        {
            return value;
        }

        var what = AmountText.TryParseDecimal(text, out _) ? "is not a whole number" : "is not a number";
        issues.Error(row.PosOf(column), $"{column} {ModelText.Quote(text)} {what}; expected {expected}");
        return null;
    }
}

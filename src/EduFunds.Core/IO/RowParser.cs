using EduFunds.Localization;
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

        var change = Decimal(row, "annual_change", 0m, new CoreMessage("ExpectedDecreaseFraction"));
        var restrictedText = row.Get("restricted_to") ?? string.Empty;
        var restricted = restrictedText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (restricted.Length == 0 && restrictedText.Trim().Length > 0)
        {
            // ";" or " ; ; " is neither blank (unrestricted) nor a list: the ids were lost, so nothing is guessed.
            issues.Error(row.PosOf("restricted_to"), "RestrictedToOnlySeparators", ModelText.Quote(restrictedText));
        }

        var renewal = Decimal(row, "renewal_probability", 1m, new CoreMessage("ExpectedProbability"));
        var cv = Decimal(row, "amount_cv", 0m, new CoreMessage("ExpectedCoefficientOfVariation"));
        return FundingStream.Unchecked(id, name, kind, recurrence, currency, amount, start, end, change, new EquatableArray<string>(restricted), renewal, cv);
    }

    public EducationProgram Program(IRowCells row, int defaultStartYear)
    {
        var id = Id(row);
        var name = row.Get("name") is { Length: > 0 } n ? n : id;
        var category = Enum(row, "category", ProgramCategory.Basic);
        var community = row.Get("community") is { Length: > 0 } c ? c : null;
        var cost = Amount(row, "cost", fallback: 1);
        var costChange = Decimal(row, "cost_change", 0m, new CoreMessage("ExpectedIncreaseFraction"));
        var minRatio = Decimal(row, "min_funding_ratio", EducationProgram.DefaultMinFundingRatio, new CoreMessage("ExpectedRatio"));
        var priority = Whole(row, "priority", new CoreMessage("ExpectedPriority")) ?? 1;
        var start = Year(row, "start_year") ?? defaultStartYear;
        var end = Year(row, "end_year");
        var participants = Whole(row, "participants", new CoreMessage("ExpectedParticipants"));
        return EducationProgram.Unchecked(id, name, category, community, currency, cost, costChange, minRatio, priority, start, end, participants);
    }

    public LedgerEntry LedgerEntry(IRowCells row, DateOnly fallbackDate)
    {
        var date = fallbackDate;
        var dateText = row.Get("date") ?? string.Empty;
        if (dateText.Length == 0)
        {
            issues.Error(row.PosOf("date"), "DateRequired");
        }
        else if (!WorkbookText.TryParseDate(dateText, out date))
        {
            date = fallbackDate;
            issues.Error(row.PosOf("date"), "DateInvalid", ModelText.Quote(dateText));
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
            issues.Error(row.PosOf(column), "CellRequiredOneOf", column, WorkbookNames.Describe<TEnum>());
            return fallback;
        }

        if (WorkbookNames.TryParse<TEnum>(text, out var value))
        {
            known = true;
            return value;
        }

        issues.Error(
            row.PosOf(column),
            "CellUnknownValue", column, ModelText.Quote(text), Suggestions.DidYouMean(text, WorkbookNames.Names<TEnum>()), WorkbookNames.Describe<TEnum>());
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
            issues.Error(row.PosOf(column), "AmountRequired", column, currency.Code, Example());
            return fallback;
        }

        if (!AmountText.TryParse(text, currency, AmountSyntax.Plain, out var minor, out var problem))
        {
            issues.Error(row.PosOf(column), "CellProblem", column, problem);
            return fallback;
        }

        return minor;
    }

    private string Example() => AmountText.Example(currency);

    private decimal Decimal(IRowCells row, string column, decimal fallback, CoreMessage expected)
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

        var hint = text.EndsWith('%') ? new CoreMessage("HintPercentAsFraction") : CoreMessage.Empty;
        issues.Error(row.PosOf(column), "CellNotANumber", column, ModelText.Quote(text), hint, expected);
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

        issues.Error(row.PosOf(column), "CellNotAYear", column, ModelText.Quote(text));
        return null;
    }

    private int? Whole(IRowCells row, string column, CoreMessage expected)
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

        var what = AmountText.TryParseDecimal(text, out _) ? new CoreMessage("IsNotAWholeNumber") : new CoreMessage("IsNotANumber");
        issues.Error(row.PosOf(column), "CellNotAWholeNumber", column, ModelText.Quote(text), what, expected);
        return null;
    }
}

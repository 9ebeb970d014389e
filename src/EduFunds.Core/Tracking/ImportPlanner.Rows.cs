using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.Tracking;

/// <content>Turning one export row into a ledger entry, or the reason it is skipped.</content>
internal sealed partial class ImportPlanner
{
    private ParsedRow ReadRow(IImportRow row)
    {
        var line = row.Line;
        var before = errors.ErrorCount;
        var map = columns!;
        string Cell(ImportField field) => map.TryGetValue(field, out var c) ? Clean(row.Get(c)) : string.Empty;
        int Col(ImportField field) => map.TryGetValue(field, out var c) ? c + 1 : 0;

        // A summary row (合计, 总计, Total, ...) has no date of its own.
        var dateText = Cell(ImportField.Date);
        var dated = TryParseDate(dateText, out var date);
        if (!dated && SummaryWord(row) is { } word)
        {
            return new ParsedRow(RowOutcome.Summary, null, new CoreMessage("ImportSummaryRow", word));
        }

        if (!dated)
        {
            errors.Error(new Pos(fileName, line, Col(ImportField.Date)),
                "ImportDateInvalid", dateText, string.Join(" or ", formats));
        }
        else
        {
            // Valid, as in ledger.csv (DESIGN.md: the years are a window): one warning, as validate gives.
            var year = ModelText.FiscalYearOf(date, workbook.FiscalYearStartMonth);
            if (!workbook.Years.Contains(year))
            {
                errors.Warning(new Pos(fileName, line, Col(ImportField.Date)), WorkbookRules.OutsideYears(date, year, workbook.Years, workbook.FiscalYearStartMonth));
            }
        }

        // Amount: one column (its sign may give the type), or money in and money out.
        LedgerEntryType? type = null;
        long amount = 0;
        if (inOut)
        {
            var moneyIn = ReadAmount(row, ImportField.AmountIn);
            var moneyOut = ReadAmount(row, ImportField.AmountOut);
            if (moneyIn is { } i && moneyOut is { } o)
            {
                if (i != 0 && o != 0)
                {
                    errors.Error(new Pos(fileName, line, Col(ImportField.AmountOut)),
                        "ImportInAndOut", Cell(ImportField.AmountIn), Cell(ImportField.AmountOut));
                }
                else if (i != 0)
                {
                    (type, amount) = (LedgerEntryType.Receipt, Math.Abs(i));
                }
                else if (o != 0)
                {
                    (type, amount) = (LedgerEntryType.Expense, Math.Abs(o));
                }
            }
        }
        else if (ReadAmount(row, ImportField.Amount) is { } single)
        {
            amount = single;
            if (signGivesType)
            {
                if (amount != 0)
                {
                    type = amount < 0 ? LedgerEntryType.Expense : LedgerEntryType.Receipt;
                    amount = Math.Abs(amount);
                }
            }
            else if (amount < 0)
            {
                errors.Error(new Pos(fileName, line, Col(ImportField.Amount)),
                    "ImportAmountNegative", Cell(ImportField.Amount));
            }
        }

        // Type: the column (through --type-values), else the first type rule that matches.
        if (!signGivesType && !inOut)
        {
            var typeText = Cell(ImportField.Type);
            if (typeText.Length > 0 && TryParseType(typeText, out var parsed))
            {
                type = parsed;
            }
            else if (FirstMatch(MatchTarget.Type, row) is { } ruleType)
            {
                type = ruleType == "receipt" ? LedgerEntryType.Receipt : LedgerEntryType.Expense;
            }
            else
            {
                errors.Error(new Pos(fileName, line, Col(ImportField.Type)),
                    typeText.Length == 0
                        ? new CoreMessage("ImportTypeEmpty")
                        : options.TypeValues.Count == 0
                            ? new CoreMessage("ImportTypeUnknown", typeText)
                            : new CoreMessage("ImportTypeNotInTable", typeText, string.Join(", ", options.TypeValues.Keys)));
            }
        }

        var reference = Cell(ImportField.Reference);
        var memo = Cell(ImportField.Memo);
        if (errors.ErrorCount > before)
        {
            return ParsedRow.Bad;
        }

        if (amount == 0 || type is null)
        {
            return ParsedRow.Zero;
        }

        // Stream and program: a cell holding a known id, else the first rule that matches.
        var streamId = Resolve(Cell(ImportField.Stream), streams, MatchTarget.Stream, row);
        var programId = Resolve(Cell(ImportField.Program), programs, MatchTarget.Program, row);
        var text = memo.Length > 0 ? memo : RowText(row);
        var partial = LedgerEntry.Unchecked(date, type.Value, null, null, workbook.Currency, amount, reference.Length == 0 ? null : reference, text.Length == 0 ? null : text);
        if (type == LedgerEntryType.Receipt)
        {
            if (streamId is null)
            {
                return ParsedRow.NotMatched(Describe(new CoreMessage("ImportReceiptStream"), ImportField.Stream, row), partial);
            }

            programId = null;
        }
        else if (programId is null)
        {
            return ParsedRow.NotMatched(Describe(new CoreMessage("ImportExpenseProgram"), ImportField.Program, row), partial);
        }
        else if (programId.Length == 0)
        {
            programId = null; // a rule's "overhead": an expense charged to no program
        }

        return new ParsedRow(RowOutcome.Entry, LedgerEntry.Unchecked(
            date,
            type!.Value,
            streamId,
            programId,
            workbook.Currency,
            amount,
            reference.Length == 0 ? null : reference,
            memo.Length == 0 ? null : memo), null);
    }
}

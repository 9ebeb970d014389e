using System.Globalization;
using System.Text.RegularExpressions;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <content>Reading one row's cells: rules, summary rows, amounts, dates and types.</content>
internal sealed partial class ImportPlanner
{
    private CoreMessage Describe(CoreMessage what, ImportField field, IImportRow row)
    {
        var cell = columns!.TryGetValue(field, out var c) ? row.Get(c) : string.Empty;
        return cell.Length > 0
            ? new CoreMessage("ImportIdNotFound", what, cell)
            : new CoreMessage("ImportNotFound", what);
    }

    private string? Resolve(string cell, HashSet<string> known, MatchTarget target, IImportRow row) =>
        cell.Length > 0 && known.Contains(cell) ? cell : FirstMatch(target, row);

    private string? FirstMatch(MatchTarget target, IImportRow row)
    {
        var rules = options.Rules;
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r];
            if (rule.Target != target)
            {
                continue;
            }

            if (ruleColumns[r] >= 0)
            {
                if (Matches(rule, row, ruleColumns[r]))
                {
                    return rule.Value;
                }
            }
            else
            {
                for (var i = 0; i < row.FieldCount; i++)
                {
                    if (Matches(rule, row, i))
                    {
                        return rule.Value;
                    }
                }
            }
        }

        return null;
    }

    // A regular expression that backtracks catastrophically hits MatchRule.RegexTimeout: the
    // import stops with the cell and the rule named (exit 2), never with an unexpected error.
    private bool Matches(MatchRule rule, IImportRow row, int column)
    {
        try
        {
            return rule.IsMatch(row.Get(column));
        }
        catch (RegexMatchTimeoutException)
        {
            var where = rule.Line > 0 ? new CoreMessage("ImportRuleOnLine", rule.Line) : new CoreMessage("ImportAMatchingRule");
            errors.Error(
                new Pos(fileName, row.Line, column + 1),
                "ImportRuleTooSlow", where, MatchRule.RegexTimeout.TotalSeconds, rule.Pattern);
            errors.ThrowIfErrors();
            throw;
        }
    }

    /// <summary>The words that start a summary row of a statement.</summary>
    private static readonly string[] SummaryWords = ["合计", "总计", "小计", "本页合计", "累计", "本日合计", "本月合计", "total", "totals", "subtotal", "sub-total", "grand total", "sum"];

    private static string? SummaryWord(IImportRow row)
    {
        for (var i = 0; i < row.FieldCount; i++)
        {
            var cell = row.Get(i).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal);
            foreach (var word in SummaryWords)
            {
                var w = word.Replace(" ", string.Empty, StringComparison.Ordinal);
                if (cell.StartsWith(w, StringComparison.OrdinalIgnoreCase)
                    && (cell.Length == w.Length || !char.IsAsciiLetter(cell[w.Length])))
                {
                    return row.Get(i);
                }
            }
        }

        return null;
    }

    /// <summary>The row's non-empty cells joined, for an unmatched row without a memo column.</summary>
    private static string RowText(IImportRow row) =>
        string.Join(" | ", Enumerable.Range(0, row.FieldCount).Select(row.Get).Where(c => c.Length > 0));

    private long? ReadAmount(IImportRow row, ImportField field)
    {
        if (!columns!.TryGetValue(field, out var column))
        {
            return 0;
        }

        var text = Clean(row.Get(column));
        if (text.Length == 0 && field is ImportField.AmountIn or ImportField.AmountOut)
        {
            return 0;
        }

        if (AmountText.TryParse(text, workbook.Currency, AmountSyntax.Statement, out var amount, out var problem))
        {
            return amount;
        }

        errors.Error(new Pos(fileName, row.Line, column + 1), "CellProblem", ColumnMap.Name(field), problem);
        return null;
    }

    private bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        try
        {
            if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var moment))
            {
                date = DateOnly.FromDateTime(moment);
                return true;
            }
        }
        catch (FormatException)
        {
            // An invalid --date-format pattern reads no date.
        }

        return false;
    }

    private bool TryParseType(string text, out LedgerEntryType type)
    {
        foreach (var (value, meaning) in options.TypeValues)
        {
            if (string.Equals(value.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = meaning;
                return true;
            }
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "receipt" or "income" or "revenue" or "in":
                type = LedgerEntryType.Receipt;
                return true;
            case "expense" or "expenditure" or "payment" or "out":
                type = LedgerEntryType.Expense;
                return true;
            default:
                type = default;
                return false;
        }
    }

    /// <summary>Line breaks and tabs inside a cell become spaces, so every entry stays on one ledger line.</summary>
    private static string Clean(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n', '\t') < 0)
        {
            return text;
        }

        return string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private enum RowOutcome
    {
        Entry,
        Bad,
        Zero,
        Unmatched,
        Summary,
    }
}

using System.Text.RegularExpressions;
using System.Globalization;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>One row of an export as the import planner sees it: its line and its cells.</summary>
internal interface IImportRow
{
    /// <summary>The 1-based line where the row starts.</summary>
    int Line { get; }

    /// <summary>How many cells the row has.</summary>
    int FieldCount { get; }

    /// <summary>Whether the row broke the quoting rules (already reported by the reader).</summary>
    bool IsMalformed { get; }

    /// <summary>The cell <paramref name="index"/> (0-based) trimmed, or an empty string when the row has fewer cells.</summary>
    string Get(int index);
}

/// <summary>
/// Works out what an import adds, row by row, without knowing where the rows come from: columns
/// by the <see cref="ColumnMap"/>, text to ids by <see cref="MatchRules"/>, rows already in the
/// ledger (or earlier in the export) skipped. The rows stream through; only the rows to add and
/// the de-duplication keys are kept. Problems go to an <see cref="IssueList"/>.
/// </summary>
internal sealed class ImportPlanner
{
    /// <summary>After this many errors the rest of the export is not read.</summary>
    public const int MaxErrors = 100;

    /// <summary>How many rows are searched for the header.</summary>
    public const int HeaderSearchRows = 50;

    private readonly string fileName;
    private readonly ImportOptions options;
    private readonly Workbook workbook;
    private readonly IssueList errors;
    private readonly string[] formats;
    private readonly HashSet<string> streams;
    private readonly HashSet<string> programs;
    private readonly HashSet<string> references = new(StringComparer.Ordinal);
    private readonly Dictionary<ContentKey, int> contentCounts = [];
    private readonly Dictionary<string, (int Line, LedgerEntry Entry)> importReferences = new(StringComparer.Ordinal);
    private readonly Dictionary<ContentKey, int> importCounts = [];
    private readonly List<ImportedRow> added = [];
    private readonly List<SkippedRow> duplicates = [];
    private readonly List<SkippedRow> unmatched = [];
    private readonly List<SkippedRow> zero = [];
    private readonly List<SkippedRow> summaries = [];
    private readonly bool inOut;
    private readonly bool signGivesType;
    private Dictionary<ImportField, int>? columns;
    private int[] ruleColumns = [];
    private int rows;
    private int headerLine;
    private int candidates;
    private (int Line, List<string> Cells)? firstRow;

    /// <summary>Starts a plan; checks that the options can tell receipts from expenses.</summary>
    /// <param name="fileName">The export's name, for messages.</param>
    /// <param name="options">The map and rules.</param>
    /// <param name="workbook">The workbook (streams, programs, years, currency).</param>
    /// <param name="existing">The entries already in the ledger, for de-duplication.</param>
    /// <param name="errors">Where problems go.</param>
    public ImportPlanner(string fileName, ImportOptions options, Workbook workbook, IEnumerable<LedgerEntry> existing, IssueList errors)
    {
        this.fileName = fileName;
        this.options = options;
        this.workbook = workbook;
        this.errors = errors;
        if (options.DateFormats.Count == 0)
        {
            throw new ArgumentException("At least one date format is needed.", nameof(options));
        }

        formats = [.. options.DateFormats];
        if (options.Sign == AmountSign.NegativeIsExpense && options.Map.Has(ImportField.Type))
        {
            errors.ErrorText(new Pos(fileName, 0, 0), "the map names a type column and the sign of the amount is to give the type; use one of the two");
        }

        // Without a type column, type rules or money-in/out columns, the sign tells: a negative amount is an expense.
        var typeByRules = options.Rules.Rules.Any(r => r.Target == MatchTarget.Type);
        inOut = options.Map.Has(ImportField.AmountIn) || options.Map.Has(ImportField.AmountOut);
        signGivesType = options.Sign == AmountSign.NegativeIsExpense
            || (!options.Map.Has(ImportField.Type) && !typeByRules && !inOut);

        streams = new HashSet<string>(workbook.Streams.Select(s => s.Id), StringComparer.Ordinal);
        programs = new HashSet<string>(workbook.Programs.Select(p => p.Id), StringComparer.Ordinal);

        // Existing ledger: references, and content keys counted (a multiset), for de-duplication.
        foreach (var entry in existing)
        {
            if (!string.IsNullOrEmpty(entry.Reference))
            {
                references.Add(entry.Reference);
            }
            else
            {
                var key = ContentKey.Of(entry);
                contentCounts[key] = contentCounts.GetValueOrDefault(key) + 1;
            }
        }
    }

    /// <summary>Whether reading should stop: the options are unusable, the map does not fit, or too many rows are bad.</summary>
    public bool Stopped => errors.ErrorCount >= MaxErrors || (columns is null && errors.HasErrors);

    /// <summary>Takes the next row of the export: the header (or, without one, the first row sets the columns), then data.</summary>
    public void Add(IImportRow row)
    {
        if (Stopped)
        {
            return;
        }

        if (columns is null)
        {
            List<string>? header = null;
            if (options.HasHeader)
            {
                // The header: the given line, else the first row that holds every column the map
                // names (statements put the account and the period above it).
                header = [.. Enumerable.Range(0, row.FieldCount).Select(row.Get)];
                firstRow ??= (row.Line, header);
                if (options.HeaderRow is { } forced ? row.Line < forced : !options.Map.FitsHeader(header) && ++candidates < HeaderSearchRows)
                {
                    return;
                }

                if (options.HeaderRow is null && !options.Map.FitsHeader(header))
                {
                    header = firstRow.Value.Cells; // none fits: explain against the first row
                }
            }

            var resolved = options.Map.Resolve(header, row.FieldCount, fileName, errors, options.HasHeader ? row.Line : 1);
            ruleColumns = ResolveRuleColumns(resolved, header, row.FieldCount, options.HasHeader ? row.Line : 1);
            if (errors.HasErrors)
            {
                return;
            }

            columns = resolved;
            if (options.HasHeader)
            {
                headerLine = row.Line;
                return;
            }
        }

        rows++;
        if (row.IsMalformed)
        {
            return;
        }

        var line = row.Line;
        var parsed = ReadRow(row);
        switch (parsed.Outcome)
        {
            case RowOutcome.Bad:
                return;
            case RowOutcome.Zero:
                zero.Add(new SkippedRow(line, "the amount is zero", null));
                return;
            case RowOutcome.Unmatched:
                unmatched.Add(new SkippedRow(line, parsed.Reason!, parsed.Entry));
                return;
            case RowOutcome.Summary:
                summaries.Add(new SkippedRow(line, parsed.Reason!, null));
                return;
        }

        var entry = parsed.Entry!;
        if (entry.Reference is { } reference)
        {
            if (references.Contains(reference))
            {
                duplicates.Add(new SkippedRow(line, $"reference '{reference}' is already in the ledger", entry));
                return;
            }

            if (importReferences.TryGetValue(reference, out var earlier))
            {
                if (earlier.Entry == entry)
                {
                    duplicates.Add(new SkippedRow(line, $"the same row is already on line {earlier.Line}", entry));
                }
                else
                {
                    errors.ErrorText(new Pos(fileName, line, columns![ImportField.Reference] + 1),
                        $"reference '{reference}' is already used on line {earlier.Line} for a different movement; expected each row to have its own reference (map a line number column as the reference)");
                }

                return;
            }

            importReferences[reference] = (line, entry);
        }
        else
        {
            var key = ContentKey.Of(entry);
            var occurrence = importCounts.GetValueOrDefault(key) + 1;
            importCounts[key] = occurrence;
            if (occurrence <= contentCounts.GetValueOrDefault(key))
            {
                duplicates.Add(new SkippedRow(line, "an identical entry without reference is already in the ledger", entry));
                return;
            }
        }

        added.Add(new ImportedRow(line, entry));
    }

    /// <summary>The plan, once every row was added.</summary>
    /// <exception cref="InputValidationException">A row was bad or the map does not fit; every problem is listed.</exception>
    public ImportResult Finish()
    {
        if (columns is null && !errors.HasErrors)
        {
            if (firstRow is { } first)
            {
                // Rows were read but none could be the header: explain against the first row.
                var mapped = options.Map.Resolve(first.Cells, first.Cells.Count, fileName, errors, first.Line);
                _ = ResolveRuleColumns(mapped, first.Cells, first.Cells.Count, first.Line);
            }

            if (!errors.HasErrors)
            {
                errors.ErrorText(new Pos(fileName, 1, 0), "the export is empty; expected a header row and data rows");
            }
        }

        errors.ThrowIfErrors();
        return new ImportResult(fileName, rows, added, duplicates, unmatched, zero) { Summaries = summaries, HeaderLine = headerLine };
    }

    /// <summary>The column of each rule (-1 = any column).</summary>
    private int[] ResolveRuleColumns(Dictionary<ImportField, int> mapped, List<string>? header, int fieldCount, int line)
    {
        var rules = options.Rules;
        var result = new int[rules.Rules.Count];
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r];
            if (rule.Field == "*")
            {
                result[r] = -1;
                continue;
            }

            if (ColumnMap.TryParseField(rule.Field, out var field) && options.Map.Has(field))
            {
                if (mapped.TryGetValue(field, out var column))
                {
                    result[r] = column;
                }

                continue;
            }

            var index = ColumnMap.ResolveColumn(rule.Field, header, fieldCount);
            if (index < 0)
            {
                errors.ErrorText(new Pos(fileName, line, 0),
                    $"the rule on line {rule.Line} looks at '{rule.Field}', which is neither a mapped field nor a column of the export");
            }

            result[r] = index;
        }

        return result;
    }

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
            return new ParsedRow(RowOutcome.Summary, null, $"a summary row ('{word}')");
        }

        if (!dated)
        {
            errors.ErrorText(new Pos(fileName, line, Col(ImportField.Date)),
                $"date '{dateText}' is not a date in the format {string.Join(" or ", formats)}; give the export's date format with --date-format (for example dd/MM/yyyy)");
        }
        else
        {
            var year = ModelText.FiscalYearOf(date, workbook.FiscalYearStartMonth);
            if (!workbook.Years.Contains(year))
            {
                errors.ErrorText(new Pos(fileName, line, Col(ImportField.Date)),
                    $"date {ModelText.FormatDate(date)} is in fiscal year {year}, outside the workbook's years {workbook.Years.From}-{workbook.Years.To}");
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
                    errors.ErrorText(new Pos(fileName, line, Col(ImportField.AmountOut)),
                        $"the row has money in ({Cell(ImportField.AmountIn)}) and money out ({Cell(ImportField.AmountOut)}); expected one of the two");
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
                errors.ErrorText(new Pos(fileName, line, Col(ImportField.Amount)),
                    $"amount {Cell(ImportField.Amount)} is negative; expected a positive amount (the type column gives the direction)");
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
                errors.ErrorText(new Pos(fileName, line, Col(ImportField.Type)),
                    typeText.Length == 0
                        ? "type is empty and no type rule matches; expected receipt or expense"
                        : options.TypeValues.Count == 0
                            ? $"type '{typeText}' is not receipt or expense (also read: income, revenue, in; expenditure, payment, out) and no type rule matches; say what the export's values mean with --type-values (for example \"借=expense,贷=receipt\": banks and ledgers use 借/贷 in opposite senses, so EduFunds does not guess)"
                            : $"type '{typeText}' is not in the --type-values table ({string.Join(", ", options.TypeValues.Keys)}) nor receipt or expense, and no type rule matches");
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
                return ParsedRow.NotMatched(Describe("a receipt whose stream", ImportField.Stream, row), partial);
            }

            programId = null;
        }
        else if (programId is null)
        {
            return ParsedRow.NotMatched(Describe("an expense whose program", ImportField.Program, row), partial);
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

    private string Describe(string what, ImportField field, IImportRow row)
    {
        var cell = columns!.TryGetValue(field, out var c) ? row.Get(c) : string.Empty;
        return cell.Length > 0
            ? $"{what} '{cell}' is not an id of the workbook and no rule matches"
            : $"{what} could not be found: no rule matches";
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
            var where = rule.Line > 0 ? $"the rule on line {rule.Line} of the rules file" : "a matching rule";
            errors.ErrorText(
                new Pos(fileName, row.Line, column + 1),
                $"{where} took longer than {MatchRule.RegexTimeout.TotalSeconds:0} s on this cell: its regular expression '{rule.Pattern}' backtracks too much; expected a simpler pattern (for example without nested repetition such as (a+)+)");
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

        errors.ErrorText(new Pos(fileName, row.Line, column + 1), $"{ColumnMap.Name(field)} {problem}");
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

    private sealed record ParsedRow(RowOutcome Outcome, LedgerEntry? Entry, string? Reason)
    {
        public static ParsedRow Bad { get; } = new(RowOutcome.Bad, null, null);

        public static ParsedRow Zero { get; } = new(RowOutcome.Zero, null, null);

        public static ParsedRow NotMatched(string reason, LedgerEntry partial) => new(RowOutcome.Unmatched, partial, reason);
    }

    /// <summary>What makes two entries without a reference the same movement.</summary>
    private readonly record struct ContentKey(DateOnly Date, LedgerEntryType Type, string? StreamId, string? ProgramId, long Amount, string? Memo)
    {
        public static ContentKey Of(LedgerEntry e) => new(e.Date, e.Type, e.StreamId, e.ProgramId, e.AmountMinorUnits, e.Memo);
    }
}

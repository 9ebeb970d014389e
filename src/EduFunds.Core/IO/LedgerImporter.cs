using System.Globalization;
using EduFunds.Model;
using EduFunds.Monetary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.IO;

/// <summary>How the sign of an amount in an export is read.</summary>
public enum AmountSign
{
    /// <summary>Amounts are positive; the type column says receipt or expense. A negative amount is an error.</summary>
    Positive,

    /// <summary>A negative amount is an expense and a positive one a receipt; no type column is used.</summary>
    NegativeIsExpense,
}

/// <summary>Options of an import from an accounting system's CSV export.</summary>
public sealed record ImportOptions
{
    /// <summary>The default date formats: 2024-03-01 (also 2024-3-1), 2024/3/1 and 01.03.2024.</summary>
    public static IReadOnlyList<string> DefaultDateFormats { get; } = ["yyyy-M-d", "yyyy/M/d", "d.M.yyyy"];

    /// <summary>Which column holds each field.</summary>
    public required ColumnMap Map { get; init; }

    /// <summary>Rules that turn text into stream ids, program ids or types (default: none).</summary>
    public MatchRules Rules { get; init; } = MatchRules.None;

    /// <summary>.NET date formats tried in order, with the invariant culture; default <see cref="DefaultDateFormats"/>.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = DefaultDateFormats;

    /// <summary>How the amount's sign is read (default: positive amounts and a type column).</summary>
    public AmountSign Sign { get; init; } = AmountSign.Positive;

    /// <summary>Whether the export's first row is a header (default true). Without one, the map must use column numbers.</summary>
    public bool HasHeader { get; init; } = true;
}

/// <summary>A row of the export that becomes a ledger entry.</summary>
/// <param name="Line">Its line in the export.</param>
/// <param name="Entry">The entry.</param>
public sealed record ImportedRow(int Line, LedgerEntry Entry);

/// <summary>A row of the export that is not added, and why.</summary>
/// <param name="Line">Its line in the export.</param>
/// <param name="Reason">Why it is skipped.</param>
/// <param name="Entry">The entry it would have been, when it could be built (duplicates), or null.</param>
public sealed record SkippedRow(int Line, string Reason, LedgerEntry? Entry);

/// <summary>What an import adds and skips. Nothing is written until the caller appends <see cref="EntriesToAdd"/>.</summary>
/// <param name="FileName">The export's name.</param>
/// <param name="RowsRead">Data rows read (header not counted).</param>
/// <param name="Added">Rows that become new entries, in file order.</param>
/// <param name="Duplicates">Rows already in the ledger (or earlier in the same export).</param>
/// <param name="Unmatched">Rows whose stream or program could not be found (not added; fix the rules and import again).</param>
/// <param name="ZeroAmounts">Rows with a zero amount (not added).</param>
public sealed record ImportResult(
    string FileName,
    int RowsRead,
    IReadOnlyList<ImportedRow> Added,
    IReadOnlyList<SkippedRow> Duplicates,
    IReadOnlyList<SkippedRow> Unmatched,
    IReadOnlyList<SkippedRow> ZeroAmounts)
{
    /// <summary>The entries to append to the ledger, in file order.</summary>
    public IReadOnlyList<LedgerEntry> EntriesToAdd => Added.Select(a => a.Entry).ToArray();
}

/// <summary>
/// Turns an accounting system's CSV export into new ledger entries: columns by a
/// <see cref="ColumnMap"/>, text to ids by <see cref="MatchRules"/>, rows already in the ledger
/// skipped. Any bad row makes the whole import fail with every problem named by line and column.
/// </summary>
public sealed class LedgerImporter
{
    private readonly ILogger<LedgerImporter> logger;

    /// <summary>Creates an importer.</summary>
    /// <param name="logger">Optional logger.</param>
    public LedgerImporter(ILogger<LedgerImporter>? logger = null)
    {
        this.logger = logger ?? NullLogger<LedgerImporter>.Instance;
    }

    /// <summary>
    /// Reads an export and works out what to add to the workbook's ledger. A row is a duplicate
    /// when its reference is already in the ledger (or on an earlier row of the export); a row
    /// without a reference is a duplicate when the ledger already holds as many entries with the
    /// same date, type, stream, program, amount and memo as the export has up to and including it.
    /// So importing the same export twice adds nothing the second time.
    /// </summary>
    /// <param name="export">The export's text.</param>
    /// <param name="fileName">Its name, for messages.</param>
    /// <param name="options">The map and rules.</param>
    /// <param name="workbook">The workbook whose ledger is imported into (its streams, programs, years, currency and ledger).</param>
    /// <param name="cancellationToken">Cancels a long import.</param>
    /// <returns>What to add and what is skipped.</returns>
    /// <exception cref="LedgerInputException">Any row is bad (or the map does not fit the export); nothing is to be added.</exception>
    public ImportResult Plan(TextReader export, string fileName, ImportOptions options, Workbook workbook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workbook);
        if (options.DateFormats.Count == 0)
        {
            throw new ArgumentException("At least one date format is needed.", nameof(options));
        }

        var errors = new List<LedgerInputError>();
        if (options.Sign == AmountSign.NegativeIsExpense && options.Map.Has(ImportField.Type))
        {
            throw new LedgerInputException([new LedgerInputError(fileName, 0, 0, "the map names a type column and the sign of the amount is to give the type; use one of the two")]);
        }

        var typeByRules = options.Rules.Rules.Any(r => r.Target == MatchTarget.Type);
        if (options.Sign == AmountSign.Positive && !options.Map.Has(ImportField.Type) && !typeByRules)
        {
            throw new LedgerInputException([new LedgerInputError(fileName, 0, 0, "nothing says whether a row is a receipt or an expense; map a type column ('type=...'), add type rules, or read negative amounts as expenses")]);
        }

        var streams = new HashSet<string>(workbook.Streams.Select(s => s.Id), StringComparer.Ordinal);
        var programs = new HashSet<string>(workbook.Programs.Select(p => p.Id), StringComparer.Ordinal);
        var csv = new CsvRecordReader(export);
        var formats = options.DateFormats.ToArray();

        List<string>? header = null;
        Dictionary<ImportField, int>? columns = null;
        int[]? ruleColumns = null;

        // Existing ledger: references, and content keys counted (a multiset), for de-duplication.
        var references = new HashSet<string>(StringComparer.Ordinal);
        var contentCounts = new Dictionary<ContentKey, int>();
        foreach (var entry in workbook.Ledger)
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

        var importReferences = new Dictionary<string, (int Line, LedgerEntry Entry)>(StringComparer.Ordinal);
        var importCounts = new Dictionary<ContentKey, int>();
        var added = new List<ImportedRow>();
        var duplicates = new List<SkippedRow>();
        var unmatched = new List<SkippedRow>();
        var zero = new List<SkippedRow>();
        var rows = 0;
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (columns is null)
            {
                if (options.HasHeader)
                {
                    header = [];
                    for (var i = 0; i < csv.FieldCount; i++)
                    {
                        header.Add(csv.GetString(i));
                    }
                }

                columns = options.Map.Resolve(header, csv.FieldCount, fileName, errors);
                ruleColumns = ResolveRuleColumns(options.Rules, options.Map, columns, header, csv.FieldCount, fileName, errors);
                if (errors.Count > 0)
                {
                    throw new LedgerInputException(errors);
                }

                if (options.HasHeader)
                {
                    continue;
                }
            }

            rows++;
            var line = csv.LineNumber;
            if (csv.MalformedField > 0)
            {
                errors.Add(new LedgerInputError(fileName, line, csv.MalformedField, "a quoted field is not closed properly; expected \"...\" with quotes inside doubled"));
                continue;
            }

            var row = ReadRow(csv, line, fileName, options, formats, columns, ruleColumns!, streams, programs, workbook, errors);
            switch (row.Outcome)
            {
                case RowOutcome.Bad:
                    continue;
                case RowOutcome.Zero:
                    zero.Add(new SkippedRow(line, "the amount is zero", null));
                    continue;
                case RowOutcome.Unmatched:
                    unmatched.Add(new SkippedRow(line, row.Reason!, null));
                    continue;
            }

            var entry = row.Entry!;
            if (entry.Reference is { } reference)
            {
                if (references.Contains(reference))
                {
                    duplicates.Add(new SkippedRow(line, $"reference '{reference}' is already in the ledger", entry));
                    continue;
                }

                if (importReferences.TryGetValue(reference, out var earlier))
                {
                    if (earlier.Entry == entry)
                    {
                        duplicates.Add(new SkippedRow(line, $"the same row is already on line {earlier.Line}", entry));
                    }
                    else
                    {
                        errors.Add(new LedgerInputError(fileName, line, columns[ImportField.Reference] + 1,
                            $"reference '{reference}' is already used on line {earlier.Line} for a different movement; expected each row to have its own reference (map a line number column as the reference)"));
                    }

                    continue;
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
                    continue;
                }
            }

            added.Add(new ImportedRow(line, entry));
        }

        if (columns is null)
        {
            errors.Add(new LedgerInputError(fileName, 1, 0, "the export is empty; expected a header row and data rows"));
        }

        if (errors.Count > 0)
        {
            throw new LedgerInputException(errors);
        }

        IOLog.Imported(logger, fileName, rows, added.Count, duplicates.Count, unmatched.Count, zero.Count);
        return new ImportResult(fileName, rows, added, duplicates, unmatched, zero);
    }

    /// <summary>The column of each rule (-1 = any column).</summary>
    private static int[] ResolveRuleColumns(MatchRules rules, ColumnMap map, Dictionary<ImportField, int> columns, List<string>? header, int fieldCount, string fileName, List<LedgerInputError> errors)
    {
        var result = new int[rules.Rules.Count];
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r];
            if (rule.Field == "*")
            {
                result[r] = -1;
                continue;
            }

            if (ColumnMap.TryParseField(rule.Field, out var field) && map.Has(field))
            {
                if (columns.TryGetValue(field, out var mapped))
                {
                    result[r] = mapped;
                }

                continue;
            }

            var index = ColumnMap.ResolveColumn(rule.Field, header, fieldCount);
            if (index < 0)
            {
                errors.Add(new LedgerInputError(fileName, 1, 0,
                    $"the rule on line {rule.Line} looks at '{rule.Field}', which is neither a mapped field nor a column of the export"));
            }

            result[r] = index;
        }

        return result;
    }

    private static ParsedRow ReadRow(
        CsvRecordReader csv,
        int line,
        string fileName,
        ImportOptions options,
        string[] formats,
        Dictionary<ImportField, int> columns,
        int[] ruleColumns,
        HashSet<string> streams,
        HashSet<string> programs,
        Workbook workbook,
        List<LedgerInputError> errors)
    {
        var before = errors.Count;
        string Cell(ImportField field) => columns.TryGetValue(field, out var c) ? Clean(csv.GetString(c)) : string.Empty;
        int Col(ImportField field) => columns.TryGetValue(field, out var c) ? c + 1 : 0;

        // Date
        var dateText = Cell(ImportField.Date);
        DateOnly date = default;
        if (!DateOnly.TryParseExact(dateText, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors.Add(new LedgerInputError(fileName, line, Col(ImportField.Date),
                $"date '{dateText}' is not a date in the format {string.Join(" or ", formats)}"));
        }
        else
        {
            var year = ModelText.FiscalYearOf(date, workbook.FiscalYearStartMonth);
            if (!workbook.Years.Contains(year))
            {
                errors.Add(new LedgerInputError(fileName, line, Col(ImportField.Date),
                    $"date {ModelText.FormatDate(date)} is in fiscal year {year}, outside the workbook's years {workbook.Years.From}-{workbook.Years.To}"));
            }
        }

        // Amount
        var amountText = Cell(ImportField.Amount);
        LedgerEntryType? type = null;
        if (!AmountText.TryParseAmount(amountText, workbook.Currency, out var amount, out var problem))
        {
            errors.Add(new LedgerInputError(fileName, line, Col(ImportField.Amount), $"amount {problem}"));
        }
        else if (amount < 0 && options.Sign == AmountSign.Positive)
        {
            errors.Add(new LedgerInputError(fileName, line, Col(ImportField.Amount),
                $"amount {amountText} is negative; expected a positive amount (or read negative amounts as expenses)"));
        }
        else if (options.Sign == AmountSign.NegativeIsExpense && amount != 0)
        {
            type = amount < 0 ? LedgerEntryType.Expense : LedgerEntryType.Receipt;
            amount = Math.Abs(amount);
        }

        // Type: the column, else the first type rule that matches.
        if (options.Sign == AmountSign.Positive)
        {
            var typeText = Cell(ImportField.Type);
            if (typeText.Length > 0 && TryParseType(typeText, out var parsed))
            {
                type = parsed;
            }
            else if (FirstMatch(MatchTarget.Type, csv, options.Rules, ruleColumns) is { } ruleType)
            {
                type = ruleType == "receipt" ? LedgerEntryType.Receipt : LedgerEntryType.Expense;
            }
            else
            {
                errors.Add(new LedgerInputError(fileName, line, Col(ImportField.Type),
                    typeText.Length == 0
                        ? "type is empty and no type rule matches; expected receipt or expense"
                        : $"type '{typeText}' is not receipt or expense (also read: income, revenue, in; expenditure, payment, out) and no type rule matches"));
            }
        }

        var reference = Cell(ImportField.Reference);
        var memo = Cell(ImportField.Memo);
        if (errors.Count > before)
        {
            return ParsedRow.Bad;
        }

        if (amount == 0)
        {
            return ParsedRow.Zero;
        }

        // Stream and program: a cell holding a known id, else the first rule that matches.
        var streamId = Resolve(Cell(ImportField.Stream), streams, MatchTarget.Stream, csv, options.Rules, ruleColumns);
        var programId = Resolve(Cell(ImportField.Program), programs, MatchTarget.Program, csv, options.Rules, ruleColumns);
        if (type == LedgerEntryType.Receipt)
        {
            if (streamId is null)
            {
                return ParsedRow.NotMatched(Describe("a receipt whose stream", ImportField.Stream, columns, csv));
            }

            programId = null;
        }
        else if (programId is null)
        {
            return ParsedRow.NotMatched(Describe("an expense whose program", ImportField.Program, columns, csv));
        }

        return new ParsedRow(RowOutcome.Entry, new LedgerEntry(
            date,
            type!.Value,
            streamId,
            programId,
            amount,
            reference.Length == 0 ? null : reference,
            memo.Length == 0 ? null : memo), null);
    }

    private static string Describe(string what, ImportField field, Dictionary<ImportField, int> columns, CsvRecordReader csv)
    {
        var cell = columns.TryGetValue(field, out var c) ? csv.GetString(c) : string.Empty;
        return cell.Length > 0
            ? $"{what} '{cell}' is not an id of the workbook and no rule matches"
            : $"{what} could not be found: no rule matches";
    }

    private static string? Resolve(string cell, HashSet<string> known, MatchTarget target, CsvRecordReader csv, MatchRules rules, int[] ruleColumns) =>
        cell.Length > 0 && known.Contains(cell) ? cell : FirstMatch(target, csv, rules, ruleColumns);

    private static string? FirstMatch(MatchTarget target, CsvRecordReader csv, MatchRules rules, int[] ruleColumns)
    {
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r];
            if (rule.Target != target)
            {
                continue;
            }

            if (ruleColumns[r] >= 0)
            {
                if (rule.IsMatch(csv.GetString(ruleColumns[r])))
                {
                    return rule.Value;
                }
            }
            else
            {
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    if (rule.IsMatch(csv.GetString(i)))
                    {
                        return rule.Value;
                    }
                }
            }
        }

        return null;
    }

    private static bool TryParseType(string text, out LedgerEntryType type)
    {
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
    }

    private sealed record ParsedRow(RowOutcome Outcome, LedgerEntry? Entry, string? Reason)
    {
        public static ParsedRow Bad { get; } = new(RowOutcome.Bad, null, null);

        public static ParsedRow Zero { get; } = new(RowOutcome.Zero, null, null);

        public static ParsedRow NotMatched(string reason) => new(RowOutcome.Unmatched, null, reason);
    }

    /// <summary>What makes two entries without a reference the same movement.</summary>
    private readonly record struct ContentKey(DateOnly Date, LedgerEntryType Type, string? StreamId, string? ProgramId, long Amount, string? Memo)
    {
        public static ContentKey Of(LedgerEntry e) => new(e.Date, e.Type, e.StreamId, e.ProgramId, e.Amount, e.Memo);
    }
}

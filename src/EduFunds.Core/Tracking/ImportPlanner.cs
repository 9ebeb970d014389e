using EduFunds.Localization;
using EduFunds.Model;

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
internal sealed partial class ImportPlanner
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
    private readonly List<ImportRow> added = [];
    private readonly List<ImportRow> duplicates = [];
    private readonly List<ImportRow> unmatched = [];
    private readonly List<ImportRow> zero = [];
    private readonly List<ImportRow> summaries = [];
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
        if (options.NegativeIsExpense && options.Columns.Has(ImportField.Type))
        {
            errors.Error(new Pos(fileName, 0, 0), "ImportTypeColumnAndSign");
        }

        // Without a type column, type rules or money-in/out columns, the sign tells: a negative amount is an expense.
        var typeByRules = options.Rules.Rules.Any(r => r.Target == MatchTarget.Type);
        inOut = options.Columns.Has(ImportField.AmountIn) || options.Columns.Has(ImportField.AmountOut);
        signGivesType = options.NegativeIsExpense
            || (!options.Columns.Has(ImportField.Type) && !typeByRules && !inOut);

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
                if (options.HeaderRow is { } forced ? row.Line < forced : !options.Columns.FitsHeader(header) && ++candidates < HeaderSearchRows)
                {
                    return;
                }

                if (options.HeaderRow is null && !options.Columns.FitsHeader(header))
                {
                    header = firstRow.Value.Cells; // none fits: explain against the first row
                }
            }

            var resolved = options.Columns.Resolve(header, row.FieldCount, fileName, errors, options.HasHeader ? row.Line : 1);
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
                zero.Add(ImportRow.Skipped(line, new CoreMessage("ImportAmountZero"), null));
                return;
            case RowOutcome.Unmatched:
                unmatched.Add(ImportRow.Skipped(line, parsed.Reason!, parsed.Entry));
                return;
            case RowOutcome.Summary:
                summaries.Add(ImportRow.Skipped(line, parsed.Reason!, null));
                return;
        }

        var entry = parsed.Entry!;
        if (entry.Reference is { } reference)
        {
            if (references.Contains(reference))
            {
                duplicates.Add(ImportRow.Skipped(line, new CoreMessage("ImportReferenceInLedger", reference), entry));
                return;
            }

            if (importReferences.TryGetValue(reference, out var earlier))
            {
                if (earlier.Entry == entry)
                {
                    duplicates.Add(ImportRow.Skipped(line, new CoreMessage("ImportSameRowEarlier", earlier.Line), entry));
                }
                else
                {
                    errors.Error(new Pos(fileName, line, columns![ImportField.Reference] + 1),
                        "ImportReferenceReused", reference, earlier.Line);
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
                duplicates.Add(ImportRow.Skipped(line, new CoreMessage("ImportIdenticalEntryInLedger"), entry));
                return;
            }
        }

        added.Add(new ImportRow(line, entry));
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
                var mapped = options.Columns.Resolve(first.Cells, first.Cells.Count, fileName, errors, first.Line);
                _ = ResolveRuleColumns(mapped, first.Cells, first.Cells.Count, first.Line);
            }

            if (!errors.HasErrors)
            {
                errors.Error(new Pos(fileName, 1, 0), "ImportExportEmpty");
            }
        }

        errors.ThrowIfErrors();
        return new ImportResult(fileName, rows, added, duplicates, unmatched, zero) { Summaries = summaries, HeaderLine = headerLine, Warnings = errors.Warnings() };
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

            if (ColumnMap.TryParseField(rule.Field, out var field) && options.Columns.Has(field))
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
                errors.Error(new Pos(fileName, line, 0),
                    "ImportRuleFieldUnknown", rule.Line, rule.Field);
            }

            result[r] = index;
        }

        return result;
    }

    private sealed record ParsedRow(RowOutcome Outcome, LedgerEntry? Entry, CoreMessage? Reason)
    {
        public static ParsedRow Bad { get; } = new(RowOutcome.Bad, null, null);

        public static ParsedRow Zero { get; } = new(RowOutcome.Zero, null, null);

        public static ParsedRow NotMatched(CoreMessage reason, LedgerEntry partial) => new(RowOutcome.Unmatched, partial, reason);
    }

    /// <summary>What makes two entries without a reference the same movement.</summary>
    private readonly record struct ContentKey(DateOnly Date, LedgerEntryType Type, string? StreamId, string? ProgramId, long Amount, string? Memo)
    {
        public static ContentKey Of(LedgerEntry e) => new(e.Date, e.Type, e.StreamId, e.ProgramId, e.AmountMinorUnits, e.Memo);
    }
}

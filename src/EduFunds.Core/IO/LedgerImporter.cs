using EduFunds.Model;
using EduFunds.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.IO;

/// <summary>
/// Reads an accounting system's CSV export and plans its import into a workbook's ledger: the
/// rows are read here (encoding, quoting, lines) and planned by the tracking layer (columns by a
/// <see cref="ColumnMap"/>, text to ids by <see cref="MatchRules"/>, rows already in the ledger
/// skipped). Any bad row makes the whole import fail with every problem named by line and column.
/// Public as <see cref="LedgerFile.PlanImport"/>.
/// </summary>
internal sealed class LedgerImporter
{
    private readonly ILogger logger;

    /// <summary>Creates an importer.</summary>
    /// <param name="logger">Optional logger.</param>
    public LedgerImporter(ILogger? logger = null)
    {
        this.logger = logger ?? NullLogger.Instance;
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
    /// <exception cref="InputValidationException">Any row is bad (or the map does not fit the export); nothing is to be added.</exception>
    public ImportResult Plan(TextReader export, string fileName, ImportOptions options, Workbook workbook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        return Plan(TextInput.ToStream(export), fileName, options, workbook, cancellationToken);
    }

    /// <summary>
    /// Reads an export from its bytes, in the encoding of <see cref="ImportOptions.Encoding"/>
    /// (a byte order mark wins; UTF-8 by default), and works out what to add (see
    /// <see cref="Plan(TextReader, string, ImportOptions, Workbook, CancellationToken)"/>).
    /// </summary>
    /// <param name="export">The export's bytes; disposed.</param>
    /// <param name="fileName">Its name, for messages.</param>
    /// <param name="options">The map and rules.</param>
    /// <param name="workbook">The workbook whose ledger is imported into.</param>
    /// <param name="cancellationToken">Cancels a long import.</param>
    /// <returns>What to add and what is skipped.</returns>
    /// <exception cref="InputValidationException">Any row is bad (or the map does not fit the export); nothing is to be added.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public ImportResult Plan(Stream export, string fileName, ImportOptions options, Workbook workbook, CancellationToken cancellationToken = default) =>
        Plan(export, fileName, options, workbook, workbook.Ledger, cancellationToken);

    /// <summary>
    /// As <see cref="Plan(Stream, string, ImportOptions, Workbook, CancellationToken)"/>, with the
    /// ledger's entries given apart from the workbook, for example streamed from the file by
    /// <see cref="WorkbookReader.ReadLedger"/>: they are read once, and only their references and
    /// content keys are kept for de-duplication, never the entries.
    /// </summary>
    /// <param name="export">The export's bytes; disposed.</param>
    /// <param name="fileName">Its name, for messages.</param>
    /// <param name="options">The map and rules.</param>
    /// <param name="workbook">The workbook imported into (its streams, programs, years, currency).</param>
    /// <param name="existingLedger">The entries already in its ledger.</param>
    /// <param name="cancellationToken">Cancels a long import.</param>
    /// <returns>What to add and what is skipped.</returns>
    /// <exception cref="InputValidationException">Any row is bad (or the map does not fit the export); nothing is to be added.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public ImportResult Plan(Stream export, string fileName, ImportOptions options, Workbook workbook, IEnumerable<LedgerEntry> existingLedger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(existingLedger);
        var errors = new IssueList();
        var planner = new ImportPlanner(fileName, options, workbook, existingLedger, errors);
        using (var csv = CsvInput.Open(export, fileName, TextInput.Encoding(options.Encoding), EncodingSource.CommandLine, errors))
        {
            var row = new Row(csv);
            while (!planner.Stopped && csv.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                planner.Add(row);
            }
        }

        var result = planner.Finish();
        IOLog.Imported(logger, fileName, result.RowsRead, result.Added.Count, result.Duplicates.Count, result.Unmatched.Count, result.ZeroAmounts.Count);
        return result;
    }

    /// <summary>The current record of the reader, as the planner reads rows.</summary>
    private sealed class Row(CsvInput csv) : IImportRow
    {
        public int Line => csv.Line;

        public int FieldCount => csv.FieldCount;

        public bool IsMalformed => csv.IsMalformed;

        public string Get(int index) => csv.Get(index);
    }
}

using EduFunds.Model;
using EduFunds.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.IO;

/// <summary>
/// Reads a workbook folder (<c>edufunds.json</c>, <c>streams.csv</c>, <c>programs.csv</c> and an
/// optional <c>ledger.csv</c>) into a <see cref="Workbook"/>, checking every rule of the format at
/// once. Either the workbook is valid and every default is resolved (blank start year = first
/// year, blank change = 0, ...), or <see cref="InputValidationException"/> lists every problem
/// with its file, line and column: the reader never hands back a half-valid workbook.
/// </summary>
/// <remarks>
/// Files are UTF-8, with or without a byte order mark (Excel writes one), or UTF-16 with one; the
/// CSV files may be in a legacy encoding named by <c>"encoding"</c> in <c>edufunds.json</c> or by
/// <see cref="Encoding"/> (gb18030, gbk, big5, latin1, ...). Bytes that are not valid text are an
/// error with their line and column, never replaced. CSV cells may be quoted
/// and hold commas and line breaks. Numbers are read exactly from their decimal spelling,
/// culture-invariant. An instance may be reused, but not from several threads at once
/// (<see cref="LastWarnings"/> belongs to the last read).
/// <para>
/// A ledger of millions of entries need not be held in memory: with <see cref="KeepLedger"/>
/// false the reader checks each entry by the same rules as it reads it (every problem is still
/// reported, by file, line and column), hands it to <see cref="LedgerSink"/> and drops it, and
/// <see cref="ReadWithLedgerTotals"/> sums it into <see cref="LedgerTotals"/>. The workbook then
/// comes back with an empty <see cref="Workbook.Ledger"/>, and <see cref="LastLedgerEntryCount"/>
/// says how many entries there were.
/// </para>
/// </remarks>
public sealed class WorkbookReader
{
    private readonly ILogger<WorkbookReader> logger;

    /// <summary>Creates a reader.</summary>
    /// <param name="logger">Receives a debug line per workbook read; optional.</param>
    public WorkbookReader(ILogger<WorkbookReader>? logger = null)
    {
        this.logger = logger ?? NullLogger<WorkbookReader>.Instance;
    }

    /// <summary>
    /// The warnings of the last read (for example an unknown column), in file, line and column
    /// order; empty before the first read. A failed read also lists them, with the errors, in
    /// its <see cref="InputValidationException"/>.
    /// </summary>
    public IReadOnlyList<ValidationIssue> LastWarnings { get; private set; } = [];

    /// <summary>
    /// The encoding of the workbook's CSV files when they have no byte order mark (utf-8,
    /// gb18030, gbk, big5, latin1, ...), overriding <c>"encoding"</c> in <c>edufunds.json</c>;
    /// null (the default) uses the file's setting, else UTF-8.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a known encoding (on set).</exception>
    public string? Encoding
    {
        get;
        init => field = value is null || TextEncodings.Find(value) is not null
            ? value
            : throw new ArgumentException($"'{value}' is not a known encoding; expected one of {TextEncodings.Examples}.", nameof(value));
    }

    /// <summary>True (the default) to keep every ledger entry in <see cref="Workbook.Ledger"/>; false to stream the ledger (checked entry by entry, handed to <see cref="LedgerSink"/>, then dropped).</summary>
    public bool KeepLedger { get; init; } = true;

    /// <summary>
    /// When the ledger is streamed (<see cref="KeepLedger"/> false): called once per read with the
    /// workbook (its ledger empty), when that has no problem so far, to make the function that
    /// receives each valid entry in file order (for example one that copies it elsewhere).
    /// Entries stop going to it at the first problem anywhere; the read then fails as usual.
    /// </summary>
    public Func<Workbook, Action<LedgerEntry>>? LedgerSink { get; init; }

    /// <summary>The encoding the CSV files of the last read were read in, when one was named (by the settings or <see cref="Encoding"/>); null for UTF-8.</summary>
    public string? LastEncoding { get; private set; }


    /// <summary>What the ledger of the last read held (also when it was streamed); empty before the first read.</summary>
    internal LedgerSummary LastLedgerSummary { get; private set; } = new(0, 0);

    /// <summary>The entries (rows) the ledger of the last read held, also when it was streamed (<see cref="KeepLedger"/> false); 0 before the first read.</summary>
    public long LastLedgerEntryCount => LastLedgerSummary.Entries;

    /// <summary>Of <see cref="LastLedgerEntryCount"/>, the receipts; the rest are expenses.</summary>
    public long LastLedgerReceiptCount => LastLedgerSummary.Receipts;

    /// <summary>
    /// Whether a name is an encoding EduFunds reads (case-insensitive): UTF-8 (with or without a
    /// byte order mark), UTF-16 with a byte order mark, and named legacy encodings such as gb18030,
    /// gbk, big5 and latin1. Every reader of EduFunds (workbook files, ledger, exports, rules,
    /// budgets) takes these names.
    /// </summary>
    /// <param name="name">A name such as <c>gb18030</c>.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnownEncoding(string name) => FileEncodings.IsKnown(name);

    /// <summary>Common encoding names, for messages: "utf-8, utf-16, gb18030, gbk, big5, latin1".</summary>
    public static string EncodingExamples => FileEncodings.Examples;

    /// <summary>
    /// The entries of a workbook's ledger, one at a time in file order, without keeping them: for
    /// a second pass over a ledger that a read with <see cref="KeepLedger"/>
    /// false has already checked. Each entry is checked again; a problem ends the enumeration
    /// with <see cref="InputValidationException"/> (the file changed in between).
    /// </summary>
    /// <param name="source">Where the files are.</param>
    /// <param name="workbook">The workbook read from <paramref name="source"/>.</param>
    /// <param name="encoding">The ledger's encoding when it has no byte order mark, as the first read found it (<see cref="LastEncoding"/>); null: UTF-8.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="InputValidationException">An entry is invalid.</exception>
    public static IEnumerable<LedgerEntry> ReadLedger(IWorkbookFileSource source, Workbook workbook, string? encoding = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(workbook);
        return Stream(source, workbook, TextEncodings.Find(encoding), cancellationToken);

        static IEnumerable<LedgerEntry> Stream(IWorkbookFileSource source, Workbook workbook, System.Text.Encoding? textEncoding, CancellationToken cancellationToken)
        {
            if (!source.Exists(WorkbookFiles.Ledger))
            {
                yield break;
            }

            var issues = new IssueList();
            var rules = WorkbookRules.Validate(workbook with { Ledger = EquatableArray<LedgerEntry>.Empty }, new NoLocator(), new IssueList());
            var fallback = new DateOnly(workbook.Years.From, workbook.FiscalYearStartMonth, 1);
            foreach (var (entry, positions) in LedgerReader.Read(source, workbook.Currency, fallback, issues, textEncoding, cancellationToken))
            {
                rules.Check(entry, positions.PosOf, issues);
                if (issues.HasErrors)
                {
                    throw new InputValidationException(issues.Sorted(), source.Location);
                }

                yield return entry;
            }

            if (issues.HasErrors)
            {
                throw new InputValidationException(issues.Sorted(), source.Location);
            }
        }
    }
    /// <summary>Reads the workbook in <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder that holds <c>edufunds.json</c>.</param>
    /// <param name="cancellationToken">Cancels reading a large ledger.</param>
    /// <returns>The valid workbook.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InputValidationException">The workbook is invalid; every problem is listed.</exception>
    public Workbook ReadFolder(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The workbook folder '{folder}' does not exist.");
        }

        return Read(IWorkbookFileSource.FromFolder(folder), cancellationToken);
    }

    /// <summary>Reads a workbook from a folder, embedded resources or memory, keeping or streaming its ledger as <see cref="KeepLedger"/> says.</summary>
    /// <param name="source">Where the files are.</param>
    /// <param name="cancellationToken">Cancels reading a large ledger.</param>
    /// <returns>The valid workbook (with an empty ledger when it was streamed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InputValidationException">The workbook is invalid; every problem is listed.</exception>
    public Workbook Read(IWorkbookFileSource source, CancellationToken cancellationToken = default) =>
        Read(source, KeepLedger ? WorkbookReadOptions.Default : new WorkbookReadOptions { KeepLedger = false, LedgerSink = LedgerSink }, cancellationToken);

    /// <summary>
    /// Reads a workbook and sums its ledger while reading it, without keeping the entries: the
    /// receipts and expenses a budget-versus-actual report needs (<see cref="BudgetVersusActual"/>,
    /// <see cref="ReceiptsVersusExpected"/>) from a ledger of any length, in one pass. Every entry
    /// is checked as <see cref="Read(IWorkbookFileSource, CancellationToken)"/> checks it;
    /// <see cref="KeepLedger"/> and <see cref="LedgerSink"/> do not apply.
    /// </summary>
    /// <param name="source">Where the files are.</param>
    /// <param name="through">When given, only entries dated on or before it are summed (a report as of that date); every entry is still checked.</param>
    /// <param name="ledgerTotals">The ledger summed over the workbook's streams, programs and years.</param>
    /// <param name="cancellationToken">Cancels reading a large ledger.</param>
    /// <returns>The valid workbook, with an empty <see cref="Workbook.Ledger"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="InputValidationException">The workbook is invalid; every problem is listed.</exception>
    public Workbook ReadWithLedgerTotals(IWorkbookFileSource source, DateOnly? through, out LedgerTotals ledgerTotals, CancellationToken cancellationToken = default)
    {
        LedgerTotalsBuilder? builder = null;
        var options = new WorkbookReadOptions
        {
            KeepLedger = false,
            LedgerSink = workbook =>
            {
                var sum = builder = Totals(workbook);
                return through is not { } last ? sum.Add : entry =>
                {
                    if (entry.Date <= last)
                    {
                        sum.Add(entry);
                    }
                };
            },
        };
        var workbook = Read(source, options, cancellationToken);
        ledgerTotals = (builder ?? Totals(workbook)).ToTotals();
        return workbook;

        static LedgerTotalsBuilder Totals(Workbook w) =>
            new(w.Streams.Select(s => s.Id), w.Programs.Select(p => p.Id), w.Years, w.FiscalYearStartMonth);
    }

    /// <summary>Reads a workbook, keeping or streaming its ledger as <paramref name="options"/> say.</summary>
    private Workbook Read(IWorkbookFileSource source, WorkbookReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var session = new WorkbookReadSession(source, Encoding, cancellationToken, options);
        var (workbook, issues) = session.Run();
        LastEncoding = session.EncodingName;
        LastLedgerSummary = options.KeepLedger
            ? new LedgerSummary(workbook.Ledger.Count, workbook.Ledger.Count(e => e.Type == LedgerEntryType.Receipt))
            : session.LedgerSummary;
        LastWarnings = issues.Warnings();
        if (issues.HasErrors)
        {
            var all = issues.Sorted();
            IOLog.WorkbookInvalid(logger, source.Location, all.Count);
            throw new InputValidationException(all, source.Location);
        }

        IOLog.WorkbookRead(
            logger, workbook.Name, source.Location, workbook.Streams.Count, workbook.Programs.Count, workbook.Scenarios.Count, workbook.Ledger.Count, LastWarnings.Count);
        return workbook;
    }

    /// <summary>Places for the second pass's rules: the workbook itself was checked by the first read.</summary>
    private sealed class NoLocator : IWorkbookLocator
    {
        private static readonly Pos Nowhere = new(WorkbookFiles.Settings, 0, 0);

        public Pos Setting(string key) => Nowhere;

        public Pos Stream(int index, string column) => Nowhere;

        public Pos Program(int index, string column) => Nowhere;

        public Pos Scenario(int index, string key) => Nowhere;

        public Pos Change(int scenario, int change, string key) => Nowhere;

        public Pos AddedRow(int scenario, int change, string column) => Nowhere;

        public Pos Ledger(int index, string column) => Nowhere;
    }
}

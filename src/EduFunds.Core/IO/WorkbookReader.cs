using EduFunds.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.IO;

/// <summary>
/// Reads a workbook folder (<c>edufunds.json</c>, <c>streams.csv</c>, <c>programs.csv</c> and an
/// optional <c>ledger.csv</c>) into a <see cref="Workbook"/>, checking every rule of the format at
/// once. Either the workbook is valid and every default is resolved (blank start year = first
/// year, blank change = 0, ...), or <see cref="WorkbookValidationException"/> lists every problem
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
    /// its <see cref="WorkbookValidationException"/>.
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

    /// <summary>The encoding the CSV files of the last read were read in, when one was named (by the settings or <see cref="Encoding"/>); null for UTF-8.</summary>
    public string? LastEncoding { get; private set; }

    /// <summary>Reads the workbook in <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder that holds <c>edufunds.json</c>.</param>
    /// <param name="cancellationToken">Cancels reading a large ledger.</param>
    /// <returns>The valid workbook.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="WorkbookValidationException">The workbook is invalid; every problem is listed.</exception>
    public Workbook ReadFolder(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The workbook folder '{folder}' does not exist.");
        }

        return Read(WorkbookFileSource.FromFolder(folder), cancellationToken);
    }

    /// <summary>Reads a workbook from a folder, embedded resources or memory.</summary>
    /// <param name="source">Where the files are.</param>
    /// <param name="cancellationToken">Cancels reading a large ledger.</param>
    /// <returns>The valid workbook.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="WorkbookValidationException">The workbook is invalid; every problem is listed.</exception>
    public Workbook Read(IWorkbookFileSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var session = new WorkbookReadSession(source, Encoding, cancellationToken);
        var (workbook, issues) = session.Run();
        LastEncoding = session.EncodingName;
        LastWarnings = issues.Warnings();
        if (issues.HasErrors)
        {
            var all = issues.Sorted();
            IOLog.WorkbookInvalid(logger, source.Location, all.Count);
            throw new WorkbookValidationException(source.Location, all);
        }

        IOLog.WorkbookRead(
            logger, workbook.Name, source.Location, workbook.Streams.Count, workbook.Programs.Count, workbook.Scenarios.Count, workbook.Ledger.Count, LastWarnings.Count);
        return workbook;
    }
}

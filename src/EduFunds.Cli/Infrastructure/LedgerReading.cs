using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Tracking;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// How a command reads a workbook's ledger: kept in the workbook (the default), checked row by
/// row and dropped, streamed to a sink, or summed as it is read. Except when kept, memory does
/// not grow with the ledger.
/// </summary>
internal sealed record LedgerReading
{
    /// <summary>Every entry kept in <see cref="Workbook.Ledger"/>.</summary>
    public static LedgerReading Keep { get; } = new();

    /// <summary>Every entry checked as it is read, then dropped (validate, import).</summary>
    public static LedgerReading CheckOnly { get; } = new() { KeepLedger = false };

    /// <summary>True to keep the entries.</summary>
    public bool KeepLedger { get; private init; } = true;

    /// <summary>Receives each valid entry when the ledger is streamed, or null.</summary>
    public Func<Workbook, Action<LedgerEntry>>? Sink { get; private init; }

    /// <summary>True to sum the ledger as it is read (<see cref="LoadedWorkbook.LedgerTotals"/>).</summary>
    public bool Sum { get; private init; }

    /// <summary>When summing: the last date summed, or null for every entry.</summary>
    public DateOnly? Through { get; private init; }

    /// <summary>Every entry checked and handed to <paramref name="sink"/> in file order, then dropped (export).</summary>
    /// <param name="sink">Makes the function that receives each entry.</param>
    /// <returns>The reading.</returns>
    public static LedgerReading StreamTo(Func<Workbook, Action<LedgerEntry>> sink) => new() { KeepLedger = false, Sink = sink };

    /// <summary>Every entry checked, and those dated on or before <paramref name="date"/> summed (track).</summary>
    /// <param name="date">The as-of date.</param>
    /// <returns>The reading.</returns>
    public static LedgerReading SumThrough(DateOnly date) => new() { KeepLedger = false, Sum = true, Through = date };

    /// <summary>A reader that keeps or streams the ledger as this reading says.</summary>
    /// <param name="logger">The reader's logger.</param>
    /// <param name="encoding">The CSV files' encoding (<c>--workbook-encoding</c>), or null.</param>
    /// <returns>The reader.</returns>
    public WorkbookReader CreateReader(ILogger<WorkbookReader>? logger, string? encoding) =>
        new(logger) { Encoding = encoding, KeepLedger = KeepLedger, LedgerSink = Sink };

    /// <summary>Reads the workbook, summing its ledger when this reading says so.</summary>
    /// <param name="reader">A reader made by <see cref="CreateReader"/>.</param>
    /// <param name="source">Where the files are.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="totals">The ledger's totals when summed, else null.</param>
    /// <returns>The valid workbook.</returns>
    public Workbook Read(WorkbookReader reader, IWorkbookFileSource source, CancellationToken cancellationToken, out LedgerTotals? totals)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!Sum)
        {
            totals = null;
            return reader.Read(source, cancellationToken);
        }

        var workbook = reader.ReadWithLedgerTotals(source, Through, out var sum, cancellationToken);
        totals = sum;
        return workbook;
    }
}

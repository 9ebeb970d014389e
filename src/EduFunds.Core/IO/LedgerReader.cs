using System.Text;
using EduFunds.Model;

namespace EduFunds.IO;

/// <summary>
/// Reads <c>ledger.csv</c> row by row into <see cref="LedgerEntry"/> values with their places in
/// the file, as they are enumerated: the one ledger parser (the workbook reader uses it, and a
/// caller that sums millions of entries can stream them without keeping them). Cell problems go
/// to the <see cref="IssueList"/>; the workbook's rules (known stream, fiscal year) are checked by
/// the caller.
/// </summary>
internal static class LedgerReader
{
    /// <summary>The entries of the ledger file of <paramref name="source"/>, in file order.</summary>
    /// <param name="source">The workbook's files.</param>
    /// <param name="currency">The workbook currency.</param>
    /// <param name="fallbackDate">The date an entry gets when its date cannot be read (reported).</param>
    /// <param name="issues">Where problems go.</param>
    /// <param name="encoding">The file's encoding when it has no byte order mark (null: UTF-8).</param>
    /// <param name="cancellationToken">Cancels a long read.</param>
    public static IEnumerable<(LedgerEntry Entry, IRowPositions Positions)> Read(
        IWorkbookFileSource source,
        Monetary.Currency currency,
        DateOnly fallbackDate,
        IssueList issues,
        Encoding? encoding,
        CancellationToken cancellationToken)
    {
        var parser = new RowParser(issues, currency);
        foreach (var row in CsvTable.Read(source, WorkbookFiles.Ledger, WorkbookFiles.LedgerColumns, WorkbookFiles.RequiredLedgerColumns, issues, cancellationToken, encoding))
        {
            yield return (parser.LedgerEntry(row, fallbackDate), row.Positions());
        }
    }
}

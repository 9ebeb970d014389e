using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;
using Microsoft.Extensions.Logging;

namespace EduFunds.IO;

/// <summary>The files that feed a ledger: an accounting system's export, the rules that read it, and budgets.</summary>
public static partial class LedgerFile
{
    /// <summary>
    /// Writes the ledger and the budgets as an hledger journal (checked with hledger 1.25), so users
    /// of plain-text accounting can check the figures with their own tools (<c>edufunds export</c>):
    /// <list type="bullet">
    /// <item>one periodic transaction per fiscal year (<c>~ yearly from 2024-01-01 to 2025-01-01</c>,
    /// or <c>~ every 1st april from ...</c> for a fiscal year starting in April) holding each program's
    /// planned spending on <c>expenses:programs:ID</c> and each stream's expected money on
    /// <c>income:streams:ID</c>, balanced by <c>assets:bank</c>; <c>hledger bal --budget</c> compares
    /// against them;</item>
    /// <item>one transaction per ledger entry, in date order: a receipt moves money from
    /// <c>income:streams:ID</c> to <c>assets:bank</c>, an expense from <c>assets:bank</c> to
    /// <c>expenses:programs:ID</c>, or to <c>expenses:overhead</c> when it names no program.</item>
    /// </list>
    /// Amounts carry the currency code as commodity and the currency's decimals, with '.' as the
    /// decimal mark and no digit grouping. In an account name an id keeps its letters, digits and
    /// <c>- . / &amp; +</c>; any other character (a space, ':', ';', '_' itself) becomes '_' and its
    /// code in hex (<c>P A</c> is <c>P_20A</c>), so two ids never share an account. The entries are put in date order on
    /// disk, not in memory: a ledger of any size can be streamed in
    /// (<see cref="WorkbookReader.ReadLedger"/>).
    /// </summary>
    /// <param name="writer">Where to write (lines end with '\n').</param>
    /// <param name="projection">The projection: planned program funding and expected stream money per year.</param>
    /// <param name="ledger">The ledger entries, in any order.</param>
    /// <param name="budgets">Explicit budgets by (fiscal year, program id) replacing the projection's funding where listed (as <see cref="BudgetOptions.Budgets"/>; <see cref="ReadBudgets"/>), or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/>, <paramref name="projection"/> or <paramref name="ledger"/> is null.</exception>
    /// <exception cref="ArgumentException">A budget is negative, in another currency than the projection's, or not whole minor units.</exception>
    public static void WriteHledgerJournal(TextWriter writer, ProjectionResult projection, IEnumerable<LedgerEntry> ledger, IReadOnlyDictionary<(int Year, string ProgramId), Money>? budgets = null) =>
        HledgerJournal.Write(writer, projection, ledger, budgets);

    /// <summary>
    /// Reads an accounting system's export (CSV; its bytes in the encoding of
    /// <see cref="ImportOptions.Encoding"/>, a byte order mark wins, UTF-8 by default) and works
    /// out what to add to a workbook's ledger: columns by <see cref="ImportOptions.Map"/>, text to
    /// ids by the rules of <see cref="ReadImportRules"/>, and rows already in the ledger skipped. A row is a
    /// duplicate when its reference is already in the ledger (or on an earlier row of the export);
    /// a row without a reference is a duplicate when the ledger already holds as many entries with
    /// the same date, type, stream, program, amount and memo as the export has up to and including
    /// it. So importing the same export twice adds nothing the second time. Nothing is written:
    /// append <see cref="ImportResult.EntriesToAdd"/> with <see cref="Append(string, IReadOnlyList{LedgerEntry}, Currency, string?)"/>.
    /// </summary>
    /// <param name="export">The export's bytes; disposed.</param>
    /// <param name="fileName">Its name, for messages.</param>
    /// <param name="options">The map, rules and formats.</param>
    /// <param name="workbook">The workbook imported into (its streams, programs, years and currency).</param>
    /// <param name="existingLedger">
    /// The entries already in its ledger, or null for <see cref="Workbook.Ledger"/>; for example
    /// streamed from the file by <see cref="WorkbookReader.ReadLedger"/>: they are read once, and
    /// only their references and content keys are kept, never the entries.
    /// </param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="cancellationToken">Cancels a long import.</param>
    /// <returns>What to add and what is skipped.</returns>
    /// <exception cref="InputValidationException">Any row is bad (or the map does not fit the export); every problem is named by line and column, and nothing is to be added.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public static ImportResult PlanImport(
        Stream export,
        string fileName,
        ImportOptions options,
        Workbook workbook,
        IEnumerable<LedgerEntry>? existingLedger = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return new LedgerImporter(logger).Plan(export, fileName, options, workbook, existingLedger ?? workbook.Ledger, cancellationToken);
    }

    /// <summary>
    /// Reads a rules file into import options: CSV with the header <c>field,match,pattern,target</c>
    /// whose rows turn an export's text into ids. <c>field</c> is a field of the column map (memo,
    /// reference, ...), a header of the export, or <c>*</c> for any column; <c>match</c> is
    /// contains, exact or regex (case-insensitive); <c>target</c> is <c>stream:ID</c>,
    /// <c>program:ID</c>, <c>type:receipt</c>/<c>type:expense</c> or <c>overhead</c>. For each
    /// target the first matching rule wins. Stream and program ids must exist in the workbook. Every
    /// problem is collected and reported together.
    /// </summary>
    /// <param name="rules">The file's bytes; disposed.</param>
    /// <param name="fileName">The file name for messages.</param>
    /// <param name="encoding">Its encoding when it has no byte order mark (utf-8, gb18030, ...; null: UTF-8).</param>
    /// <param name="options">The options of the import (its map, formats and so on).</param>
    /// <param name="workbook">The workbook imported into (its stream and program ids).</param>
    /// <returns><paramref name="options"/> with the file's rules (replacing any rules they had), for <see cref="PlanImport"/>.</returns>
    /// <exception cref="InputValidationException">The file is invalid; every problem is listed with its line and column.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public static ImportOptions ReadImportRules(Stream rules, string fileName, string? encoding, ImportOptions options, Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workbook);
        return options with
        {
            Rules = MatchRulesFile.Read(rules, fileName, encoding, workbook.Streams.Select(s => s.Id).ToArray(), workbook.Programs.Select(p => p.Id).ToArray()),
        };
    }

    /// <summary>
    /// Reads a budgets file into explicit budgets by (fiscal year, program id), for
    /// <see cref="BudgetOptions.Budgets"/> and <see cref="WriteHledgerJournal"/>: CSV with a header row naming
    /// the columns <c>year</c>, <c>program</c> and <c>amount</c> (any order, case-insensitive;
    /// other columns are ignored). Every problem is collected and reported together.
    /// </summary>
    /// <param name="budgets">The file's bytes; disposed.</param>
    /// <param name="fileName">The file name to put in error messages.</param>
    /// <param name="encoding">Its encoding when it has no byte order mark (utf-8, gb18030, ...; null: UTF-8).</param>
    /// <param name="currency">The workbook currency (decimals allowed in amounts).</param>
    /// <param name="programIds">The program ids a line may name.</param>
    /// <param name="years">The fiscal years a line may name.</param>
    /// <returns>The budgets, in the workbook currency, in the order of the file.</returns>
    /// <exception cref="InputValidationException">The file is invalid; every problem with its line and column.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public static IReadOnlyDictionary<(int Year, string ProgramId), Money> ReadBudgets(Stream budgets, string fileName, string? encoding, Currency currency, IReadOnlyCollection<string> programIds, YearRange years) =>
        BudgetFile.Read(budgets, fileName, encoding, currency, programIds, years);
}

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Tracking;

namespace EduFunds.Benchmarks;

/// <summary>
/// The issue's ledger workload: a generated <c>ledger.csv</c> of 1,000,000 entries for the district
/// workbook (500 programs, 800 streams, 15 years), loaded and turned into budget versus actual for
/// every program and year plus receipts versus expected for every stream and year.
/// <list type="bullet">
/// <item><see cref="StreamingLoadAndReports"/>: the ledger reader's entries are summed as they are
/// read (none is kept; memory grows with programs and years, not entries).</item>
/// <item><see cref="MaterialisedLoadAndReports"/>: the workbook reader builds every
/// <see cref="LedgerEntry"/> (and validates the whole workbook) before the same reports.</item>
/// </list>
/// The projection is made once in the setup: it does not depend on the ledger.
/// </summary>
[MemoryDiagnoser]
public class LedgerBenchmarks
{
    private const int Entries = 1_000_000;

    private Workbook workbook = null!;
    private ProjectionResult projection = null!;
    private string folder = null!;
    private string ledgerPath = null!;
    private DateOnly asOf;

    /// <summary>Writes the workbook folder with its generated ledger.</summary>
    [GlobalSetup]
    public void Setup()
    {
        workbook = DistrictWorkbook.Create(500, 800, 15);
        projection = ProjectionModel.Create(workbook).Project();
        asOf = new DateOnly(workbook.Years.From + 7, 6, 30);
        folder = Path.Combine(Path.GetTempPath(), "edufunds-ledger-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        new WorkbookWriter().WriteFolder(workbook, folder);
        try
        {
            new WorkbookReader().ReadFolder(folder);
        }
        catch (InputValidationException e)
        {
            Console.WriteLine(string.Join(Environment.NewLine, e.Issues));
            throw;
        }

        ledgerPath = Path.Combine(folder, "ledger.csv");
        WriteLedger(ledgerPath, workbook, Entries, seed: 7);
    }

    /// <summary>Removes the generated files.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    /// <summary>Streaming parse into totals, then both reports for all programs, streams and years.</summary>
    /// <returns>A figure from the reports, so nothing is optimised away.</returns>
    [Benchmark(Baseline = true)]
    public long StreamingLoadAndReports()
    {
        var issues = new IssueList();
        var entries = LedgerReader.Read(
            IWorkbookFileSource.FromFolder(folder), workbook.Currency, new DateOnly(workbook.Years.From, 1, 1), issues, null, CancellationToken.None);
        var totals = LedgerTotals.FromEntries(
            entries.Select(e => e.Entry), workbook.Streams.Select(s => s.Id), workbook.Programs.Select(p => p.Id), workbook.Years, workbook.FiscalYearStartMonth);
        var budget = BudgetVersusActual.Build(projection, totals, asOf);
        var receipts = ReceiptsVersusExpected.Build(projection, totals, asOf);
        return budget.Totals.Sum(t => t.ActualMinorUnits) + receipts.Totals.Sum(t => t.ReceivedMinorUnits);
    }

    /// <summary>The workbook reader (every entry as an object, full validation), then the same reports.</summary>
    /// <returns>A figure from the reports.</returns>
    [Benchmark]
    public long MaterialisedLoadAndReports()
    {
        var book = new WorkbookReader().ReadFolder(folder);
        var totals = LedgerTotals.FromWorkbook(book);
        var budget = BudgetVersusActual.Build(projection, totals, asOf);
        var receipts = ReceiptsVersusExpected.Build(projection, totals, asOf);
        return budget.Totals.Sum(t => t.ActualMinorUnits) + receipts.Totals.Sum(t => t.ReceivedMinorUnits);
    }

    /// <summary>Writes a valid ledger: half receipts from random streams, half expenses of random programs.</summary>
    internal static void WriteLedger(string path, Workbook workbook, int entries, int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(workbook.Years.From, workbook.FiscalYearStartMonth, 1).DayNumber;
        var days = new DateOnly(workbook.Years.To + 1, workbook.FiscalYearStartMonth, 1).DayNumber - first;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine("date,type,stream,program,amount,reference,memo");
        for (var i = 0; i < entries; i++)
        {
            var date = DateOnly.FromDayNumber(first + random.Next(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var amount = (random.Next(100, 5_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            if (random.Next(2) == 0)
            {
                writer.WriteLine($"{date},receipt,{workbook.Streams[random.Next(workbook.Streams.Count)].Id},,{amount},R{i},receipt {i}");
            }
            else
            {
                writer.WriteLine($"{date},expense,,{workbook.Programs[random.Next(workbook.Programs.Count)].Id},{amount},E{i},\"expense {i}, generated\"");
            }
        }
    }
}

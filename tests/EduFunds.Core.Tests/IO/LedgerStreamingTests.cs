using System.Globalization;
using System.Text;
using EduFunds.IO;
using EduFunds.Model;
using static EduFunds.Core.Tests.IO.TestFiles;

namespace EduFunds.Core.Tests.IO;

/// <summary>A ledger read without keeping it (WorkbookReader.KeepLedger = false, ReadWithLedgerTotals) behaves as a kept one.</summary>
public class LedgerStreamingTests
{

    private static string Ledger(int rows, bool withErrors = false)
    {
        var text = new StringBuilder(LedgerHeader).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays((i * 7919) % 3650);
            var program = withErrors && i % 50 == 7 ? "NOPE" : "P1";
            text.Append(i % 3 == 0
                ? $"{day:yyyy-MM-dd},receipt,DG-01,,{i + 1}.00,R{i},\n"
                : $"{day:yyyy-MM-dd},expense,,{program},{i + 1}.50,E{i},\"memo {i}, here\"\n");
        }

        if (withErrors)
        {
            text.Append("2040-01-01,expense,,P1,5.00,,\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Read_StreamedLedger_EmptyLedgerSameSummaryAndSinkSeesEveryEntryInOrder()
    {
        var files = Files(ledger: Ledger(500));
        var kept = new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files));
        var seen = new List<LedgerEntry>();
        var reader = new WorkbookReader { KeepLedger = false, LedgerSink = _ => seen.Add };
        var streamed = reader.Read(IWorkbookFileSource.FromMemory(files));

        Assert.Empty(streamed.Ledger);
        Assert.Equal(kept.Ledger.ToArray(), seen.ToArray());
        Assert.Equal(new LedgerSummary(500, kept.Ledger.Count(e => e.Type == LedgerEntryType.Receipt)), reader.LastLedgerSummary);
        Assert.Equal(seen, WorkbookReader.ReadLedger(IWorkbookFileSource.FromMemory(files), streamed).ToList());
    }

    [Fact]
    public void Read_StreamedLedgerWithErrors_SameIssuesAsKept()
    {
        var files = Files(ledger: Ledger(300, withErrors: true));
        var kept = Assert.Throws<InputValidationException>(() => new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files)));
        var streamed = Assert.Throws<InputValidationException>(() => new WorkbookReader { KeepLedger = false }.Read(IWorkbookFileSource.FromMemory(files)));
        Assert.Equal(kept.Issues.Select(i => i.ToString(CultureInfo.InvariantCulture)), streamed.Issues.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        Assert.True(kept.Issues.Count >= 5);
    }

    [Fact]
    public void Read_StreamedLedgerWithErrors_SinkStopsAtTheFirstProblem()
    {
        var files = Files(ledger: Ledger(300, withErrors: true));
        var count = 0;
        Assert.Throws<InputValidationException>(() =>
            new WorkbookReader { KeepLedger = false, LedgerSink = _ => _ => count++ }.Read(IWorkbookFileSource.FromMemory(files)));
        Assert.Equal(7, count); // rows 0-6 are valid; row 7 names an unknown program
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2023-06-30")]
    [InlineData("2019-12-31")]
    public void ReadWithLedgerTotals_StreamedLedger_SameTotalsAsSummingTheKeptLedger(string? through)
    {
        var files = Files(ledger: Ledger(500));
        var asOf = through is null ? (DateOnly?)null : DateOnly.Parse(through, CultureInfo.InvariantCulture);
        var kept = new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files));
        var expected = EduFunds.Tracking.LedgerTotals.FromWorkbook(kept, asOf);
        var reader = new WorkbookReader { LedgerSink = _ => throw new InvalidOperationException("not used when summing") };

        var workbook = reader.ReadWithLedgerTotals(IWorkbookFileSource.FromMemory(files), asOf, out var totals);

        Assert.Empty(workbook.Ledger);
        Assert.Equal(kept.Streams, workbook.Streams);
        Assert.Equal(kept.Programs, workbook.Programs);
        Assert.Equal(500, reader.LastLedgerEntryCount);
        Assert.Equal(expected.EntryCount, totals.EntryCount);
        Assert.Equal(expected.LastDate, totals.LastDate);
        Assert.Equal(expected.CashPosition, totals.CashPosition);
        for (var year = kept.Years.From; year <= kept.Years.To; year++)
        {
            Assert.Equal(expected.ReceiptsMinorUnits("DG-01", year), totals.ReceiptsMinorUnits("DG-01", year));
            Assert.Equal(expected.ExpensesMinorUnits("P1", year), totals.ExpensesMinorUnits("P1", year));
        }

        Assert.True(totals.EntryCount > 0 || through == "2019-12-31");
    }

    [Fact]
    public void ReadWithLedgerTotals_NoLedgerFile_EmptyTotals()
    {
        var workbook = new WorkbookReader().ReadWithLedgerTotals(IWorkbookFileSource.FromMemory(Files()), null, out var totals);

        Assert.Equal(0, totals.EntryCount);
        Assert.Equal(workbook.Years, totals.Years);
        Assert.Equal(workbook.Streams.Select(s => s.Id), totals.StreamIds);
    }

    [Fact]
    public void ReadWithLedgerTotals_LedgerWithErrors_SameIssuesAsKept()
    {
        var files = Files(ledger: Ledger(300, withErrors: true));
        var kept = Assert.Throws<InputValidationException>(() => new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files)));
        var summed = Assert.Throws<InputValidationException>(() => new WorkbookReader().ReadWithLedgerTotals(IWorkbookFileSource.FromMemory(files), null, out _));
        Assert.Equal(kept.Issues.Select(i => i.ToString(CultureInfo.InvariantCulture)), summed.Issues.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Journal_LargeUnsortedLedgerSpilledToDisk_SameAsSortedInMemory()
    {
        // About 20 MB of journal text: more than the spool keeps in memory.
        var files = Files(ledger: Ledger(120_000));
        var workbook = new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files));
        var projection = EduFunds.Engine.ProjectionModel.Create(workbook).Project();
        var streamed = new StringWriter();
        HledgerJournal.Write(streamed, projection, WorkbookReader.ReadLedger(IWorkbookFileSource.FromMemory(files), workbook));
        var sorted = new StringWriter();
        var inOrder = workbook.Ledger.Select((e, i) => (e, i)).OrderBy(x => x.e.Date).ThenBy(x => x.i).Select(x => x.e).ToList();
        HledgerJournal.Write(sorted, projection, inOrder);
        Assert.Equal(sorted.ToString(), streamed.ToString());
        var dates = streamed.ToString().Split('\n').Where(l => l.Length > 10 && char.IsDigit(l[0])).Select(l => l[..10]).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }
}

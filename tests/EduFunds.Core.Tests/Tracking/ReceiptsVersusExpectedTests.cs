using EduFunds.Model;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

public class ReceiptsVersusExpectedTests
{
    private static readonly long[][] Streams = [[1_000_000, 500_000], [1_000_000, 500_000], [1_000_000, 0]];
    private static readonly long[][] Funded = [[1_200_000, 300_000], [1_200_000, 300_000], [1_000_000, 0]];

    private static ReceiptsVersusExpected Build(DateOnly asOf, params LedgerEntry[] ledger)
    {
        var workbook = Workbook(ledger: ledger);
        return ReceiptsVersusExpected.Build(MakeProjection(workbook, Streams, Funded), LedgerTotals.FromWorkbook(workbook, asOf), asOf);
    }

    [Fact]
    public void Build_HandComputed_ShortfallsAndStatuses()
    {
        var report = Build(
            Date("2025-02-01"),
            Receipt("2023-02-01", "DG", 900_000),
            Receipt("2023-06-01", "PF", 500_000),
            Receipt("2024-03-01", "DG", 1_000_000),
            Receipt("2025-01-20", "PF", 20_000));

        ReceiptLine Get(int year, string stream) => report.Lines.Single(l => l.Year == year && l.StreamId == stream);

        var dg2023 = Get(2023, "DG");
        Assert.Equal((1_000_000L, 900_000L, -100_000L, 100_000L, ReceiptStatus.Partial), (dg2023.ExpectedMinorUnits, dg2023.ReceivedMinorUnits, dg2023.DifferenceMinorUnits, dg2023.ShortfallMinorUnits, dg2023.Status));
        Assert.Equal(ReceiptStatus.Received, Get(2023, "PF").Status);
        Assert.Equal(ReceiptStatus.Received, Get(2024, "DG").Status);
        var pf2024 = Get(2024, "PF");
        Assert.Equal((500_000L, 0L, 500_000L, ReceiptStatus.Missing), (pf2024.ExpectedMinorUnits, pf2024.ReceivedMinorUnits, pf2024.ShortfallMinorUnits, pf2024.Status));
        var dg2025 = Get(2025, "DG");
        Assert.Equal((1_000_000L, ReceiptStatus.InProgress), (dg2025.ShortfallMinorUnits, dg2025.Status));
        var pf2025 = Get(2025, "PF");
        Assert.Equal((0L, 20_000L, 20_000L, ReceiptStatus.Unexpected), (pf2025.ExpectedMinorUnits, pf2025.ReceivedMinorUnits, pf2025.DifferenceMinorUnits, pf2025.Status));

        var t2024 = report.Totals.Single(t => t.Year == 2024);
        Assert.Equal((1_500_000L, 1_000_000L, -500_000L, 500_000L), (t2024.ExpectedMinorUnits, t2024.ReceivedMinorUnits, t2024.DifferenceMinorUnits, t2024.ShortfallMinorUnits));
        Assert.Equal(["2023 DG", "2024 PF"], report.Shortfalls.Select(l => $"{l.Year} {l.StreamId}"));
    }

    [Fact]
    public void Build_YearNotStarted_IsNotYetDue()
    {
        var report = Build(Date("2023-12-31"));

        NonEmpty.All(report.Lines.Where(l => l.Year > 2023), l => Assert.Equal(ReceiptStatus.NotYetDue, l.Status));
        NonEmpty.All(report.Lines.Where(l => l.Year == 2023), l => Assert.Equal(ReceiptStatus.Missing, l.Status));
    }

    [Fact]
    public void Build_ReceiptAfterAsOf_IsNotCounted()
    {
        var report = Build(Date("2024-12-31"), Receipt("2025-01-02", "DG", 1_000_000));

        Assert.Equal(0, report.Lines.Single(l => l.Year == 2025 && l.StreamId == "DG").ReceivedMinorUnits);
    }
}

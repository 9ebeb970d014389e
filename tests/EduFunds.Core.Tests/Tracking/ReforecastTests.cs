using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

public class ReforecastTests
{
    /// <summary>
    /// P1 (cost 100,000, minimum 60,000) lives on a grant restricted to it (PF, 100,000 a year);
    /// P2 (cost 50,000) on the unrestricted district money (DG, 50,000 a year).
    /// </summary>
    private static Workbook GrantWorkbook(params LedgerEntry[] ledger) => Workbook() with
    {
        Streams = new EquatableArray<FundingStream>(
        [
            Stream("DG", 50_000),
            Stream("PF", 100_000, restrictedTo: ["P1"]),
        ]),
        Programs = new EquatableArray<EducationProgram>([Program("P1", 100_000), Program("P2", 50_000, priority: 2)]),
        Ledger = new EquatableArray<LedgerEntry>(ledger),
    };

    private static readonly LedgerEntry[] GrantMissingIn2024 =
    [
        Receipt("2023-03-01", "PF", 100_000),
        Receipt("2023-03-01", "DG", 50_000),
        Receipt("2024-03-01", "DG", 50_000),
    ];

    [Fact]
    public void Project_GrantDidNotArrive_DependentProgramStallsEarlierThanPlanned()
    {
        var workbook = GrantWorkbook(GrantMissingIn2024);
        var model = ProjectionModel.Create(workbook);

        var plain = model.Project();
        var reforecast = Reforecast.Create(model, workbook.Ledger, Date("2024-12-31"));
        var result = reforecast.Project();

        Assert.Null(plain.GetSummary("P1").FirstStallYear);
        Assert.Equal(2024, result.GetSummary("P1").FirstStallYear);
        Assert.Equal(ProgramStatus.Stalled, result.Get("P1", 2024).Status);
        Assert.Equal(ProgramStatus.Funded, result.Get("P2", 2024).Status); // rescued by the pool left over
        // PF brought nothing in 2024 and nothing since: cut, as a recurring line that pays nothing is in a run.
        Assert.Equal(["PF"], reforecast.CutStreams);
        Assert.Equal(ProgramStatus.Stalled, result.Get("P1", 2025).Status);
        Assert.Equal(2025, result.GetSummary("P1").ShelvedYear);
        Assert.Equal(2024, reforecast.LastClosedYear);
        Assert.Null(reforecast.CurrentYear);
    }

    [Fact]
    public void Create_YearsClosedInProgressAndAhead_UseActualMaxAndPlanned()
    {
        var workbook = GrantWorkbook([.. GrantMissingIn2024, Receipt("2025-02-01", "DG", 70_000)]);
        var model = ProjectionModel.Create(workbook);

        var reforecast = Reforecast.Create(model, workbook.Ledger, Date("2025-03-31"));

        // [year * 2 + stream]: DG, PF for 2023, 2024, 2025. PF brought nothing in 2024 and has not
        // paid since: it is cut, so 2025 counts what it has brought (nothing).
        Assert.Equal([50_000, 100_000, 50_000, 0, 70_000, 0], reforecast.Amounts.ToArray());
        var pf2025 = reforecast.Details.Single(d => d.Year == 2025 && d.StreamId == "PF");
        Assert.Equal((ReforecastBasis.Cut, 100_000L, 0L, 0L), (pf2025.Basis, pf2025.PlannedMinorUnits, pf2025.ReceivedMinorUnits, pf2025.UsedMinorUnits));
        Assert.Equal(2025, reforecast.CurrentYear);
        Assert.Equal(2024, reforecast.LastClosedYear);
        var pf2024 = reforecast.Details.Single(d => d.Year == 2024 && d.StreamId == "PF");
        Assert.Equal((ReforecastBasis.Actual, 100_000L, 0L, 0L), (pf2024.Basis, pf2024.PlannedMinorUnits, pf2024.ReceivedMinorUnits, pf2024.UsedMinorUnits));
        var dg2025 = reforecast.Details.Single(d => d.Year == 2025 && d.StreamId == "DG");
        Assert.Equal((ReforecastBasis.InProgress, 50_000L, 70_000L, 70_000L), (dg2025.Basis, dg2025.PlannedMinorUnits, dg2025.ReceivedMinorUnits, dg2025.UsedMinorUnits));
    }

    [Fact]
    public void Create_AsOfInsideTheYearTheGrantIsLate_KeepsExpectingIt()
    {
        var workbook = GrantWorkbook(GrantMissingIn2024);
        var model = ProjectionModel.Create(workbook);

        var result = Reforecast.Create(model, workbook.Ledger, Date("2024-06-30")).Project();

        Assert.Null(result.GetSummary("P1").FirstStallYear);
    }

    [Fact]
    public void Create_AsOfBeforeTheFirstYear_IsThePlainProjection()
    {
        var workbook = GrantWorkbook(GrantMissingIn2024);
        var model = ProjectionModel.Create(workbook);

        var reforecast = Reforecast.Create(model, workbook.Ledger, Date("2022-12-31"));

        Assert.Equal(model.PlannedAmounts.ToArray(), reforecast.Amounts.ToArray());
        Assert.Null(reforecast.LastClosedYear);
    }
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Engine;

/// <summary>Hand-computed examples of the steps of one simulated year (DESIGN.md).</summary>
public class YearRuleTests
{
    [Fact]
    public void StallFixpoint_AllShortInARoundStallTogether_RescueLiftsByPriority()
    {
        // Pool 150 over three needs of 100 (minimum 80): 50 each, all below 80, all stall together.
        // Nothing is then allocated; the rescue offers the 150 in priority order: A gets 100, B
        // would need 80 of the 50 left and stays stalled, C too.
        var result = ProjectionModel.Create(Workbook(
            [Stream("POOL", 150)],
            [Program("A", 100, priority: 1, minRatio: 0.8m), Program("B", 100, priority: 2, minRatio: 0.8m), Program("C", 100, priority: 3, minRatio: 0.8m)])).Project();
        Assert.Equal(ProgramStatus.Funded, result.Get("A", 2024).Status);
        Assert.Equal(ProgramStatus.Stalled, result.Get("B", 2024).Status);
        Assert.Equal(ProgramStatus.Stalled, result.Get("C", 2024).Status);
        Assert.Equal(100, result.Years[0].AllocatedMinorUnits);
        Assert.Equal(50, result.Years[0].LapsedMinorUnits);
    }

    [Fact]
    public void StallFixpoint_ReleasedShareGoesToTheOthersInTheNextRound()
    {
        // Pool 190: A and B (minimum 60) and C (minimum 95) get 64, 63, 63; C stalls; the second
        // round gives A and B 95 each, so its release lifts them to 95 (not 63).
        var result = ProjectionModel.Create(Workbook(
            [Stream("POOL", 190)],
            [Program("A", 100), Program("B", 100), Program("C", 100, minRatio: 0.95m)])).Project();
        Assert.Equal(ProgramStatus.Stalled, result.Get("C", 2024).Status);
        Assert.Equal(95, result.Get("A", 2024).FundedMinorUnits);
        Assert.Equal(95, result.Get("B", 2024).FundedMinorUnits);
        Assert.Equal(0, result.Get("C", 2024).PoolShareMinorUnits);
        Assert.Equal(0, result.Years[0].LapsedMinorUnits);
    }

    [Fact]
    public void Shelving_AfterTwoConsecutiveStalls_ReserveAndLaterMoneyStranded()
    {
        // P needs 100 (minimum 60) and only gets 10 restricted a year: it stalls in 2024 and 2025
        // and is shelved in 2025 with its reserve of 20; from 2026 it shows as shelved and the
        // restricted money has no program to go to.
        var workbook = Workbook([Restricted("R", 10, "P")], [Program("P", 100)], to: 2026);
        var result = ProjectionModel.Create(workbook).Project();

        var y2024 = result.Get("P", 2024);
        Assert.Equal(ProgramStatus.Stalled, y2024.Status);
        Assert.Equal(100, y2024.NeedMinorUnits);
        Assert.Equal(10, y2024.ReserveAfterMinorUnits);
        Assert.Equal(0, y2024.FundedMinorUnits);

        var y2025 = result.Get("P", 2025);
        Assert.Equal(ProgramStatus.Stalled, y2025.Status);
        Assert.Equal(20, y2025.ReserveAfterMinorUnits);
        Assert.Equal(20, result.Years[1].StrandedReservesMinorUnits);

        var y2026 = result.Get("P", 2026);
        Assert.Equal(ProgramStatus.Shelved, y2026.Status);
        Assert.Equal(0, y2026.NeedMinorUnits);
        Assert.Equal(10, result.Years[2].StrandedRestrictedMinorUnits);

        var summary = result.GetSummary("P");
        Assert.Equal(2024, summary.FirstStallYear);
        Assert.Equal(2025, summary.ShelvedYear);
    }

    [Fact]
    public void Shelving_AfterTheEndYear_ProgramIsInactiveNotShelved()
    {
        // P (2024-2025) stalls in 2024 and 2025 and is shelved at the close of 2025, its end
        // year: its reserve of 20 is stranded once, and 2026 shows it inactive, never shelved.
        // Q (open-ended) is shelved the same way and shows as shelved in 2026.
        var workbook = Workbook(
            [Restricted("R", 10, "P"), Restricted("S", 10, "Q")],
            [Program("P", 100, end: 2025), Program("Q", 100)],
            to: 2026);
        var result = ProjectionModel.Create(workbook).Project();

        Assert.Equal(ProgramStatus.Stalled, result.Get("P", 2025).Status);
        Assert.Equal(20, result.Get("P", 2025).ReserveAfterMinorUnits);
        Assert.Equal(40, result.GetYear(2025).StrandedReservesMinorUnits);
        Assert.Equal(ProgramStatus.Inactive, result.Get("P", 2026).Status);
        Assert.Equal(0, result.Get("P", 2026).ReserveBeforeMinorUnits);
        Assert.Equal(ProgramStatus.Shelved, result.Get("Q", 2026).Status);
        Assert.Equal(20, result.GetYear(2026).StrandedRestrictedMinorUnits);
        Assert.Equal(2025, result.GetSummary("P").ShelvedYear);
    }

    [Fact]
    public void Shelving_RunningYearResetsTheCount()
    {
        // Pool 100, 0, 100, 0 for a need of 100 (shelve after 2): stall, run, stall, run: never shelved.
        var workbook = Workbook(
            [Stream("Y24", 100, start: 2024, recurrence: Recurrence.OneOff), Stream("Y26", 100, start: 2026, recurrence: Recurrence.OneOff)],
            [Program("P", 100)],
            from: 2024,
            to: 2027);
        var result = ProjectionModel.Create(workbook).Project();
        Assert.Equal(
            [ProgramStatus.Funded, ProgramStatus.Stalled, ProgramStatus.Funded, ProgramStatus.Stalled],
            result.Years.Select(y => y.Programs[0].Status));
        Assert.Null(result.GetSummary("P").ShelvedYear);
        Assert.Equal(2025, result.GetSummary("P").FirstStallYear);
    }

    [Fact]
    public void ShelveAfterZero_NeverShelves()
    {
        var workbook = Workbook([], [Program("P", 100)], to: 2027, shelveAfter: 0);
        var result = ProjectionModel.Create(workbook).Project();
        NonEmpty.All(result.Years, y => Assert.Equal(ProgramStatus.Stalled, y.Programs[0].Status));
        Assert.Null(result.GetSummary("P").ShelvedYear);
    }

    [Fact]
    public void RestrictedMoney_SplitByNeedOverTwoPrograms_SurplusKeptInReserveAndUsedFirstNextYear()
    {
        // 330 restricted to A (need 100) and B (need 200): 110 and 220; each keeps 10 / 20 in reserve.
        // In 2025 the stream is gone: A uses its reserve of 10 first, then the pool.
        var workbook = Workbook(
            [Stream("R", 330, kind: StreamKind.Sponsorship, recurrence: Recurrence.OneOff, restrictedTo: ["A", "B"]), Stream("POOL", 500)],
            [Program("A", 100), Program("B", 200)],
            to: 2025);
        var result = ProjectionModel.Create(workbook).Project();

        var a24 = result.Get("A", 2024);
        Assert.Equal(110, a24.RestrictedReceivedMinorUnits);
        Assert.Equal(100, a24.RestrictedAppliedMinorUnits);
        Assert.Equal(10, a24.ReserveAfterMinorUnits);
        Assert.Equal(0, a24.PoolShareMinorUnits);
        Assert.Equal(20, result.Get("B", 2024).ReserveAfterMinorUnits);

        var a25 = result.Get("A", 2025);
        Assert.Equal(10, a25.ReserveBeforeMinorUnits);
        Assert.Equal(10, a25.ReserveUsedMinorUnits);
        Assert.Equal(90, a25.PoolShareMinorUnits);
        Assert.Equal(0, a25.ReserveAfterMinorUnits);
        Assert.Equal(20, result.Get("B", 2025).ReserveUsedMinorUnits);
    }

    [Fact]
    public void RestrictedMoney_NoActiveProgram_IsStrandedNotPooled()
    {
        // The program starts in 2025; 2024's restricted money is stranded, never moved to the pool.
        var workbook = Workbook([Restricted("R", 50, "P"), Stream("POOL", 10)], [Program("Q", 100, minRatio: 0.1m), Program("P", 100, start: 2025)], to: 2025);
        var result = ProjectionModel.Create(workbook).Project();
        Assert.Equal(50, result.Years[0].StrandedRestrictedMinorUnits);
        Assert.Equal(10, result.Years[0].PoolMinorUnits);
        Assert.Equal(ProgramStatus.Inactive, result.Get("P", 2024).Status);
    }

    [Fact]
    public void EndYear_ReserveStillHeldIsStrandedInThatYear()
    {
        var workbook = Workbook([Restricted("R", 150, "P")], [Program("P", 100, end: 2024)], to: 2025);
        var result = ProjectionModel.Create(workbook).Project();
        Assert.Equal(50, result.Get("P", 2024).ReserveAfterMinorUnits);
        Assert.Equal(50, result.Years[0].StrandedReservesMinorUnits);
        Assert.Equal(ProgramStatus.Inactive, result.Get("P", 2025).Status);
        Assert.Equal(150, result.Years[1].StrandedRestrictedMinorUnits);
    }

    [Fact]
    public void AmountGrowth_ComputedFromBaseEachYear_RoundedOnce()
    {
        var workbook = Workbook([Stream("S", 1000, change: 0.155m)], [], to: 2027);
        var model = ProjectionModel.Create(workbook);
        // 1000 x 1.155^n: 1000, 1155, 1334.025 -> 1334, 1540.79 -> 1541 (stepwise 1334 x 1.155 = 1540.77 -> 1541).
        Assert.Equal([1000L, 1155L, 1334L, 1541L], model.PlannedAmounts.ToArray());
    }

    [Fact]
    public void Rounding_HalfEvenVersusHalfAwayFromZero()
    {
        // 15 x 1.1 = 16.5: half-even gives 16, half-away-from-zero 17.
        var even = ProjectionModel.Create(Workbook([Stream("S", 15, start: 2023, change: 0.1m)], [], rounding: RoundingMode.HalfEven));
        var away = ProjectionModel.Create(Workbook([Stream("S", 15, start: 2023, change: 0.1m)], [], rounding: RoundingMode.HalfAwayFromZero));
        Assert.Equal(16, even.PlannedAmounts[0]);
        Assert.Equal(17, away.PlannedAmounts[0]);
    }

    [Fact]
    public void CarryOver_Off_UnspentPoolLapses_On_ItCarriesToNextYear()
    {
        var streams = new[] { Stream("POOL", 100) };
        var programs = new[] { Program("P", 60) };
        var lapse = ProjectionModel.Create(Workbook(streams, programs, to: 2025)).Project();
        Assert.Equal(40, lapse.Years[0].LapsedMinorUnits);
        Assert.Equal(0, lapse.Years[1].CarriedInMinorUnits);
        Assert.Equal(100, lapse.Years[1].PoolMinorUnits);

        var carry = ProjectionModel.Create(Workbook(streams, programs, to: 2025, carryOver: true)).Project();
        Assert.Equal(0, carry.Years[0].LapsedMinorUnits);
        Assert.Equal(40, carry.Years[0].CarriedOutMinorUnits);
        Assert.Equal(40, carry.Years[1].CarriedInMinorUnits);
        Assert.Equal(140, carry.Years[1].PoolMinorUnits);
        Assert.Equal(80, carry.Years[1].CarriedOutMinorUnits);
    }

    [Fact]
    public void ZeroMinorUnitCurrency_Jpy_SplitsWholeYen()
    {
        var workbook = Workbook([Stream("POOL", 1000)], [Program("A", 700, minRatio: 0.1m), Program("B", 800, minRatio: 0.1m)], currency: "JPY");
        var result = ProjectionModel.Create(workbook).Project();
        // 1000 x 700 / 1500 = 466.67 -> 467; 1000 x 800 / 1500 = 533.33 -> 533.
        Assert.Equal(467, result.Get("A", 2024).PoolShareMinorUnits);
        Assert.Equal(533, result.Get("B", 2024).PoolShareMinorUnits);
        Assert.Equal("JPY", result.Currency.Code);
    }

    [Fact]
    public void Minimum_IsCeilingOfRatioTimesNeed()
    {
        var result = ProjectionModel.Create(Workbook([Stream("POOL", 1000)], [Program("P", 101)])).Project();
        Assert.Equal(61, result.Get("P", 2024).MinimumMinorUnits); // 0.6 x 101 = 60.6 -> 61
    }

    [Fact]
    public void OneOffStream_WithoutEndYear_PaysOnlyInItsStartYear()
    {
        var oneOff = new FundingStream(
            "ONCE", "Once", StreamKind.Donation, Recurrence.OneOff, EduFunds.Monetary.Money.FromMinorUnits(100, EduFunds.Monetary.Currency.Cny), 2025, null, 0m, EduFunds.Model.EquatableArray<string>.Empty, 1m, 0m);
        var model = ProjectionModel.Create(Workbook([oneOff], [], to: 2026));
        Assert.Equal([0L, 100L, 0L], model.PlannedAmounts.ToArray());
    }
}

using EduFunds.Core.Tests.IO;
using EduFunds.Decisions;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Decisions;

public class RescuePlannerTests
{
    private static readonly MonteCarloOptions Runs = new() { Runs = 200, Seed = 5 };

    /// <summary>
    /// P needs 1,000.00 a year (minimum 60%: 600.00) and has only G, 450.00 of certain pool money:
    /// it stalls every year. By hand, a restricted line of x yuan gives it x + 450 (the pool tops up
    /// the rest of its need): it runs when x + 450 >= 600, so the smallest line is 150 yuan; 149
    /// leaves it at 599.00 and stalled in every run.
    /// </summary>
    [Fact]
    public void Plan_CertainMoney_SmallestWholeYuanByHand()
    {
        var workbook = Workbook([Stream("G", 45_000)], [Program("P", 100_000)], to: 2026);
        var plan = RescuePlan.Create(workbook, new RescueOptions { MonteCarlo = Runs });
        var rescue = Assert.Single(plan.Individual);
        Assert.Equal(RescueNote.Found, rescue.Note);
        Assert.Equal(15_000, rescue.AmountMinorUnits);
        Assert.Equal(1.0, rescue.Before.Value);
        Assert.Equal(0.0, rescue.After!.Value.Value);
        Assert.Equal(1.0, rescue.OneUnitLess!.Value.Value);
        Assert.Equal(2024, rescue.FromYear);
        Assert.Equal(0.15, rescue.ShareOfNeed!.Value, 12);
        Assert.Equal(15.0 / 45.0, rescue.ShareOfUnrestricted!.Value, 12);
        var line = rescue.Stream!;
        Assert.Equal(("RESCUE-P", Recurrence.Recurring, 2024, 0m, 1m, 0m), (line.Id, line.Recurrence, line.StartYear, line.AnnualChange, line.RenewalProbability, line.AmountCv));
        Assert.Equal(["P"], line.RestrictedTo);
        Assert.Equal(StreamKind.DistrictGrant, line.Kind);
        Assert.Equal(["RESCUE-P"], plan.Streams.Select(s => s.Id));
        Assert.Equal("rescue", plan.Scenario.Name);
        Assert.Equal(2024, Assert.Single(plan.Scenario.Changes).From);
    }

    /// <summary>The line grows with the program's cost change: 10% a year from its first year, --from 2025.</summary>
    [Fact]
    public void Plan_FromYearAndCostChange_LineStartsThenAndGrowsWithTheProgram()
    {
        var workbook = Workbook([Stream("G", 45_000)], [Program("P", 100_000, costChange: 0.1m)], to: 2026);
        var plan = RescuePlan.Create(workbook, new RescueOptions { MonteCarlo = Runs, From = 2025, Target = 1m, Programs = ["P"] });
        // Target 1: it already meets it, nothing to add.
        Assert.Equal(RescueNote.AlreadyMeetsTarget, plan.Individual[0].Note);
        Assert.Equal(0, plan.Individual[0].AmountMinorUnits);
        Assert.Null(plan.Individual[0].Stream);
    }

    /// <summary>From 2025 on, P still stalls in 2024 in every run: no amount can bring the probability of stalling by 2026 under 0.1.</summary>
    [Fact]
    public void Plan_StallsBeforeTheLinePays_AmountBlankImpossible()
    {
        var workbook = Workbook([Stream("G", 45_000)], [Program("P", 100_000)], to: 2026);
        var plan = RescuePlan.Create(workbook, new RescueOptions { MonteCarlo = Runs, From = 2025 });
        var rescue = Assert.Single(plan.Individual);
        Assert.Equal(RescueNote.Impossible, rescue.Note);
        Assert.Null(rescue.AmountMinorUnits);
        Assert.Null(rescue.Stream);
        Assert.Empty(plan.Streams);
    }

    /// <summary>
    /// Two programs share a pool of 1,000.00 (A and B need 1,000.00 each, minimum 600.00) under
    /// priority: A is filled first and runs, B gets nothing and stalls. B alone needs 600 yuan.
    /// The alternatives: the same 600 yuan in the pool under priority fills A (1,000.00) and leaves
    /// B exactly its 600.00 minimum, so it runs too; proportional without extra money gives both
    /// 500.00 (both stall, and the rescue step lifts A, priority 1, with the whole pool).
    /// </summary>
    [Fact]
    public void Plan_Alternatives_SameMoneyInThePoolAndOtherPolicies()
    {
        var workbook = Workbook([Stream("G", 100_000)], [Program("A", 100_000, priority: 1), Program("B", 100_000, priority: 2)], policy: "priority", to: 2025);
        var plan = RescuePlan.Create(workbook, new RescueOptions { MonteCarlo = Runs });
        var b = Assert.Single(plan.Individual);
        Assert.Equal("B", b.Program.Id);
        Assert.Equal(60_000, b.AmountMinorUnits);
        Assert.Equal([RescueAlternativeKind.Base, RescueAlternativeKind.Plan, RescueAlternativeKind.SameMoneyInPool, RescueAlternativeKind.Policy, RescueAlternativeKind.Policy, RescueAlternativeKind.Policy, RescueAlternativeKind.Policy],
            plan.Alternatives.Select(a => a.Kind));
        double Stall(RescueAlternative a, string id) => a.StallProbabilities.Single(x => x.Key == id).Value.Value;
        var pooled = plan.Alternatives.Single(a => a.Kind == RescueAlternativeKind.SameMoneyInPool);
        Assert.Equal(0.0, Stall(pooled, "B"));
        Assert.Equal(0.0, Stall(pooled, "A"));
        Assert.Equal(0.0, Stall(plan.Alternatives.Single(a => a.Kind == RescueAlternativeKind.Plan), "B"));
        var proportional = plan.Alternatives.Single(a => a.Policy == "proportional");
        Assert.Equal(0.0, Stall(proportional, "A"));
        Assert.Equal(1.0, Stall(proportional, "B"));
    }

    /// <summary>
    /// The built-in X Street example: the amount found for "Digital skills for all" meets the target
    /// when its line is added to the workbook and simulated again with the same seed and runs (as
    /// <c>edufunds risk</c> does), and one yuan less does not.
    /// </summary>
    [Fact]
    public void Plan_XStreetDigitalSkills_LineMeetsTheTargetAndOneYuanLessDoesNot()
    {
        var workbook = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());
        var monteCarlo = new MonteCarloOptions { Runs = 500, Seed = 3 };
        var plan = RescuePlan.Create(workbook, new RescueOptions { MonteCarlo = monteCarlo, Programs = ["P-DIGITAL"], Alternatives = false });
        var rescue = Assert.Single(plan.Individual);
        Assert.Equal(RescueNote.Found, rescue.Note);
        var line = rescue.Stream!;
        Assert.Equal(0, line.AmountMinorUnits % 100);

        double StallWith(long amount)
        {
            var changed = new FundingStream(line.Id, line.Name, line.Kind, line.Recurrence, EduFunds.Monetary.Money.FromMinorUnits(amount, workbook.Currency),
                line.StartYear, line.EndYear, line.AnnualChange, line.RestrictedTo, line.RenewalProbability, line.AmountCv);
            var book = workbook with { Streams = new EquatableArray<FundingStream>([.. workbook.Streams, changed]) };
            return new RiskAnalyzer().Analyze(ProjectionModel.Create(book), new RiskOptions { MonteCarlo = monteCarlo, TornadoRuns = 0 })
                .Programs.Single(p => p.Program.Id == "P-DIGITAL").StallProbability!.Value.Value;
        }

        Assert.True(StallWith(line.AmountMinorUnits) <= 0.10);
        Assert.True(StallWith(line.AmountMinorUnits - 100) > 0.10);
    }

    /// <summary>
    /// As the hand example above, re-forecast as of the end of 2024, when G brought 1,000.00 in
    /// 2024 (P ran that year): 2024 is known, so the line pays from 2025, and it is the same 150
    /// yuan (450.00 of pool money lifts P to its minimum with it, one yuan less leaves it at 599.00).
    /// Without the ledger's 2024, a line from 2024 would have been needed.
    /// </summary>
    [Fact]
    public void Plan_AsOf_LinePaysFromTheFirstOpenYearAndTheKnownYearStandsAsItHappened()
    {
        var workbook = Workbook([Stream("G", 45_000)], [Program("P", 100_000)], to: 2026) with
        {
            Ledger = new EquatableArray<LedgerEntry>([
                new LedgerEntry(new DateOnly(2024, 3, 1), LedgerEntryType.Receipt, "G", null, EduFunds.Monetary.Money.FromMinorUnits(100_000, EduFunds.Monetary.Currency.Cny), null, null)]),
        };

        var plan = RescuePlan.Create(workbook, new RescueOptions { MonteCarlo = Runs, AsOf = new DateOnly(2024, 12, 31), Alternatives = false });

        var rescue = Assert.Single(plan.Individual);
        Assert.Equal(RescueNote.Found, rescue.Note);
        Assert.Equal(2025, rescue.FromYear);
        Assert.Equal(15_000, rescue.AmountMinorUnits);
        Assert.Equal(1.0, rescue.Before.Value);
        Assert.Equal(0.0, rescue.After!.Value.Value);
        Assert.Equal(1.0, rescue.OneUnitLess!.Value.Value);
        Assert.Equal(2025, rescue.Stream!.StartYear);

        // Had P stalled in the known year, no line from 2025 could meet the target.
        var stalledIn2024 = workbook with { Ledger = new EquatableArray<LedgerEntry>([]) };
        var impossible = RescuePlan.Create(stalledIn2024, new RescueOptions { MonteCarlo = Runs, AsOf = new DateOnly(2024, 12, 31), Alternatives = false });
        Assert.Equal(RescueNote.Impossible, Assert.Single(impossible.Individual).Note);
    }
}

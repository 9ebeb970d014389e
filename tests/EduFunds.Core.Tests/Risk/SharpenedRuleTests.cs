using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Risk;

/// <summary>The risk rules DESIGN.md sharpened after the independent check, each on a workbook computed by hand.</summary>
public class SharpenedRuleTests
{
    private static ProgramRisk Find(RiskResult report, string id) => report.Programs.Single(p => p.Program.Id == id);

    private static TornadoEntry Entry(string id, long received, int? stall, double? effect = null) =>
        new(id, id, received, stall, null, null, effect);

    /// <summary>
    /// Pool G 100,000; P (100,000, priority 1) has nothing else; Q (100,000, priority 2) also has
    /// RQ 30,000 restricted. By hand: proportional shares 100,000 x 100/170 = 58,823 for P (below
    /// its 60,000) and the rest for Q: P stalls in 2024 and again in 2025. Without RQ both get
    /// 50,000 and stall, and the rescue lifts P (priority 1) with the whole 100,000: losing RQ
    /// makes P never stall. Losing G stalls it in 2024, the same year: not earlier. So no loss
    /// qualifies and, without a simulation, P has no key dependency (it used to be G, "0% of
    /// its money" style, or the stall-delaying RQ).
    /// </summary>
    [Fact]
    public void KeyDependency_NoLossStallsItEarlier_NoneAndNeverTheStreamWhoseLossDelaysIt()
    {
        var model = ProjectionModel.Create(Workbook(
            [Stream("G", 100_000), Stream("RQ", 30_000, restrictedTo: ["Q"])],
            [Program("P", 100_000, priority: 1), Program("Q", 100_000, priority: 2)],
            to: 2025));
        var p = Find(new RiskAnalyzer().Analyze(model), "P");
        Assert.Equal(2024, p.FirstStallYear);
        var rq = p.Tornado.Single(t => t.StreamId == "RQ");
        Assert.Null(rq.FirstStallYear);                       // its loss delays the stall for ever
        // Losing G changes nothing for P (it stalls in 2024 either way and got nothing from it).
        Assert.DoesNotContain(p.Tornado, t => t.StreamId == "G");
        Assert.Null(p.KeyDependency);
        Assert.DoesNotContain(p.Reasons, r => r.Kind == RiskReasonKind.KeyDependency);
    }

    [Fact]
    public void KeyDependency_EarlierStalls_SoonestThenMoreMoneyThenId()
    {
        var thresholds = new RiskThresholds();
        // Soonest wins over money.
        Assert.Equal("B", RiskAnalyzer.KeyDependency([(Entry("A", 900, 2026), 1), (Entry("B", 100, 2025), 2)], thresholds)!.StreamId);
        // Same year: the stream that gave more money.
        Assert.Equal("B", RiskAnalyzer.KeyDependency([(Entry("A", 100, 2025), 1), (Entry("B", 200, 2025), 1)], thresholds)!.StreamId);
        // Same year and money: the id in ordinal order, not the stream order ("Z" < "a").
        Assert.Equal("Y", RiskAnalyzer.KeyDependency([(Entry("Z", 100, 2025), 1), (Entry("Y", 100, 2025), 1), (Entry("a", 100, 2025), 1)], thresholds)!.StreamId);
        // A loss that makes the first stall later never qualifies, even with a stall year.
        Assert.Null(RiskAnalyzer.KeyDependency([(Entry("LATE", 500, 2027), -1), (Entry("SAME", 500, 2025), 0)], thresholds));
    }

    [Fact]
    public void KeyDependency_NoEarlierStall_LargestProbabilityIncreaseAmongStreamsThatDoNotDelayIt()
    {
        var thresholds = new RiskThresholds();
        // DELAY raises the probability most but its loss delays the first stall: never named.
        Assert.Equal("UP", RiskAnalyzer.KeyDependency(
            [(Entry("DELAY", 100, 2027, 0.40), -1), (Entry("UP", 100, 2025, 0.20), 0), (Entry("SMALL", 900, null, 0.10), 0)],
            thresholds)!.StreamId);
        // Equal increases: more money, then id.
        Assert.Equal("M", RiskAnalyzer.KeyDependency([(Entry("L", 100, null, 0.2), 0), (Entry("M", 300, null, 0.2), 0)], thresholds)!.StreamId);
        // No increase at all: none.
        Assert.Null(RiskAnalyzer.KeyDependency([(Entry("FLAT", 100, null, 0.0), 0), (Entry("DOWN", 100, null, -0.1), 0)], thresholds));
    }

    /// <summary>
    /// P (100,000) gets O1 (one-off 2024, 30,000) and O2 (one-off 2025, 60,000), both restricted,
    /// and pool money. O1 ends first (covered 30% in 2024), O2 covers more (60% in 2025): the
    /// cliff is O1's, the earlier end year.
    /// </summary>
    [Fact]
    public void FundingCliff_EarlierEndYearBeforeLargerPart()
    {
        var model = ProjectionModel.Create(Workbook(
            [
                Stream("G", 100_000),
                Stream("O2", 60_000, start: 2025, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund, restrictedTo: ["P"]),
                Stream("O1", 30_000, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund, restrictedTo: ["P"]),
            ],
            [Program("P", 100_000)],
            to: 2026));
        var p = Find(new RiskAnalyzer().Analyze(model), "P");
        Assert.Equal(new FundingCliff("O1", "O1", 2024, 2025, 0.3), p.Cliff);
    }

    /// <summary>Same end year: the larger part (40% over 30%); same part too: the id in ordinal order (A2 before B1, whatever the file order).</summary>
    [Fact]
    public void FundingCliff_SameEndYear_LargerPartThenId()
    {
        var larger = ProjectionModel.Create(Workbook(
            [
                Stream("G", 100_000),
                Stream("A1", 30_000, recurrence: Recurrence.OneOff, restrictedTo: ["P"]),
                Stream("B1", 40_000, recurrence: Recurrence.OneOff, restrictedTo: ["P"]),
            ],
            [Program("P", 100_000)],
            to: 2025));
        Assert.Equal("B1", Find(new RiskAnalyzer().Analyze(larger), "P").Cliff!.StreamId);

        var tied = ProjectionModel.Create(Workbook(
            [
                Stream("G", 100_000),
                Stream("B1", 30_000, recurrence: Recurrence.OneOff, restrictedTo: ["P"]),
                Stream("A2", 30_000, recurrence: Recurrence.OneOff, restrictedTo: ["P"]),
            ],
            [Program("P", 100_000)],
            to: 2025));
        Assert.Equal(new FundingCliff("A2", "A2", 2024, 2025, 0.3), Find(new RiskAnalyzer().Analyze(tied), "P").Cliff);
    }

    /// <summary>
    /// P (60,000, ending 2025) has only G (10,000 a year): it stalls in 2024 and, with shelve
    /// after 1, is shelved in 2024. 2025 is inside its years: shelved counts 0 in every run;
    /// 2026 is after its end year: blank, not a 0 from the run in which it was shelved.
    /// </summary>
    [Fact]
    public void FundingRatioPercentiles_ShelvedYearCountsZero_YearsOutsideStartEndBlank()
    {
        var model = ProjectionModel.Create(Workbook(
            [Stream("G", 10_000, renewal: 0.5m)],
            [Program("P", 60_000, end: 2025), Program("LATE", 1_000, start: 2025)],
            to: 2026,
            shelveAfter: 1));
        var result = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 50, Seed = 1 });
        Assert.Equal(0.0, result.FundingRatioPercentile("P", 2024, 0.9));   // stalled in 2024
        Assert.Equal(0.0, result.FundingRatioPercentile("P", 2025, 0.9));   // shelved in 2025: 0
        Assert.Null(result.FundingRatioPercentile("P", 2026, 0.1));         // 2026: after its end year
        Assert.Null(result.FundingRatioPercentile("P", 2026, 0.9));
        Assert.Null(result.FundingRatioPercentile("LATE", 2024, 0.5));         // LATE: before its start year
        Assert.NotNull(result.FundingRatioPercentile("LATE", 2025, 0.5));
    }

    /// <summary>
    /// Three unrestricted streams of 1 minor unit each listed C, B, A; P (cost 2, minimum 1)
    /// gets 2 of the pool of 3. Each stream's exact part is 2/3: floors 0, equal remainders, so
    /// the two units go to the first two ids in ordinal order, A and B.
    /// </summary>
    [Fact]
    public void Attribution_WholeMinorUnitsByLargestRemainder_TiesByStreamId()
    {
        var model = ProjectionModel.Create(Workbook(
            [Stream("C", 1), Stream("B", 1), Stream("A", 1)],
            [Program("P", 2, minRatio: 0.5m)]));
        var p = Find(new RiskAnalyzer().Analyze(model), "P");
        Assert.Equal([("A", 1L), ("B", 1L)], p.Sources.Select(s => (s.StreamId, s.AmountMinorUnits)).OrderBy(s => s.StreamId, StringComparer.Ordinal));
    }

    /// <summary>
    /// Carry-over on. 2024: O1 (one-off 100,000) is the pool, P uses 60,000 and 40,000 carries.
    /// 2025: G (10,000, from 2025) plus the carried 40,000; P gets 50,000 (above its 36,000
    /// minimum). The part above the year's unrestricted stream money, 50,000 - 10,000 = 40,000,
    /// is carry-over; G is credited its 10,000.
    /// </summary>
    [Fact]
    public void Attribution_CarryOver_PartAboveTheYearsStreamMoney()
    {
        var model = ProjectionModel.Create(Workbook(
            [Stream("O1", 100_000, recurrence: Recurrence.OneOff), Stream("G", 10_000, start: 2025)],
            [Program("P", 60_000)],
            to: 2025,
            carryOver: true));
        var p = Find(new RiskAnalyzer().Analyze(model), "P");
        Assert.Equal(
            [("O1", 60_000L), (StreamContribution.CarryOverId, 40_000L), ("G", 10_000L)],
            p.Sources.Select(s => (s.StreamId, s.AmountMinorUnits)));
    }

    /// <summary>
    /// LINE (recurring, restricted to DIGI and OTHER) ends in 2025, before DIGI starts in 2026:
    /// it pays OTHER, never DIGI. DIGI lives on PF (one-off, 150,000 in 2026) and a shrinking pool,
    /// so it shows the pattern: a recurring line that paid it nothing does not count.
    /// </summary>
    [Fact]
    public void DigitalSkillsPattern_RecurringLineThatNeverPaidIt_StillThePattern()
    {
        Workbook Book(int lineEnd) => Workbook(
            [
                Stream("G", 100_000, change: -0.5m),
                Stream("PF", 150_000, start: 2026, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund, restrictedTo: ["DIGI"]),
                Stream("LINE", 10_000, end: lineEnd, restrictedTo: ["DIGI", "OTHER"]),
            ],
            [Program("DIGI", 200_000, start: 2026), Program("OTHER", 5_000, end: 2025)],
            to: 2027);
        var never = Find(new RiskAnalyzer().Analyze(ProjectionModel.Create(Book(2025))), "DIGI");
        Assert.True(never.DigitalSkillsPattern);
        var paid = Find(new RiskAnalyzer().Analyze(ProjectionModel.Create(Book(2026))), "DIGI");
        Assert.False(paid.DigitalSkillsPattern);
    }
}

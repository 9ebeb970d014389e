using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Risk;

public class RiskIndicatorTests
{
    private const double Exact = 1e-12;

    /// <summary>
    /// R1 (recurring, 60,000) and O1 (one-off 2024, 40,000) fill the pool of one program that
    /// needs 100,000 (minimum 60,000) in 2024 and 2025. By hand: 2024 it gets 100,000
    /// (60,000 from R1, 40,000 from O1), 2025 60,000 from R1.
    /// </summary>
    private static ProjectionModel PooledModel() => ProjectionModel.Create(Workbook(
        [Stream("R1", 60_000), Stream("O1", 40_000, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund)],
        [Program("P", 100_000)],
        to: 2025));

    /// <summary>
    /// G: recurring pool money 100,000 halving each year; PF: one-off 150,000 restricted to
    /// DIGI in 2024. DIGI (basic, 200,000, priority 2) and CARE (20,000, priority 1), 2024-2026.
    /// By hand: 2024 both funded (DIGI 150,000 restricted + 50,000 pool); 2025 pool 50,000:
    /// both fall short, the rescue lifts CARE only, DIGI stalls; 2026 (pool 25,000) the same,
    /// so DIGI is shelved in 2026.
    /// </summary>
    internal static ProjectionModel DigitalModel(decimal renewal = 1m) => ProjectionModel.Create(Workbook(
        [
            Stream("G", 100_000, change: -0.5m, renewal: renewal),
            Stream("PF", 150_000, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund, restrictedTo: ["DIGI"]),
        ],
        [Program("DIGI", 200_000, priority: 2), Program("CARE", 20_000, priority: 1)],
        to: 2026));

    private static ProgramRisk Find(RiskResult report, string id) => report.Programs.Single(p => p.Program.Id == id);

    [Fact]
    public void Analyze_PooledMoney_AttributesPoolSharesToStreamsByTheirAmounts()
    {
        var report = new RiskAnalyzer().Analyze(PooledModel(), RiskOptions.WithoutSimulation);
        var p = Find(report, "P");
        Assert.Equal(160_000, p.ReceivedMinorUnits);
        Assert.Equal(["R1", "O1"], p.Sources.Select(s => s.StreamId));
        Assert.Equal([120_000L, 40_000L], p.Sources.Select(s => s.AmountMinorUnits));
        Assert.Equal(0.25, p.OneOffShare!.Value, Exact);
        Assert.Equal(0.625, p.Concentration!.Value, Exact);   // 0.75^2 + 0.25^2
        Assert.Equal(1.6, p.EffectiveSources!.Value, Exact);
    }

    [Fact]
    public void Analyze_PooledMoney_CoverageHeadroomGapAndCliffByHand()
    {
        var p = Find(new RiskAnalyzer().Analyze(PooledModel(), RiskOptions.WithoutSimulation), "P");
        Assert.Equal(2024, p.FirstYear);
        Assert.Equal(1.0, p.FirstCoverage!.Value, Exact);
        Assert.Equal(0.6, p.LowestCoverage!.Value, Exact);
        Assert.Equal(2025, p.LowestCoverageYear);
        Assert.Equal(0.4, p.Headroom!.Value, Exact);           // (100,000 - 60,000) / 100,000
        Assert.Equal(40_000, p.StructuralGapMinorUnits);                 // 100,000 - 60,000 recurring
        Assert.Equal(new FundingCliff("O1", "O1", 2024, 2025, 0.4), p.Cliff);
        Assert.Null(p.FirstStallYear);
        Assert.Equal(RiskLevel.Low, p.Level);
        Assert.False(p.DigitalSkillsPattern);                  // only 25% one-off
        Assert.Empty(p.Reasons);
    }

    [Fact]
    public void Analyze_CarryOverOnly_AttributesToCarryOverSource()
    {
        // 2024: 100,000 one-off pool money, the program uses 60,000 and 40,000 carries over;
        // 2025: only the carried 40,000 is left (>= its minimum of 36,000).
        var model = ProjectionModel.Create(Workbook(
            [Stream("O1", 100_000, recurrence: Recurrence.OneOff)],
            [Program("P", 60_000)],
            to: 2025,
            carryOver: true));
        var p = Find(new RiskAnalyzer().Analyze(model, RiskOptions.WithoutSimulation), "P");
        Assert.Equal(100_000, p.ReceivedMinorUnits);
        Assert.Equal([("O1", 60_000L), (StreamContribution.CarryOverId, 40_000L)], p.Sources.Select(s => (s.StreamId, s.AmountMinorUnits)));
        Assert.Null(p.Sources[1].Recurrence);
        Assert.Equal(0.6, p.OneOffShare!.Value, Exact);
    }

    [Fact]
    public void Analyze_DigitalModel_IndicatorsByHand()
    {
        var report = new RiskAnalyzer().Analyze(DigitalModel(), RiskOptions.WithoutSimulation);
        var digi = Find(report, "DIGI");
        Assert.Equal(1, digi.Rank);
        Assert.Equal(RiskLevel.High, digi.Level);
        Assert.Equal(200_000, digi.ReceivedMinorUnits);                  // 150,000 PF + 50,000 of G's pool money
        Assert.Equal(0.75, digi.OneOffShare!.Value, Exact);
        Assert.Equal(0.625, digi.Concentration!.Value, Exact);
        Assert.Equal(0.0, digi.LowestCoverage!.Value, Exact);
        Assert.Equal(2025, digi.LowestCoverageYear);
        Assert.Equal(0.4, digi.Headroom!.Value, Exact);
        Assert.Equal(150_000, digi.StructuralGapMinorUnits);
        Assert.Equal(new FundingCliff("PF", "PF", 2024, 2025, 0.75), digi.Cliff);
        Assert.Equal(2025, digi.FirstStallYear);
        Assert.Equal(2026, digi.ShelvedYear);
        Assert.True(digi.DigitalSkillsPattern);
        Assert.True(report.PoolShrinks);
        Assert.Equal(100_000, report.FirstYearUnrestrictedMinorUnits);
        Assert.Equal(25_000, report.LastYearUnrestrictedMinorUnits);
    }

    [Fact]
    public void Analyze_DigitalModel_KeyDependencyIsTheStreamWhoseLossStallsItSoonest()
    {
        var report = new RiskAnalyzer().Analyze(DigitalModel(), RiskOptions.WithoutSimulation);
        var digi = Find(report, "DIGI");
        // Without PF, DIGI cannot reach its minimum already in 2024; without G it still runs in 2024.
        Assert.Equal("PF", digi.KeyDependency!.StreamId);
        Assert.Equal(2024, digi.KeyDependency.FirstStallYear);
        Assert.Equal(["PF", "G"], digi.Tornado.Select(t => t.StreamId));
        Assert.Equal(2025, digi.Tornado[1].FirstStallYear);
        var care = Find(report, "CARE");
        Assert.Equal("G", care.KeyDependency!.StreamId);       // without G CARE has nothing
        Assert.Equal(2024, care.KeyDependency.FirstStallYear);
        Assert.Equal(RiskLevel.Low, care.Level);
        Assert.Null(care.StructuralGapMinorUnits);                       // G pays all of its need
    }

    [Fact]
    public void Analyze_DigitalModel_ReasonsBuiltFromTheNumbers()
    {
        var digi = Find(new RiskAnalyzer().Analyze(DigitalModel(), RiskOptions.WithoutSimulation), "DIGI");
        Assert.Equal(
            [RiskReasonKind.OneOffShare, RiskReasonKind.FundingCliff, RiskReasonKind.StructuralGap, RiskReasonKind.Stalls, RiskReasonKind.KeyDependency, RiskReasonKind.DigitalSkillsPattern],
            digi.Reasons.Select(r => r.Kind));
        Assert.Equal("75% of its money is one-off", digi.Reasons[0].Text);
        Assert.Equal("PF (PF) ends in 2024 and covered 75% of its need that year", digi.Reasons[1].Text);
        Assert.Equal("recurring money leaves 75% of its 2024 need uncovered (a structural gap of CNY 1500.00)", digi.Reasons[2].Text);
        Assert.Equal("it stalls in 2025 and is shelved in 2026", digi.Reasons[3].Text);
        Assert.Equal("losing PF (PF) would make it stall in 2024", digi.Reasons[4].Text);
        Assert.StartsWith("digital-skills pattern: a basic service living on one-off money (75%)", digi.Reasons[5].Text);
        Assert.Contains("from CNY 1000.00 in 2024 to CNY 250.00 in 2026", digi.Reasons[5].Text);
        Assert.Equal(150_000, digi.Reasons[2].AmountMinorUnits);
        Assert.Equal(2025, digi.Reasons[3].Year);
        Assert.Equal(2026, digi.Reasons[3].SecondYear);
        Assert.StartsWith("75% of its money is one-off; PF (PF) ends in 2024", digi.Summary);
    }

    [Fact]
    public void Analyze_ReasonShares_SmallGapsAndCliffsAreIndicatorsOnly()
    {
        var thresholds = new RiskThresholds { GapReasonShare = 0.8, CliffReasonShare = 0.8 };
        var digi = Find(new RiskAnalyzer().Analyze(DigitalModel().Project(), thresholds), "DIGI");
        Assert.Equal(150_000, digi.StructuralGapMinorUnits);               // 75% of the need: below the 80% asked
        Assert.NotNull(digi.Cliff);
        Assert.DoesNotContain(digi.Reasons, r => r.Kind is RiskReasonKind.StructuralGap or RiskReasonKind.FundingCliff);
    }

    [Fact]
    public void Analyze_WithMonteCarlo_StallProbabilitiesAndTornadoEffects()
    {
        // G is renewed with probability 0.9 a year: CARE stalls when G is cut (it has nothing else).
        var options = new RiskOptions { MonteCarlo = new MonteCarloOptions { Runs = 4000, Seed = 3 }, TornadoRuns = 2000 };
        var report = new RiskAnalyzer().Analyze(DigitalModel(renewal: 0.9m), options);
        var digi = Find(report, "DIGI");
        Assert.Equal(1.0, digi.StallProbability!.Value.Value);  // stalls in every run: G alone never lifts it
        var care = Find(report, "CARE");
        // CARE stalls exactly when G is cut in 2025 or 2026: 1 - 0.9^2.
        var expected = 1 - (0.9 * 0.9);
        Assert.Equal(expected, care.StallProbability!.Value.Value, 5 * Math.Sqrt(expected * (1 - expected) / 4000));
        var lossOfG = care.Tornado.Single(t => t.StreamId == "G");
        Assert.Equal(1.0, lossOfG.StallProbability!.Value.Value);
        Assert.Equal(2000, report.TornadoRuns);
        Assert.Equal(2, report.TornadoStreams);
        Assert.Contains("(stall probability 1.00 +/- 0.00, shelve probability 1.00 +/- 0.00)", digi.Reasons.Single(r => r.Kind == RiskReasonKind.Stalls).Text);
        Assert.NotNull(report.ExpectedStalledPrograms);
    }

    [Fact]
    public void Analyze_StallProbabilityThresholds_SetTheLevel()
    {
        var options = new RiskOptions
        {
            MonteCarlo = new MonteCarloOptions { Runs = 2000, Seed = 3 },
            TornadoRuns = 0,
            Thresholds = new RiskThresholds { HighStallProbability = 0.15, ElevatedHeadroom = -1 },
        };
        var care = Find(new RiskAnalyzer().Analyze(DigitalModel(renewal: 0.9m), options), "CARE");
        Assert.Equal(RiskLevel.High, care.Level);              // 0.19 >= 0.15
        Assert.Contains(care.Reasons, r => r.Kind == RiskReasonKind.StallProbability);
    }

    [Fact]
    public void Analyze_ProgramThatReceivesNothing_RatiosBlankAndNoFlagFromThem()
    {
        var model = ProjectionModel.Create(Workbook([Stream("G", 10_000)], [Program("A", 10_000), Program("B", 1_000_000, start: 2025)], to: 2024));
        var b = Find(new RiskAnalyzer().Analyze(model, RiskOptions.WithoutSimulation), "B");
        Assert.Null(b.OneOffShare);
        Assert.Null(b.Concentration);
        Assert.Null(b.EffectiveSources);
        Assert.Null(b.FirstCoverage);
        Assert.Null(b.Headroom);
        Assert.Equal(RiskLevel.Low, b.Level);
    }

    [Fact]
    public void Analyze_RecurringRestrictedStreamPays_NoPattern()
    {
        var model = ProjectionModel.Create(Workbook(
            [
                Stream("G", 100_000, change: -0.5m),
                Stream("PF", 150_000, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund, restrictedTo: ["DIGI"]),
                Stream("LINE", 10_000, restrictedTo: ["DIGI"]),
            ],
            [Program("DIGI", 200_000)],
            to: 2026));
        var digi = Find(new RiskAnalyzer().Analyze(model, RiskOptions.WithoutSimulation), "DIGI");
        Assert.True(digi.OneOffShare >= 0.5);
        Assert.False(digi.DigitalSkillsPattern);
    }

    [Fact]
    public void Analyze_FlagshipProgram_NeverThePattern()
    {
        var model = ProjectionModel.Create(Workbook(
            [Stream("G", 100_000, change: -0.5m), Stream("SP", 150_000, recurrence: Recurrence.OneOff, kind: StreamKind.Sponsorship, restrictedTo: ["FEST"])],
            [Program("FEST", 200_000, category: EduFunds.Model.ProgramCategory.Flagship)],
            to: 2026));
        Assert.False(Find(new RiskAnalyzer().Analyze(model, RiskOptions.WithoutSimulation), "FEST").DigitalSkillsPattern);
    }

    [Fact]
    public void Analyze_Projection_WithoutModelHasNoTornado()
    {
        var projection = DigitalModel().Project();
        var report = new RiskAnalyzer().Analyze(projection);
        var digi = Find(report, "DIGI");
        Assert.Null(digi.KeyDependency);
        Assert.Empty(digi.Tornado);
        Assert.Equal(RiskLevel.High, digi.Level);
        Assert.Equal(1, report.HighCount);
    }

    [Fact]
    public void Validate_ThresholdOutsideZeroOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RiskThresholds { HighStallProbability = 1.5 }.Validate());
    }
}

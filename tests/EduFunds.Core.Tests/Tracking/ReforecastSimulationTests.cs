using EduFunds.Core.Tests.Simulation;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Risk;
using EduFunds.Simulation;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

/// <summary>
/// The re-forecast simulated: known years certain, later years drawn as usual, checked run by
/// run against the keyed draws.
/// </summary>
public class ReforecastSimulationTests
{
    private const long Seed = 11;
    private const int Runs = 4000;

    /// <summary>
    /// 2023-2026. P1 (cost 100,000.00, minimum 60,000.00) lives on PF (100,000.00 a year,
    /// restricted to it, renewed with probability 0.5). When PF is cut, the pool (DG, 50,000.00)
    /// cannot lift P1 to its minimum: P1 stalls in every year PF does not pay, and in no other.
    /// P2 (cost 50,000.00, priority 2) always runs on the pool.
    /// </summary>
    private static Workbook CoinFlipWorkbook(params LedgerEntry[] ledger) => Workbook(from: 2023, to: 2026) with
    {
        Streams = new EquatableArray<FundingStream>(
        [
            Stream("DG", 5_000_000),
            new FundingStream("PF", "PF name", StreamKind.ProjectFund, Recurrence.Recurring, Money.FromMinorUnits(10_000_000, Currency.Cny), 2023, null, 0m, new EquatableArray<string>(["P1"]), 0.5m, 0m),
        ]),
        Programs = new EquatableArray<EducationProgram>([Program("P1", 10_000_000), Program("P2", 5_000_000, priority: 2)]),
        Ledger = new EquatableArray<LedgerEntry>(ledger),
    };

    /// <summary>Runs in which PF's renewal draw fails in one of the years (the keyed draws of DESIGN.md).</summary>
    private static int RunsCutIn(params int[] years)
    {
        var key = RandomMapping.StreamKey("PF");
        var count = 0;
        for (var run = 0; run < Runs; run++)
        {
            var streamRun = RandomMapping.StreamRunKey(RandomMapping.RunKey(Seed, run), key);
            if (years.Any(y => RandomMapping.Cell(streamRun, y).RenewalUniform() >= 0.5))
            {
                count++;
            }
        }

        return count;
    }

    private static MonteCarloOptions Options(int? threads = null) => new() { Runs = Runs, Seed = Seed, MaxDegreeOfParallelism = threads };

    [Fact]
    public void Simulate_Plain_StallsWheneverPfIsCutIn2024To2026()
    {
        var model = ProjectionModel.Create(CoinFlipWorkbook());

        var result = new MonteCarloSimulator().Simulate(model, Options());

        Assert.Equal(RunsCutIn(2024, 2025, 2026), result.StallProbability("P1").Count); // about 7/8 of the runs
        Assert.Equal(0, result.StallProbability("P2").Count);
    }

    [Fact]
    public void Simulate_AsOfEndOf2024WithPfReceived_OnlyTheDrawsOf2025And2026Count()
    {
        var workbook = CoinFlipWorkbook(
            Receipt("2023-03-01", "PF", 10_000_000), Receipt("2023-03-01", "DG", 5_000_000),
            Receipt("2024-03-01", "PF", 10_000_000), Receipt("2024-03-01", "DG", 5_000_000));
        var reforecast = Reforecast.Create(ProjectionModel.Create(workbook), workbook.Ledger, Date("2024-12-31"));

        var result = new MonteCarloSimulator().Simulate(reforecast.ForecastModel, Options());

        // 2024 is known: a failed 2024 draw no longer counts, the draws of 2025 and 2026 are the plain run's.
        Assert.Equal(2024, reforecast.ForecastModel.KnownThrough);
        Assert.Empty(reforecast.CutStreams);
        Assert.Equal(RunsCutIn(2025, 2026), result.StallProbability("P1").Count); // about 3/4
        Assert.True(RunsCutIn(2025, 2026) < RunsCutIn(2024, 2025, 2026));
        Assert.Equal(0, result.StalledBy("P1", 2024).Count);
    }

    [Fact]
    public void Simulate_AsOfInside2025WithPfReceived_TheCurrentYearIsCertain()
    {
        var workbook = CoinFlipWorkbook(
            Receipt("2023-03-01", "PF", 10_000_000), Receipt("2024-03-01", "PF", 10_000_000), Receipt("2025-03-01", "PF", 4_000_000),
            Receipt("2023-03-01", "DG", 5_000_000), Receipt("2024-03-01", "DG", 5_000_000));
        var reforecast = Reforecast.Create(ProjectionModel.Create(workbook), workbook.Ledger, Date("2025-06-30"));

        var result = new MonteCarloSimulator().Simulate(reforecast.ForecastModel, Options());

        // 2025 counts the larger of plan (100,000.00) and received (40,000.00), for certain.
        Assert.Equal(2025, reforecast.ForecastModel.KnownThrough);
        Assert.Equal(RunsCutIn(2026), result.StallProbability("P1").Count); // about 1/2
        Assert.Equal(0, result.StalledBy("P1", 2025).Count);
    }

    [Fact]
    public void Simulate_AsOfEndOf2024WithPfMissingIn2024_PfIsCutAndP1StallsInEveryRun()
    {
        var workbook = CoinFlipWorkbook(Receipt("2023-03-01", "PF", 10_000_000), Receipt("2023-03-01", "DG", 5_000_000), Receipt("2024-03-01", "DG", 5_000_000));
        var reforecast = Reforecast.Create(ProjectionModel.Create(workbook), workbook.Ledger, Date("2024-12-31"));

        var result = new MonteCarloSimulator().Simulate(reforecast.ForecastModel, Options());
        var projection = reforecast.Project();

        Assert.Equal(["PF"], reforecast.CutStreams);
        Assert.Equal(Runs, result.StallProbability("P1").Count);
        Assert.Equal(Runs, result.StalledBy("P1", 2024).Count);
        Assert.Equal(ReforecastBasis.Cut, reforecast.Details.Single(d => d.Year == 2025 && d.StreamId == "PF").Basis);
        Assert.Equal(0, reforecast.Amounts[(2 * 2) + 1]);              // PF in 2025
        Assert.Equal(ProgramStatus.Shelved, projection.Get("P1", 2026).Status); // stalled 2024 and 2025
    }

    [Fact]
    public void Create_PfMissingIn2024ButPaidAgainIn2025_IsNotCut()
    {
        var workbook = CoinFlipWorkbook(
            Receipt("2023-03-01", "PF", 10_000_000), Receipt("2025-02-01", "PF", 1_000_000),
            Receipt("2023-03-01", "DG", 5_000_000), Receipt("2024-03-01", "DG", 5_000_000));
        var reforecast = Reforecast.Create(ProjectionModel.Create(workbook), workbook.Ledger, Date("2025-03-31"));

        Assert.Empty(reforecast.CutStreams);
        Assert.Equal(10_000_000, reforecast.Amounts[(2 * 2) + 1]); // 2025: the larger of plan and received
        Assert.Equal(10_000_000, reforecast.Amounts[(3 * 2) + 1]); // 2026: planned
    }

    [Fact]
    public void Simulate_Reforecast_OneOrThreeThreadsAndRunRanges_IdenticalResults()
    {
        var workbook = CoinFlipWorkbook(Receipt("2023-03-01", "PF", 10_000_000), Receipt("2024-03-01", "PF", 10_000_000)) with
        {
            Streams = new EquatableArray<FundingStream>(
            [
                new FundingStream("DG", "DG name", StreamKind.DistrictGrant, Recurrence.Recurring, Money.FromMinorUnits(5_000_000, Currency.Cny), 2023, null, 0m, EquatableArray<string>.Empty, 0.9m, 0.3m),
                new FundingStream("PF", "PF name", StreamKind.ProjectFund, Recurrence.Recurring, Money.FromMinorUnits(10_000_000, Currency.Cny), 2023, null, 0m, new EquatableArray<string>(["P1"]), 0.7m, 0.2m),
            ]),
        };
        var model = Reforecast.Create(ProjectionModel.Create(workbook), workbook.Ledger, Date("2024-12-31")).ForecastModel;
        var simulator = new MonteCarloSimulator();

        var one = simulator.Simulate(model, Options(1));
        var three = simulator.Simulate(model, Options(3));
        var head = simulator.Simulate(model, new MonteCarloOptions { Runs = 1500, Seed = Seed });
        var tail = simulator.Simulate(model, new MonteCarloOptions { Runs = Runs - 1500, Seed = Seed, FirstRun = 1500 });

        Assert.Equal(MonteCarloSimulatorTests.Snapshot(one), MonteCarloSimulatorTests.Snapshot(three));
        Assert.Equal(MonteCarloSimulatorTests.Snapshot(one), MonteCarloSimulatorTests.Snapshot(SimulationResult.Merge(head, tail)));
        Assert.NotEqual(
            MonteCarloSimulatorTests.Snapshot(one),
            MonteCarloSimulatorTests.Snapshot(simulator.Simulate(ProjectionModel.Create(workbook), Options(1))));
    }

    [Fact]
    public void Merge_PlainAndReforecastResults_Refused()
    {
        var workbook = CoinFlipWorkbook(Receipt("2023-03-01", "PF", 10_000_000), Receipt("2024-03-01", "PF", 10_000_000), Receipt("2023-03-01", "DG", 5_000_000), Receipt("2024-03-01", "DG", 5_000_000));
        var plain = ProjectionModel.Create(workbook);
        var forecast = Reforecast.Create(plain, workbook.Ledger, Date("2024-12-31")).ForecastModel;
        var simulator = new MonteCarloSimulator();

        var head = simulator.Simulate(plain, new MonteCarloOptions { Runs = 100, Seed = Seed });
        var tail = simulator.Simulate(forecast, new MonteCarloOptions { Runs = 100, Seed = Seed, FirstRun = 100 });

        // The amounts are the plan's in this ledger; the known years alone keep them apart.
        Assert.Equal(plain.PlannedAmounts.ToArray(), forecast.PlannedAmounts.ToArray());
        Assert.Equal("workbook streams", Assert.Throws<SimulationMergeException>(() => SimulationResult.Merge(head, tail)).Field);
    }

    [Fact]
    public void Analyze_ForecastModel_TornadoLosesAStreamOnlyAfterTheKnownYears()
    {
        var workbook = CoinFlipWorkbook(
            Receipt("2023-03-01", "PF", 10_000_000), Receipt("2023-03-01", "DG", 5_000_000),
            Receipt("2024-03-01", "PF", 10_000_000), Receipt("2024-03-01", "DG", 5_000_000));
        var forecast = Reforecast.Create(ProjectionModel.Create(workbook), workbook.Ledger, Date("2024-12-31")).ForecastModel;

        var risk = new RiskAnalyzer().Analyze(forecast, new RiskOptions { MonteCarlo = Options(), TornadoRuns = 500 });

        var p1 = risk.Programs.Single(p => p.Program.Id == "P1");
        Assert.Equal(RunsCutIn(2025, 2026), p1.StallProbability!.Value.Count);
        Assert.Null(p1.FirstStallYear);
        // Without PF from 2025 (the received 2023 and 2024 stay), P1 first stalls in 2025, not 2023.
        Assert.Equal("PF", p1.KeyDependency?.StreamId);
        Assert.Equal(2025, p1.KeyDependency?.FirstStallYear);
    }
}

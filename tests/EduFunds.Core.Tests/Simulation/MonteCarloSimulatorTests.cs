using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Simulation;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Simulation;

public class MonteCarloSimulatorTests
{
    private const double Sigmas = 5.0;

    private static ProjectionModel SingleStreamModel(decimal renewal, Recurrence recurrence = Recurrence.Recurring, int streamStart = 2023, int years = 5)
    {
        var stream = Stream("S", 100_000, start: streamStart, end: recurrence == Recurrence.OneOff ? 2024 + years - 1 : null, recurrence: recurrence, renewal: renewal);
        var program = Program("P", 100_000);
        return ProjectionModel.Create(Workbook([stream], [program], from: 2024, to: 2024 + years - 1, shelveAfter: 0));
    }

    private static double Tolerance(double p, long runs) => Sigmas * Math.Sqrt(p * (1 - p) / runs);

    [Theory]
    [InlineData(0.9)]
    [InlineData(0.97)]
    public void Simulate_RecurringStreamAloneFundsProgram_StallProbabilityMatchesClosedForm(double q)
    {
        // The stream started before the first year, so every projection year is a year after
        // its start: it survives year k (0-based) with probability q^(k+1), and the program
        // (which needs all of it) stalls by year k with probability 1 - q^(k+1).
        var model = SingleStreamModel((decimal)q);
        var result = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 20_000, Seed = 11 });
        for (var k = 0; k < 5; k++)
        {
            var expected = 1 - Math.Pow(q, k + 1);
            var estimate = result.StalledByAt(0, k);
            Assert.Equal(expected, estimate.Value, Tolerance(expected, result.Runs));
        }

        var firstStall = 1 - q;
        Assert.Equal(firstStall, result.FirstStallInAt(0, 0).Value, Tolerance(firstStall, result.Runs));
    }

    [Fact]
    public void Simulate_StreamStartsInFirstYear_NoRenewalDrawInItsStartYear()
    {
        var q = 0.8;
        var model = SingleStreamModel((decimal)q, streamStart: 2024, years: 3);
        var result = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 20_000, Seed = 3 });
        Assert.Equal(0, result.FirstStallInAt(0, 0).Count);
        var expected = 1 - (q * q);
        Assert.Equal(expected, result.StallProbabilityAt(0).Value, Tolerance(expected, result.Runs));
    }

    [Fact]
    public void Simulate_OneOffStreamEachYear_ComesIndependently()
    {
        // One-off money scheduled in each of 3 years: each year comes with probability q on its own.
        var q = 0.7;
        var model = SingleStreamModel((decimal)q, Recurrence.OneOff, streamStart: 2024, years: 3);
        var result = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 20_000, Seed = 5 });
        var expected = 1 - Math.Pow(q, 3);
        Assert.Equal(expected, result.StallProbabilityAt(0).Value, Tolerance(expected, result.Runs));
        Assert.Equal(1 - q, result.FirstStallInAt(0, 0).Value, Tolerance(1 - q, result.Runs));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.4)]
    public void Fill_LognormalNoise_MeanOneAndStatedCv(double cv)
    {
        const long amount = 10_000_000_000L;
        var stream = Stream("S", amount, start: 2024, cv: (decimal)cv);
        var model = ProjectionModel.Create(Workbook([stream], [Program("P", 1000)], from: 2024, to: 2024));
        var sampler = new RunSampler(model, []);
        var scratch = sampler.CreateScratch();
        var buffer = new long[1];
        const int n = 100_000;
        var factors = new double[n];
        for (var i = 0; i < n; i++)
        {
            sampler.Fill(9, i, buffer, scratch);
            factors[i] = (double)buffer[0] / amount;
        }

        var mean = factors.Average();
        var m2 = factors.Select(f => (f - mean) * (f - mean)).Average();
        var m4 = factors.Select(f => Math.Pow(f - mean, 4)).Average();
        // Standard error of the mean: sd / sqrt(n); of the variance: sqrt((m4 - m2^2) / n).
        Assert.Equal(1.0, mean, Sigmas * Math.Sqrt(m2 / n));
        Assert.Equal(cv * cv, m2, Sigmas * Math.Sqrt((m4 - (m2 * m2)) / n));
    }

    [Fact]
    public void Fill_SameSeedAndRun_SameAmountsWhateverElseWasDrawn()
    {
        var model = NoisyModel();
        var sampler = new RunSampler(model, []);
        var first = new long[sampler.AmountCount];
        var again = new long[sampler.AmountCount];
        var scratch = sampler.CreateScratch();
        sampler.Fill(5, 17, first, scratch);
        sampler.Fill(5, 3, again, scratch);
        sampler.Fill(5, 17, again, sampler.CreateScratch());
        Assert.Equal(first, again);
        sampler.Fill(5, 18, again, scratch);
        Assert.NotEqual(first, again);
    }

    [Fact]
    public void Fill_DeterministicStream_CopiesPlannedAmounts()
    {
        var model = ProjectionModel.Create(Workbook([Stream("S", 12_345, start: 2024, change: 0.1m)], [Program("P", 1000)], from: 2024, to: 2026));
        var sampler = new RunSampler(model, []);
        var buffer = new long[3];
        sampler.Fill(1, 0, buffer, sampler.CreateScratch());
        Assert.Equal(model.PlannedAmounts.ToArray(), buffer);
    }

    [Fact]
    public void Fill_UncertainTrend_AppliesDrawnChangeFromItsYear()
    {
        var model = ProjectionModel.Create(Workbook([Stream("S", 1_000_000_000, start: 2024)], [Program("P", 1000)], from: 2024, to: 2026));
        var trend = new UncertainTrend(StreamKind.DistrictGrant, TrendShape.Triangular, -0.2, -0.1, 0.0, From: 2025);
        var sampler = new RunSampler(model, [trend]);
        var buffer = new long[3];
        sampler.Fill(1, 0, buffer, sampler.CreateScratch());
        Assert.Equal(1_000_000_000, buffer[0]);
        var g = (buffer[1] / 1_000_000_000.0) - 1;
        Assert.InRange(g, -0.2, 0.0);
        Assert.Equal(1_000_000_000 * (1 + g) * (1 + g), buffer[2], 2.0);
    }

    [Theory]
    [InlineData(TrendShape.Triangular)]
    [InlineData(TrendShape.Pert)]
    public void Sample_Trend_MeanMatchesDistribution(TrendShape shape)
    {
        var trend = new UncertainTrend(StreamKind.DistrictGrant, shape, -0.15, -0.05, 0.02);
        const int n = 100_000;
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var random = RandomSource.Create(2, i, 0);
            values[i] = trend.Sample(ref random);
            Assert.InRange(values[i], -0.15, 0.02);
        }

        var expected = shape == TrendShape.Triangular ? (-0.15 - 0.05 + 0.02) / 3 : (-0.15 + (4 * -0.05) + 0.02) / 6;
        var mean = values.Average();
        var sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        Assert.Equal(expected, mean, Sigmas * sd / Math.Sqrt(n));
    }

    [Fact]
    public void Simulate_OneOrFourThreads_IdenticalResults()
    {
        var model = NoisyModel();
        var one = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 3000, Seed = 77, MaxDegreeOfParallelism = 1 });
        var four = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 3000, Seed = 77, MaxDegreeOfParallelism = 4 });
        Assert.Equal(Snapshot(one), Snapshot(four));
    }

    [FsCheck.Xunit.Property(MaxTest = 8)]
    public bool Simulate_AnySeedAndSplit_ThreadsAndRunRangesDoNotChangeTheResult(long seed, byte split)
    {
        var model = NoisyModel();
        var simulator = new MonteCarloSimulator();
        const int runs = 300;
        var k = 1 + (split % (runs - 1));
        var one = simulator.Simulate(model, new MonteCarloOptions { Runs = runs, Seed = seed, MaxDegreeOfParallelism = 1 });
        var three = simulator.Simulate(model, new MonteCarloOptions { Runs = runs, Seed = seed, MaxDegreeOfParallelism = 3 });
        var head = simulator.Simulate(model, new MonteCarloOptions { Runs = k, Seed = seed });
        var tail = simulator.Simulate(model, new MonteCarloOptions { Runs = runs - k, Seed = seed, FirstRun = k });
        var snapshot = Snapshot(one);
        return snapshot == Snapshot(three) && snapshot == Snapshot(SimulationResult.Merge(head, tail));
    }

    [Fact]
    public void Merge_TwoConsecutiveRunRanges_EqualsOneSimulationOfTheUnion()
    {
        var model = NoisyModel();
        var simulator = new MonteCarloSimulator();
        var whole = simulator.Simulate(model, new MonteCarloOptions { Runs = 2500, Seed = 8 });
        var head = simulator.Simulate(model, new MonteCarloOptions { Runs = 1000, Seed = 8 });
        var tail = simulator.Simulate(model, new MonteCarloOptions { Runs = 1500, Seed = 8, FirstRun = 1000 });
        var merged = SimulationResult.Merge(tail, head);
        Assert.Equal(0, merged.FirstRun);
        Assert.Equal(2500, merged.Runs);
        Assert.Equal(Snapshot(whole), Snapshot(merged));
    }

    [Fact]
    public void Merge_RangesThatDoNotMeet_Throws()
    {
        var model = NoisyModel();
        var simulator = new MonteCarloSimulator();
        var head = simulator.Simulate(model, new MonteCarloOptions { Runs = 100, Seed = 8 });
        var gap = simulator.Simulate(model, new MonteCarloOptions { Runs = 100, Seed = 8, FirstRun = 200 });
        var otherSeed = simulator.Simulate(model, new MonteCarloOptions { Runs = 100, Seed = 9, FirstRun = 100 });
        Assert.Equal("run range", Assert.Throws<SimulationMergeException>(() => SimulationResult.Merge(head, gap)).Field);
        Assert.Equal("seed", Assert.Throws<SimulationMergeException>(() => SimulationResult.Merge(head, otherSeed)).Field);
    }

    [Fact]
    public void Simulate_Precision_StopsAtBatchWhenEveryHalfWidthIsSmallEnough()
    {
        var model = NoisyModel();
        var options = new MonteCarloOptions { Precision = 0.02, BatchSize = 500, MaxRuns = 50_000, Seed = 4 };
        var result = new MonteCarloSimulator().Simulate(model, options);
        Assert.True(result.PrecisionReached);
        Assert.Equal(0, result.Runs % 500);
        Assert.True(result.MaxStallHalfWidth() <= 0.02);
        var oneBatchLess = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = (int)result.Runs - 500, Seed = 4 });
        Assert.True(oneBatchLess.MaxStallHalfWidth() > 0.02);
        Assert.False(new MonteCarloSimulator().Simulate(model, options with { MaxRuns = (int)result.Runs - 500 }).PrecisionReached);
    }

    [Fact]
    public void Simulate_PrecisionNotReachable_StopsAtMaxRuns()
    {
        var model = NoisyModel();
        var result = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Precision = 0.001, BatchSize = 300, MaxRuns = 1000, Seed = 4 });
        Assert.False(result.PrecisionReached);
        Assert.Equal(1000, result.Runs);
        Assert.False(new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 1000, Seed = 4 }).PrecisionReached); // a fixed number of runs has no target
    }

    [Fact]
    public void Simulate_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new MonteCarloSimulator().Simulate(NoisyModel(), new MonteCarloOptions { Runs = 10_000, MaxDegreeOfParallelism = 2 }, cancellationToken: cts.Token));
    }

    [Fact]
    public void Simulate_Progress_ReportsEveryRunOnce()
    {
        var reports = new List<SimulationProgress>();
        var progress = new SynchronousProgress(reports);
        new MonteCarloSimulator().Simulate(NoisyModel(), new MonteCarloOptions { Runs = 1000, MaxDegreeOfParallelism = 1 }, progress);
        Assert.Equal(1000, reports[^1].RunsDone);
        Assert.Equal(1000, reports[^1].RunsPlanned);
    }

    [Fact]
    public void FundingRatioPercentile_StalledRunsCountZero_ExactOnGrid()
    {
        // Half the runs the stream is cut in year 2 (q per year after start), the program then gets 0.
        var model = SingleStreamModel(0.5m, streamStart: 2024, years: 2);
        var result = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 4000, Seed = 1 });
        Assert.Equal(1.0, result.FundingRatioPercentileAt(0, 0, 0.1));
        Assert.Equal(0.0, result.FundingRatioPercentileAt(0, 1, 0.1));
        Assert.Equal(1.0, result.FundingRatioPercentileAt(0, 1, 0.9));
        Assert.Equal(100_000, result.PoolPercentileAt(0, 0.5));
        Assert.Equal(0, result.PoolPercentileAt(1, 0.1));
    }

    [Theory]
    [InlineData(0, 1000, 0)]
    [InlineData(1000, 1000, 1000)]
    [InlineData(600, 1000, 600)]
    [InlineData(1, 3, 333)]
    [InlineData(2, 3, 667)]
    [InlineData(1, 2000, 1)] // 0.0005 rounds half up
    public void RatioBin_Values_RoundToNearestThousandth(long funded, long need, int expected)
    {
        Assert.Equal(expected, SimulationCounts.RatioBin(funded, need));
    }

    [Fact]
    public void StalledProgramCount_Distribution_SumsToOne()
    {
        var result = new MonteCarloSimulator().Simulate(NoisyModel(), new MonteCarloOptions { Runs = 2000, Seed = 2 });
        long total = 0;
        double mean = 0;
        for (var k = 0; k <= result.Programs.Count; k++)
        {
            total += result.StalledProgramCount(k).Count;
            mean += k * result.StalledProgramCount(k).Value;
        }

        Assert.Equal(result.Runs, total);
        Assert.Equal(mean, result.ExpectedStalledPrograms().Mean, 9);
        var sumOfProbabilities = Enumerable.Range(0, result.Programs.Count).Sum(p => result.StallProbabilityAt(p).Value);
        Assert.Equal(sumOfProbabilities, result.ExpectedStalledPrograms().Mean, 9);
    }

    internal static ProjectionModel NoisyModel()
    {
        var streams = new[]
        {
            Stream("GRANT", 300_000, start: 2020, change: -0.05m, renewal: 0.95m, cv: 0.15m),
            Stream("FUND", 200_000, start: 2024, end: 2025, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund, restrictedTo: ["DIGI"], renewal: 0.8m, cv: 0.2m),
            Stream("SPONSOR", 80_000, start: 2024, kind: StreamKind.Sponsorship, restrictedTo: ["FEST"], renewal: 0.9m, cv: 0.3m),
        };
        var programs = new[]
        {
            Program("DIGI", 220_000, priority: 2),
            Program("FEST", 150_000, category: EduFunds.Model.ProgramCategory.Flagship),
            Program("CARE", 120_000),
        };
        return ProjectionModel.Create(Workbook(streams, programs, from: 2024, to: 2028));
    }

    internal static string Snapshot(SimulationResult result)
    {
        var lines = new List<string> { $"runs={result.Runs} first={result.FirstRun} seed={result.Seed}" };
        for (var p = 0; p < result.Programs.Count; p++)
        {
            for (var y = 0; y < result.Years.Count; y++)
            {
                lines.Add(string.Join(
                    ",",
                    p,
                    y,
                    result.StalledByAt(p, y).Count,
                    result.ShelvedByAt(p, y).Count,
                    result.FirstStallInAt(p, y).Count,
                    result.FundingRatioPercentileAt(p, y, 0.1)?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    result.FundingRatioPercentileAt(p, y, 0.5)?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    result.FundingRatioPercentileAt(p, y, 0.9)?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        for (var y = 0; y < result.Years.Count; y++)
        {
            lines.Add($"pool {y}: {result.PoolPercentileAt(y, 0.1)} {result.PoolPercentileAt(y, 0.5)} {result.PoolPercentileAt(y, 0.9)}");
        }

        for (var k = 0; k <= result.Programs.Count; k++)
        {
            lines.Add($"stalled {k}: {result.StalledProgramCount(k).Count}");
        }

        return string.Join("\n", lines);
    }

    private sealed class SynchronousProgress(List<SimulationProgress> reports) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}

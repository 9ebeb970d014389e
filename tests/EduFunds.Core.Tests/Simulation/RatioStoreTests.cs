using EduFunds.Simulation;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Simulation;

/// <summary>The sparse funding-ratio store (large workbooks) holds exactly what the dense one holds.</summary>
public class RatioStoreTests
{
    [Property(MaxTest = 200)]
    public void Sparse_SameValuesAsDense_SameCountsAndOrderStatistics(ushort[] raw, byte cellCount, ushort planned)
    {
        var cells = 1 + (cellCount % 5);
        var dense = new DenseRatioStore(cells);
        var sparse = new SparseRatioStore(cells, planned % 300);
        var run = new short[cells];
        for (var i = 0; i < raw.Length; i++)
        {
            var cell = i % cells;
            var bin = raw[i] % RatioStore.Bins;
            dense.AddCount(cell, bin, 1);
            Array.Fill(run, (short)-1);
            run[cell] = (short)bin;
            sparse.Append(run, i % 2, 2);
        }

        AssertSame(dense, sparse);
    }

    [Fact]
    public void Sparse_MoreValuesThanTheListLimit_SwitchesToCountsAndStaysExact()
    {
        var dense = new DenseRatioStore(2);
        var sparse = new SparseRatioStore(2, 0);
        var random = new Random(3);
        for (var i = 0; i < (3 * RatioStore.ListLimit) + 7; i++)
        {
            var bin = random.Next(RatioStore.Bins);
            dense.AddCount(i % 2, bin, 1);
            sparse.AddCount(i % 2, bin, 1);
        }

        sparse.AddCount(0, 17, 5000);
        dense.AddCount(0, 17, 5000);
        AssertSame(dense, sparse);
    }

    [Fact]
    public void AddAll_DenseIntoSparseAndBack_KeepsEveryCount()
    {
        var dense = new DenseRatioStore(3);
        dense.AddCount(0, 0, 2);
        dense.AddCount(0, 1000, 1);
        dense.AddCount(2, 512, 3000);
        var sparse = new SparseRatioStore(3, 10);
        sparse.AddCount(2, 511, 1);
        sparse.AddAll(dense);
        var back = new DenseRatioStore(3);
        back.AddAll(sparse);
        Assert.Equal(3, sparse.Count(0));
        Assert.Equal(0, sparse.Count(1));
        Assert.Equal(3001, back.Count(2));
        Assert.Equal(511, back.BinAt(2, 0));
        Assert.Equal(512, back.BinAt(2, 1));
        Assert.Equal(1000, sparse.BinAt(0, 2));
    }

    [Fact]
    public void Simulate_SparseTallies_GiveTheSameResultAsDenseOnAnyThreadCount()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var options = new MonteCarloOptions { Runs = 700, Seed = 9 };
        var dense = new MonteCarloSimulator().Simulate(model, options with { MaxDegreeOfParallelism = 1 });
        var sparseOne = new MonteCarloSimulator(null, 0).Simulate(model, options with { MaxDegreeOfParallelism = 1 });
        var sparseMany = new MonteCarloSimulator(null, 0).Simulate(model, options with { MaxDegreeOfParallelism = 3 });
        Assert.IsType<SparseRatioStore>(sparseMany.Counts.Ratios);
        Assert.Contains(Enumerable.Range(0, sparseMany.Counts.Ratios.Cells), cell => sparseMany.Counts.Ratios.Count(cell) > 1);
        Assert.Equal(MonteCarloSimulatorTests.Snapshot(dense), MonteCarloSimulatorTests.Snapshot(sparseOne));
        Assert.Equal(MonteCarloSimulatorTests.Snapshot(dense), MonteCarloSimulatorTests.Snapshot(sparseMany));
        var merged = SimulationResult.Merge(
            new MonteCarloSimulator(null, 0).Simulate(model, options with { Runs = 300 }),
            new MonteCarloSimulator().Simulate(model, options with { Runs = 400, FirstRun = 300 }));
        Assert.Equal(MonteCarloSimulatorTests.Snapshot(dense), MonteCarloSimulatorTests.Snapshot(merged));
    }

    private static void AssertSame(RatioStore expected, RatioStore actual)
    {
        var a = new int[RatioStore.Bins];
        var b = new int[RatioStore.Bins];
        for (var cell = 0; cell < expected.Cells; cell++)
        {
            Assert.Equal(expected.Count(cell), actual.Count(cell));
            expected.CountsOf(cell, a);
            actual.CountsOf(cell, b);
            Assert.Equal(a, b);
            for (long i = 0; i < expected.Count(cell); i++)
            {
                Assert.Equal(expected.BinAt(cell, i), actual.BinAt(cell, i));
            }
        }
    }
}

using EduFunds.Core.Tests.Engine;
using EduFunds.Engine;
using EduFunds.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Simulation;

/// <summary>The Monte Carlo tally: the ratio bin by a reciprocal and the buffered funding-ratio counts.</summary>
public class SimulationCountsTests
{
    [Fact]
    public void RatioBinByReciprocal_EveryFundingOfEveryNeedUpTo2000_EqualsTheDivision()
    {
        for (long need = 2; need <= 2000; need++)
        {
            var reciprocal = SimulationCounts.RatioReciprocal(need);
            for (long funded = 1; funded < need; funded++)
            {
                if (SimulationCounts.RatioBin(funded, need, reciprocal) != SimulationCounts.RatioBin(funded, need))
                {
                    Assert.Fail($"F = {funded}, N = {need}: {SimulationCounts.RatioBin(funded, need, reciprocal)} instead of {SimulationCounts.RatioBin(funded, need)}");
                }
            }
        }
    }

    [Fact]
    public void RatioBinByReciprocal_RoundingEdgesOfLargeNeeds_EqualsTheDivision()
    {
        // For each bin q the smallest F that reaches it, (q N - N / 2) / 1000 rounded up, and its
        // neighbours: where the remainder is 0 or d - 1 and a quotient one off would show.
        var random = new Random(13);
        var needs = new List<long>
        {
            SimulationCounts.ReciprocalNeedLimit,
            SimulationCounts.ReciprocalNeedLimit - 1,
            (1L << 50) + 1,
            1L << 50,
            (1L << 50) - 1,
            999_999_999_999_999,
            3,
            2001,
        };
        for (var i = 0; i < 200; i++)
        {
            needs.Add(2 + (long)(random.NextDouble() * SimulationCounts.ReciprocalNeedLimit));
        }

        foreach (var need in needs)
        {
            var reciprocal = SimulationCounts.RatioReciprocal(need);
            for (long q = 0; q <= 1000; q++)
            {
                var edge = (long)(((Int128)q * 2 * need) - need + 1999) / 2000;
                for (var funded = edge - 2; funded <= edge + 2; funded++)
                {
                    if (funded > 0 && funded < need)
                    {
                        Assert.Equal(SimulationCounts.RatioBin(funded, need), SimulationCounts.RatioBin(funded, need, reciprocal));
                    }
                }
            }

            Assert.Equal(SimulationCounts.RatioBin(need - 1, need), SimulationCounts.RatioBin(need - 1, need, reciprocal));
        }
    }

    [Property(MaxTest = 2000)]
    public void RatioBinByReciprocal_AnyFundingAndNeed_EqualsTheDivision(ulong a, ulong b)
    {
        var need = 2 + (long)(a % (ulong)(SimulationCounts.ReciprocalNeedLimit - 1));
        var funded = 1 + (long)(b % (ulong)(need - 1));
        Assert.Equal(SimulationCounts.RatioBin(funded, need), SimulationCounts.RatioBin(funded, need, SimulationCounts.RatioReciprocal(need)));
    }

    [Fact]
    public void Record_RatiosReadBetweenRuns_HoldEveryRunSoFar()
    {
        // Bins wait in a buffer for up to PendingRuns runs; reading the store must add them first,
        // and recording on afterwards must neither lose nor repeat any.
        var model = MonteCarloSimulatorTests.NoisyModel();
        var sampler = new RunSampler(model, []);
        var amounts = new long[sampler.AmountCount];
        var scratch = sampler.CreateScratch();
        var workspace = model.CreateWorkspace();
        var buffered = new SimulationCounts(model.ProgramCount, model.YearCount);
        var direct = new DenseRatioStore(model.ProgramCount * model.YearCount);
        var underfunded = 0;
        for (var run = 0; run < (2 * SimulationCounts.PendingRuns) + 5; run++)
        {
            sampler.Fill(4, run, amounts, scratch);
            model.Run(amounts, workspace);
            buffered.Record(workspace);
            for (var cell = 0; cell < direct.Cells; cell++)
            {
                if (workspace.Status[cell] is ProgramStatus.Funded or ProgramStatus.Underfunded
                    && workspace.Funded[cell] > 0 && workspace.Funded[cell] < workspace.Need[cell])
                {
                    direct.AddCount(cell, SimulationCounts.RatioBin(workspace.Funded[cell], workspace.Need[cell]), 1);
                    underfunded++;
                }
            }

            if (run is 0 or 10 or 63 or 64 or 100)
            {
                Assert.Equal(direct.Histogram, ((DenseRatioStore)buffered.Ratios).Histogram);
            }
        }

        buffered.Flush();
        Assert.True(underfunded > 0);
        Assert.Equal(direct.Histogram, ((DenseRatioStore)buffered.Ratios).Histogram);
        for (var cell = 0; cell < direct.Cells; cell++)
        {
            Assert.Equal(direct.Count(cell), buffered.Ratios.Count(cell));
        }

        Assert.Equal(underfunded, Enumerable.Range(0, direct.Cells).Sum(cell => buffered.Ratios.Count(cell)));
    }

    /// <summary>
    /// The dense tally of a Monte Carlo run reads only the program-years the run left live and adds
    /// the shelved years' exact 0s from the runs' shelved years when it flushes: over many runs of
    /// random workbooks and amounts (shelving, restricted splits, reused workspaces), its counts
    /// equal those of every cell's status, as do the tally of a detailed workspace, of a workspace
    /// that writes no per-cell figures, and the shared (sparse) store's.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property DenseTally_OfLiveProgramYears_EqualsTheCountOfEveryCellsStatus(int seed)
    {
        var model = ProjectionModel.Create(RandomWorkbooks.Create(seed));
        var cells = model.ProgramCount * model.YearCount;
        var live = new SimulationCounts(model.ProgramCount, model.YearCount);
        var byCell = new SimulationCounts(model.ProgramCount, model.YearCount);
        var shared = new SimulationCounts(model.ProgramCount, model.YearCount, new SparseRatioStore(cells, 0));
        var liveOnly = new SimulationCounts(model.ProgramCount, model.YearCount);
        var bare = model.CreateWorkspace();
        bare.CellFigures = false; // as the simulator runs it for the dense tally: no per-cell figures written
        var expectedZero = new int[cells];
        var expectedFull = new int[cells];
        var expected = new DenseRatioStore(cells);
        var workspace = model.CreateWorkspace();
        var detailed = model.CreateWorkspace(detailed: true);
        var random = new Random(seed);
        for (var run = 0; run < (2 * SimulationCounts.PendingRuns) + 22; run++)
        {
            var amounts = model.PlannedAmounts.ToArray().Select(a => random.Next(3) == 0 ? 0 : a * random.Next(0, 300) / 100).ToArray();
            model.Run(amounts, workspace);
            model.Run(amounts, detailed);
            live.Record(workspace);
            byCell.Record(detailed);
            shared.Record(workspace);
            model.Run(amounts, bare);
            liveOnly.Record(bare);
            for (var cell = 0; cell < cells; cell++)
            {
                var status = workspace.Status[cell];
                var (f, n) = (workspace.Funded[cell], workspace.Need[cell]);
                if (status is ProgramStatus.Stalled or ProgramStatus.Shelved || (status != ProgramStatus.Inactive && f < n && f <= 0))
                {
                    expectedZero[cell]++;
                }
                else if (status != ProgramStatus.Inactive && f >= n)
                {
                    expectedFull[cell]++;
                }
                else if (status != ProgramStatus.Inactive)
                {
                    expected.AddCount(cell, SimulationCounts.RatioBin(f, n), 1);
                }
            }

            if (run is 5 or 63 or 64 or 100)
            {
                // Reading between runs flushes; the runs after it must neither be lost nor counted twice.
                Assert.Equal(expectedZero, live.RatioZero);
            }
        }

        var ok = true;
        foreach (var counts in new[] { live, byCell, shared, liveOnly })
        {
            ok &= expectedZero.SequenceEqual(counts.RatioZero) && expectedFull.SequenceEqual(counts.RatioFull);
            for (var cell = 0; cell < cells; cell++)
            {
                ok &= expected.Count(cell) == counts.Ratios.Count(cell);
                for (long k = 0; k < expected.Count(cell); k++)
                {
                    ok &= expected.BinAt(cell, k) == counts.Ratios.BinAt(cell, k);
                }
            }
        }

        var shelvedRuns = live.Shelved.Where((_, i) => i % (model.YearCount + 1) != model.YearCount).Sum();
        return ok.Label($"seed {seed}").Collect(shelvedRuns > 0 ? "shelved" : "none shelved");
    }
}

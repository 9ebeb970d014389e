using EduFunds.Core.Tests.IO;
using EduFunds.Decisions;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Decisions;

/// <summary>
/// The rescue search's shortcuts are exact: its stall counts are those of full simulations, and
/// a plan does not depend on the threads.
/// </summary>
public class RescueProbeTests
{
    private static readonly Workbook XStreet = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());

    private static Workbook WithLine(Workbook workbook, string programId, long amount, int from = 2020)
    {
        var program = workbook.Programs.Single(p => p.Id == programId);
        var line = new FundingStream("RESCUE-" + programId, "line", StreamKind.DistrictGrant, Recurrence.Recurring, Money.FromMinorUnits(amount, workbook.Currency),
            from, null, program.CostChange, new EquatableArray<string>([programId]), 1m, 0m);
        return workbook with { Streams = new EquatableArray<FundingStream>([.. workbook.Streams, line]) };
    }

    private static int IndexOf(ProjectionModel model, string id) => model.Programs.Select((p, i) => (p, i)).Single(x => x.p.Id == id).i;

    [Theory]
    [InlineData("P-DIGITAL", 0L)]
    [InlineData("P-DIGITAL", 10_000_000L)]
    [InlineData("P-DIGITAL", 14_400_000L)]
    [InlineData("P-FESTIVAL", 13_000_000L)]
    [InlineData("P-NIGHTSCHOOL", 7_000_000L)]
    [InlineData("P-SPORTS", 2_000_000L)]
    public void CountStalls_AnyLine_EqualsTheFullSimulation(string programId, long amount)
    {
        var options = new MonteCarloOptions { Runs = 700, Seed = 9 };
        var baseModel = ProjectionModel.Create(XStreet);
        var probe = new RescueProbe(baseModel, options, linesCertain: true, CancellationToken.None);
        var model = ProjectionModel.Create(WithLine(XStreet, programId, amount));
        var program = IndexOf(model, programId);

        var full = new MonteCarloSimulator().Simulate(model, options).StallProbability(programId).Count;
        var (meets, count, complete) = probe.CountStalls(model, program, null, 2, null, amount, CancellationToken.None);

        Assert.Equal(full, count);
        Assert.True(meets && complete);
        foreach (var threshold in new[] { full - 1, full, full + 1 })
        {
            if (threshold < 0)
            {
                continue;
            }

            var decided = probe.CountStalls(model, program, threshold, 2, probe.NewSearch(), amount, CancellationToken.None);
            Assert.Equal(full <= threshold, decided.Meets);
        }
    }

    [Fact]
    public void CountStalls_BeyondTheDrawCacheAndWithATrendOnTheLinesKind_EqualsTheFullSimulation()
    {
        var options = new MonteCarloOptions
        {
            Runs = 300,
            Seed = 4,
            Trends = [new UncertainTrend(StreamKind.DistrictGrant, TrendShape.Triangular, -0.1, -0.02, 0.03)],
        };
        var model = ProjectionModel.Create(WithLine(XStreet, "P-CHILDCARE", 6_000_000));
        var program = IndexOf(model, "P-CHILDCARE");
        var probe = new RescueProbe(ProjectionModel.Create(XStreet), options, linesCertain: false, CancellationToken.None);

        var full = new MonteCarloSimulator().Simulate(model, options).StallProbability("P-CHILDCARE").Count;

        Assert.Equal(full, probe.CountStalls(model, program, null, 1, null, 0, CancellationToken.None).Count);
    }

    /// <summary>A year in which the money restricted to a program alone reaches its minimum is never its first stall.</summary>
    [Fact]
    public void LastYearItCanStall_NeverBeforeTheFirstStallOfAWholeRun()
    {
        var options = new MonteCarloOptions { Runs = 400, Seed = 2 };
        foreach (var (id, amount) in new[] { ("P-DIGITAL", 12_000_000L), ("P-FESTIVAL", 13_000_000L), ("P-SPORTS", 0L) })
        {
            var model = ProjectionModel.Create(WithLine(XStreet, id, amount));
            var p = IndexOf(model, id);
            var sampler = new RunSampler(model, options.Trends);
            var scratch = sampler.CreateScratch();
            var amounts = new long[sampler.AmountCount];
            var workspace = model.CreateWorkspace();
            var own = model.StreamsRestrictedOnlyTo(p);
            for (var run = 0; run < options.Runs; run++)
            {
                sampler.Fill(options.Seed, run, amounts, scratch);
                model.Run(amounts, workspace);
                var first = workspace.FirstStallYearIndex[p];
                var last = model.LastYearItCanStall(amounts, p, own);
                Assert.True(first < 0 || first <= last, $"{id} run {run}: stalls in year {first}, but cannot after {last}");
                Assert.Equal(first >= 0, model.StallsAtLeastOnce(amounts, workspace, p, Math.Max(last, 0)) && last >= 0);
            }
        }
    }

    [Fact]
    public void Plan_OneOrTwoThreads_SamePlan()
    {
        RescuePlan Run(int threads) => RescuePlan.Create(XStreet, new RescueOptions
        {
            MonteCarlo = new MonteCarloOptions { Runs = 300, Seed = 6, MaxDegreeOfParallelism = threads },
            Programs = ["P-DIGITAL", "P-SPORTS", "P-FESTIVAL"],
        });

        static string Text(RescuePlan plan) => string.Join(
            "\n",
            plan.Individual.Concat(plan.Joint).Select(r => $"{r.Program.Id} {r.AmountMinorUnits} {r.Before} {r.After} {r.OneUnitLess} {r.Simulations}")
                .Concat(plan.Alternatives.SelectMany(a => a.StallProbabilities.Select(x => $"{a.Kind} {a.Policy} {x.Key} {x.Value}"))));

        Assert.Equal(Text(Run(1)), Text(Run(2)));
    }
}

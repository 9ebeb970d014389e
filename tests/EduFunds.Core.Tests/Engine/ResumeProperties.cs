using EduFunds.Engine;
using EduFunds.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Engine;

/// <summary>
/// A loss projection that restarts from a traced run (ProjectionModel.Resume.cs) must give the
/// first stall and shelved year of every program exactly as a whole run of the same amounts:
/// amounts that differ from the traced run's only in years [from, sameFrom), restarted at
/// <c>from</c> and stopped once the state is the traced run's again.
/// </summary>
public class ResumeProperties
{
    [Property(MaxTest = 400)]
    public Property RunFrom_GivesTheFirstStallAndShelvedYearOfAWholeRun(int seed)
    {
        // Up to 14 years, so that runs part and meet again.
        var random = new Random(seed);
        var workbook = WorkbookBuilder.From(RandomWorkbooks.Create(seed)).Years(2024, 2024 + random.Next(0, 14)).Build();
        return RunFromAgreesWithWholeRuns(workbook, random, seed);
    }

    /// <summary>
    /// The same on workbooks of a few fen: pools and needs so small that a program's floor share
    /// often lies one unit below its minimum with a remainder, so the leftover units decide whether
    /// it stalls (the round a loss projection may not cut short: ProportionalFixpoint's undecided case).
    /// </summary>
    [Property(MaxTest = 400)]
    public Property RunFrom_OnWorkbooksOfAFewFen_GivesTheFirstStallAndShelvedYearOfAWholeRun(int seed)
    {
        var random = new Random(seed);
        var builder = new WorkbookBuilder("fen").Years(2024, 2024 + random.Next(0, 10)).ShelveAfter(random.Next(1, 4));
        var programs = random.Next(2, 8);
        for (var p = 0; p < programs; p++)
        {
            builder.Program($"P{p}", ProgramCategory.Basic, random.Next(5, 60) / 100m, minFundingRatio: random.Next(30, 100) / 100m, priority: random.Next(1, 4));
        }

        var streams = random.Next(1, 4);
        for (var s = 0; s < streams; s++)
        {
            builder.Stream($"S{s}", StreamKind.DistrictGrant, random.Next(10, 200) / 100m);
        }

        return RunFromAgreesWithWholeRuns(builder.Build(), random, seed);
    }

    private static Property RunFromAgreesWithWholeRuns(Workbook workbook, Random random, int seed)
    {
        var model = ProjectionModel.Create(workbook);
        var streams = model.StreamCount;
        var years = model.YearCount;
        var traced = model.PlannedAmounts.ToArray().Select(a => random.Next(4) == 0 ? 0 : a * random.Next(0, 300) / 100).ToArray();
        var trace = model.CreateTrace();
        var workspace = model.CreateWorkspace();
        model.RunTraced(traced, workspace, trace);
        var tracedStall = workspace.FirstStallYearIndex.ToArray();
        var tracedShelved = workspace.ShelvedYearIndex.ToArray();
        model.Run(traced, workspace);
        if (!tracedStall.SequenceEqual(workspace.FirstStallYearIndex.ToArray()) || !tracedShelved.SequenceEqual(workspace.ShelvedYearIndex.ToArray()))
        {
            return false.Label($"seed {seed}: a traced run differs from a plain run");
        }

        for (var trial = 0; trial < 8; trial++)
        {
            var from = random.Next(0, years + 1);
            var sameFrom = random.Next(from, years + 1);
            var changed = traced.ToArray();
            for (var y = from; y < sameFrom; y++)
            {
                for (var s = 0; s < streams; s++)
                {
                    // A stream lost (as the tornados do) or any other change in those years.
                    var i = (y * streams) + s;
                    changed[i] = trial % 2 == 0 ? (s == trial % Math.Max(1, streams) ? 0 : changed[i]) : changed[i] * random.Next(0, 200) / 100;
                }
            }

            model.Run(changed, workspace);
            var stall = workspace.FirstStallYearIndex.ToArray();
            var shelved = workspace.ShelvedYearIndex.ToArray();
            var stop = model.RunFrom(changed, workspace, trace, from, sameFrom);
            if (!stall.SequenceEqual(workspace.FirstStallYearIndex.ToArray()) || !shelved.SequenceEqual(workspace.ShelvedYearIndex.ToArray()))
            {
                return false.Label($"seed {seed}, trial {trial}: from {from}, same from {sameFrom}, stopped at {stop}: first stalls {string.Join(',', stall)} / {string.Join(',', workspace.FirstStallYearIndex.ToArray())}, shelved {string.Join(',', shelved)} / {string.Join(',', workspace.ShelvedYearIndex.ToArray())}");
            }

            if (stop < sameFrom && stop != years)
            {
                return false.Label($"seed {seed}, trial {trial}: stopped at {stop} before the amounts are the same again ({sameFrom})");
            }
        }

        return true.ToProperty();
    }

    [Fact]
    public void RunFrom_AmountsOfTheTracedRun_StopsAtOnce()
    {
        var model = ProjectionModel.Create(RandomWorkbooks.Create(12));
        var trace = model.CreateTrace();
        var workspace = model.CreateWorkspace();
        model.RunTraced(model.PlannedAmounts, workspace, trace);
        var stall = workspace.FirstStallYearIndex.ToArray();
        Assert.Equal(0, model.RunFrom(model.PlannedAmounts, workspace, trace, 0, 0));
        Assert.Equal(stall, workspace.FirstStallYearIndex.ToArray());
    }
}

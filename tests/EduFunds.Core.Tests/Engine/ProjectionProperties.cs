using EduFunds.Engine;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Engine;

/// <summary>Laws of the projection on generated workbooks.</summary>
public class ProjectionProperties
{
    private static ProjectionResult Project(int seed) => ProjectionModel.Create(RandomWorkbooks.Create(seed)).Project();

    [Property(MaxTest = 300)]
    public Property Pool_EqualsAllocatedPlusLapsedPlusCarried(int seed)
    {
        var result = Project(seed);
        return result.Years.All(y => y.PoolMinorUnits == y.AllocatedMinorUnits + y.LapsedMinorUnits + y.CarriedOutMinorUnits && y.PoolMinorUnits == y.UnrestrictedMinorUnits + y.CarriedInMinorUnits)
            .Label($"seed {seed}");
    }

    [Property(MaxTest = 300)]
    public Property StreamMoney_IsAppliedPlusReserveChangePlusStrandedPlusPool(int seed)
    {
        var result = Project(seed);
        return result.Years.All(year =>
        {
            var programs = year.Programs;
            var reserveChange = programs.Sum(p => p.ReserveAfterMinorUnits - p.ReserveBeforeMinorUnits);
            var spentFromRestricted = programs.Sum(p => p.ReserveUsedMinorUnits + p.RestrictedAppliedMinorUnits);
            var restrictedBalanced = year.RestrictedMinorUnits == spentFromRestricted + reserveChange + year.StrandedRestrictedMinorUnits;
            var total = year.StreamTotalMinorUnits == year.RestrictedMinorUnits + year.UnrestrictedMinorUnits;
            var allocatedIsShares = year.AllocatedMinorUnits == programs.Sum(p => p.PoolShareMinorUnits);
            return restrictedBalanced && total && allocatedIsShares;
        }).Label($"seed {seed}");
    }

    [Property(MaxTest = 300)]
    public Property NoProgram_GetsMoreThanItsNeed_AndStatusMatchesFunding(int seed)
    {
        var result = Project(seed);
        return result.Years.SelectMany(y => y.Programs).All(p =>
            p.FundedMinorUnits >= 0 && p.FundedMinorUnits <= p.NeedMinorUnits && p.Status switch
            {
                ProgramStatus.Funded => p.FundedMinorUnits == p.NeedMinorUnits,
                ProgramStatus.Underfunded => p.FundedMinorUnits >= p.MinimumMinorUnits && p.FundedMinorUnits < p.NeedMinorUnits,
                ProgramStatus.Stalled => p.FundedMinorUnits == 0 && p.ReserveAfterMinorUnits == p.ReserveBeforeMinorUnits + p.RestrictedReceivedMinorUnits,
                _ => p.NeedMinorUnits == 0 && p.FundedMinorUnits == 0,
            }).Label($"seed {seed}");
    }

    [Property(MaxTest = 200)]
    public Property Result_DoesNotDependOnRowOrder(int seed, int shuffleSeed)
    {
        var workbook = RandomWorkbooks.Create(seed);
        var original = ProjectionModel.Create(workbook).Project();
        var shuffled = ProjectionModel.Create(RandomWorkbooks.Shuffle(workbook, shuffleSeed)).Project();
        var samePrograms = original.Years.All(year => year.Programs.All(p => p == shuffled.Get(p.ProgramId, year.Year)));
        var sameYears = original.Years.Zip(shuffled.Years).All(pair =>
            pair.First.PoolMinorUnits == pair.Second.PoolMinorUnits &&
            pair.First.AllocatedMinorUnits == pair.Second.AllocatedMinorUnits &&
            pair.First.LapsedMinorUnits == pair.Second.LapsedMinorUnits &&
            pair.First.StrandedMinorUnits == pair.Second.StrandedMinorUnits);
        return (samePrograms && sameYears).Label($"seed {seed}, shuffle {shuffleSeed}");
    }

    [Property(MaxTest = 100)]
    public Property SameInputs_GiveIdenticalResults(int seed)
    {
        var first = Project(seed);
        var second = Project(seed);
        return first.Years.Zip(second.Years).All(pair =>
            pair.First.Programs.SequenceEqual(pair.Second.Programs) &&
            pair.First.Arrivals.SequenceEqual(pair.Second.Arrivals) &&
            pair.First.PoolMinorUnits == pair.Second.PoolMinorUnits).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property NoPoolMoneyLapses_WhileItCouldLiftAStalledProgram(int seed)
    {
        var result = Project(seed);
        return result.Years.All(year =>
        {
            var unallocated = year.PoolMinorUnits - year.AllocatedMinorUnits;
            return year.Programs.Where(p => p.Status == ProgramStatus.Stalled).All(p =>
                unallocated < p.MinimumMinorUnits - p.SecuredMinorUnits);
        }).Label($"seed {seed}");
    }

    [Property(MaxTest = 300)]
    public Property ReserveAndRestrictedCoveringTheMinimum_NeverStall(int seed)
    {
        var result = Project(seed);
        return result.Years.SelectMany(y => y.Programs)
            .Where(p => p.NeedMinorUnits > 0 && p.SecuredMinorUnits >= p.MinimumMinorUnits)
            .All(p => p.Status != ProgramStatus.Stalled)
            .Label($"seed {seed}");
    }

    [Property(MaxTest = 100)]
    public Property RunWithPlannedAmounts_MatchesProject(int seed)
    {
        var model = ProjectionModel.Create(RandomWorkbooks.Create(seed));
        var workspace = model.CreateWorkspace();
        model.Run(model.PlannedAmounts, workspace);
        var result = model.Project();
        var funded = result.Years.SelectMany(y => y.Programs).Select(p => p.FundedMinorUnits).ToArray();
        var pools = result.Years.Select(y => y.PoolMinorUnits).ToArray();
        return (funded.SequenceEqual(workspace.Funded.ToArray()) && pools.SequenceEqual(workspace.Pool.ToArray())).ToProperty();
    }

    /// <summary>
    /// A Monte Carlo run writes only the programs scheduled in each year (the others stay
    /// inactive from the first run): one workspace, reused over varied amounts and by the same
    /// workbook with its rows in another order (same shape, another schedule per index), still
    /// reads as the detailed projection does.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property RunInAReusedWorkspace_MatchesProject(int seed)
    {
        var workbook = RandomWorkbooks.Create(seed);
        var model = ProjectionModel.Create(workbook);
        var other = ProjectionModel.Create(RandomWorkbooks.Shuffle(workbook, seed));
        var workspace = model.CreateWorkspace();
        var random = new Random(seed);
        var ok = true;
        foreach (var current in new[] { model, model, other, model })
        {
            if (current.YearCount != model.YearCount || current.ProgramCount != model.ProgramCount || current.StreamCount != model.StreamCount)
            {
                continue;
            }

            var varied = current.PlannedAmounts.ToArray().Select(a => random.Next(4) == 0 ? 0 : a * random.Next(0, 300) / 100).ToArray();
            current.Run(varied, workspace);
            var result = current.Project(varied);
            var programs = result.Years.SelectMany(y => y.Programs).ToArray();
            ok &= programs.Select(p => p.Status).SequenceEqual(workspace.Status.ToArray())
                && programs.Select(p => p.NeedMinorUnits).SequenceEqual(workspace.Need.ToArray())
                && programs.Select(p => p.FundedMinorUnits).SequenceEqual(workspace.Funded.ToArray())
                && result.Years.Select(y => y.PoolMinorUnits).SequenceEqual(workspace.Pool.ToArray())
                && result.Programs.Select(p => p.FirstStallYear is { } f ? f - result.Years[0].Year : -1).SequenceEqual(workspace.FirstStallYearIndex.ToArray())
                && result.Programs.Select(p => p.ShelvedYear is { } s ? s - result.Years[0].Year : -1).SequenceEqual(workspace.ShelvedYearIndex.ToArray());
        }

        return ok.Label($"seed {seed}");
    }

    /// <summary>
    /// Amounts beyond long.MaxValue / streams take a Monte Carlo run off its unchecked restricted
    /// step (ProjectionModel.Restricted.cs) onto the checked one: it still computes what the
    /// detailed year loop computes, or fails with the same worded overflow.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property RunWithHugeAmounts_MatchesTheDetailedLoopOrFailsAlike(int seed)
    {
        var model = ProjectionModel.Create(RandomWorkbooks.Create(seed));
        var random = new Random(seed);
        var divisor = new[] { 2L, 3L, 5L, 40L, 1000L }[random.Next(5)];
        var amounts = model.PlannedAmounts.ToArray().Select(a => random.Next(3) == 0 ? (long.MaxValue / divisor) - random.Next(1000) : a).ToArray();
        var workspace = model.CreateWorkspace();
        var detailed = model.CreateWorkspace(detailed: true);
        static string Outcome(Action action)
        {
            try
            {
                action();
                return "ok";
            }
            catch (OverflowException e)
            {
                return e.Message;
            }
        }

        var run = Outcome(() => model.Run(amounts, workspace));
        var reference = Outcome(() => model.Run(amounts, detailed));
        if (run != "ok" || reference != "ok")
        {
            return (run == reference).Label($"seed {seed}: {run} / {reference}").Collect("overflow");
        }

        return (workspace.Status.SequenceEqual(detailed.Status)
            && workspace.Need.SequenceEqual(detailed.Need)
            && workspace.Funded.SequenceEqual(detailed.Funded)
            && workspace.Pool.SequenceEqual(detailed.Pool)
            && workspace.Stranded.SequenceEqual(detailed.Stranded)
            && workspace.FirstStallYearIndex.SequenceEqual(detailed.FirstStallYearIndex)
            && workspace.ShelvedYearIndex.SequenceEqual(detailed.ShelvedYearIndex)).Label($"seed {seed}").Collect("projected");
    }

    [Property(MaxTest = 200)]
    public Property Secured_InARunningYear_IsReserveUsedPlusRestrictedApplied(int seed)
    {
        var result = Project(seed);
        return result.Years.SelectMany(y => y.Programs)
            .Where(p => p.Status is ProgramStatus.Funded or ProgramStatus.Underfunded)
            .All(p => p.SecuredMinorUnits == p.ReserveUsedMinorUnits + p.RestrictedAppliedMinorUnits)
            .Label($"seed {seed}");
    }

    /// <summary>
    /// The properties above that check only some programs (stalled ones, ones whose secured
    /// money covers their minimum, running ones) would pass on nothing if the random workbooks
    /// never had such programs; over 300 seeds they have each many times.
    /// </summary>
    [Fact]
    public void RandomWorkbooks_HaveTheCasesTheFilteredPropertiesCheck()
    {
        var programs = Enumerable.Range(0, 300).SelectMany(seed => Project(seed).Years.SelectMany(y => y.Programs)).ToList();

        Assert.True(programs.Count(p => p.Status == ProgramStatus.Stalled) >= 50, "stalled programs");
        Assert.True(programs.Count(p => p.NeedMinorUnits > 0 && p.SecuredMinorUnits >= p.MinimumMinorUnits && p.SecuredMinorUnits > 0) >= 50, "programs whose secured money covers the minimum");
        Assert.True(programs.Count(p => p.Status is ProgramStatus.Funded or ProgramStatus.Underfunded) >= 50, "running programs");
        Assert.True(programs.Count(p => p.Status == ProgramStatus.Shelved) >= 10, "shelved programs");
    }
}

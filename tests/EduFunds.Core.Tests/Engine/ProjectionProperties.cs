using EduFunds.Engine;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Engine;

/// <summary>Laws of the projection on generated workbooks.</summary>
public class ProjectionProperties
{
    private static ProjectionResult Project(int seed) => new Projector().Project(RandomWorkbooks.Create(seed));

    [Property(MaxTest = 300)]
    public Property Pool_EqualsAllocatedPlusLapsedPlusCarried(int seed)
    {
        var result = Project(seed);
        return result.Years.All(y => y.Pool == y.Allocated + y.Lapsed + y.CarriedOut && y.Pool == y.Unrestricted + y.CarriedIn)
            .Label($"seed {seed}");
    }

    [Property(MaxTest = 300)]
    public Property StreamMoney_IsAppliedPlusReserveChangePlusStrandedPlusPool(int seed)
    {
        var result = Project(seed);
        return result.Years.All(year =>
        {
            var programs = year.Programs;
            var reserveChange = programs.Sum(p => p.ReserveAfter - p.ReserveBefore);
            var spentFromRestricted = programs.Sum(p => p.ReserveUsed + p.RestrictedApplied);
            var restrictedBalanced = year.Restricted == spentFromRestricted + reserveChange + year.StrandedRestricted;
            var total = year.StreamTotal == year.Restricted + year.Unrestricted;
            var allocatedIsShares = year.Allocated == programs.Sum(p => p.PoolShare);
            return restrictedBalanced && total && allocatedIsShares;
        }).Label($"seed {seed}");
    }

    [Property(MaxTest = 300)]
    public Property NoProgram_GetsMoreThanItsNeed_AndStatusMatchesFunding(int seed)
    {
        var result = Project(seed);
        return result.Years.SelectMany(y => y.Programs).All(p =>
            p.Funded >= 0 && p.Funded <= p.Need && p.Status switch
            {
                ProgramStatus.Funded => p.Funded == p.Need,
                ProgramStatus.Underfunded => p.Funded >= p.Minimum && p.Funded < p.Need,
                ProgramStatus.Stalled => p.Funded == 0 && p.ReserveAfter == p.ReserveBefore + p.RestrictedReceived,
                _ => p.Need == 0 && p.Funded == 0,
            }).Label($"seed {seed}");
    }

    [Property(MaxTest = 200)]
    public Property Result_DoesNotDependOnRowOrder(int seed, int shuffleSeed)
    {
        var workbook = RandomWorkbooks.Create(seed);
        var original = new Projector().Project(workbook);
        var shuffled = new Projector().Project(RandomWorkbooks.Shuffle(workbook, shuffleSeed));
        var samePrograms = original.Years.All(year => year.Programs.All(p => p == shuffled.Get(p.ProgramId, year.Year)));
        var sameYears = original.Years.Zip(shuffled.Years).All(pair =>
            pair.First.Pool == pair.Second.Pool &&
            pair.First.Allocated == pair.Second.Allocated &&
            pair.First.Lapsed == pair.Second.Lapsed &&
            pair.First.Stranded == pair.Second.Stranded);
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
            pair.First.Pool == pair.Second.Pool).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property NoPoolMoneyLapses_WhileItCouldLiftAStalledProgram(int seed)
    {
        var result = Project(seed);
        return result.Years.All(year =>
        {
            var unallocated = year.Pool - year.Allocated;
            return year.Programs.Where(p => p.Status == ProgramStatus.Stalled).All(p =>
                unallocated < p.Minimum - p.Secured);
        }).Label($"seed {seed}");
    }

    [Property(MaxTest = 300)]
    public Property ReserveAndRestrictedCoveringTheMinimum_NeverStall(int seed)
    {
        var result = Project(seed);
        return result.Years.SelectMany(y => y.Programs)
            .Where(p => p.Need > 0 && p.Secured >= p.Minimum)
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
        var funded = result.Years.SelectMany(y => y.Programs).Select(p => p.Funded).ToArray();
        var pools = result.Years.Select(y => y.Pool).ToArray();
        return (funded.SequenceEqual(workspace.Funded.ToArray()) && pools.SequenceEqual(workspace.Pool.ToArray())).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Secured_InARunningYear_IsReserveUsedPlusRestrictedApplied(int seed)
    {
        var result = Project(seed);
        return result.Years.SelectMany(y => y.Programs)
            .Where(p => p.Status is ProgramStatus.Funded or ProgramStatus.Underfunded)
            .All(p => p.Secured == p.ReserveUsed + p.RestrictedApplied)
            .Label($"seed {seed}");
    }
}

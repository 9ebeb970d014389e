using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Engine;

/// <summary>
/// The engine runs the built-in proportional policy with its own 64-bit split and stall test
/// (ProjectionModel.Fixpoint.cs), and every other policy through <see cref="IAllocationPolicy"/>;
/// a policy of a user's own always takes the interface. Both paths must give the same numbers:
/// each built-in policy, run as built in and behind a wrapper that hides its type.
/// </summary>
public class FastPathProperties
{
    [Property(MaxTest = 300)]
    public Property BuiltInPolicy_GivesWhatTheSamePolicyGivesThroughTheInterface(int seed)
    {
        var workbook = RandomWorkbooks.Create(seed);
        return PolicyNames.Names.All(name =>
        {
            var policy = AllocationPolicies.Get(name);
            var builtIn = ProjectionModel.Create(workbook, policy: policy);
            var wrapped = ProjectionModel.Create(workbook, policy: new Wrapper(policy));

            // The planned amounts, and amounts cut and varied as a Monte Carlo run would.
            var random = new Random(seed);
            var varied = builtIn.PlannedAmounts.ToArray().Select(a => random.Next(4) == 0 ? 0 : a * random.Next(0, 300) / 100).ToArray();
            return Same(builtIn.Project(), wrapped.Project()) && Same(builtIn.Project(varied), wrapped.Project(varied));
        }).Label($"seed {seed}");
    }

    [Property(MaxTest = 300)]
    public Property Proportional_WithPoolTimesNeedBeyond64Bits_GivesWhatThePolicyGives(int seed)
    {
        // Amounts and costs scaled up (a district of tens of thousands of programs): pool x R no
        // longer fits in 64 bits, so the engine's split takes the product's low 64 bits.
        var random = new Random(seed);
        var scale = new[] { 1_000_000L, 30_000_000L, 1_000_000_000L }[random.Next(3)];
        var small = RandomWorkbooks.Create(seed);
        var workbook = small with
        {
            Policy = PolicyNames.Proportional,
            Streams = [.. small.Streams.Select(s => new FundingStream(s.Id, s.Name, s.Kind, s.Recurrence, Money.FromMinorUnits(s.AmountMinorUnits * scale, s.Currency), s.StartYear, s.EndYear, s.AnnualChange, s.RestrictedTo, s.RenewalProbability, s.AmountCv))],
            Programs = [.. small.Programs.Select(p => new EducationProgram(p.Id, p.Name, p.Category, p.Community, Money.FromMinorUnits((p.CostMinorUnits * scale) + random.Next(0, 1000), p.Currency), p.CostChange, p.MinFundingRatio, p.Priority, p.StartYear, p.EndYear, p.Participants))],
        };
        var policy = AllocationPolicies.Get(PolicyNames.Proportional);
        var builtIn = ProjectionModel.Create(workbook);
        var wrapped = ProjectionModel.Create(workbook, policy: new Wrapper(policy));
        var varied = builtIn.PlannedAmounts.ToArray().Select(a => random.Next(4) == 0 ? 0 : a / 100 * random.Next(0, 300)).ToArray();
        return (Same(builtIn.Project(), wrapped.Project()) && Same(builtIn.Project(varied), wrapped.Project(varied))).Label($"seed {seed}, scale {scale}");
    }

    [Property(MaxTest = 200)]
    public Property PolicyOfOurOwn_ProportionalWithMoneyAllocateMinorUnits_GivesTheBuiltInNumbers(int seed)
    {
        // What a researcher writes with the public API only: the built-in rule's numbers follow.
        var workbook = RandomWorkbooks.Create(seed);
        var builtIn = ProjectionModel.Create(workbook, policy: IAllocationPolicy.Proportional).Project();
        var own = ProjectionModel.Create(workbook, policy: new OwnProportional()).Project();
        return Same(builtIn, own).Label($"seed {seed}");
    }

    [Fact]
    public void Proportional_WithAnUndecidedProgram_GivesTheUnitByLargestRemainder()
    {
        // Pool 10 over needs 6, 6, 6 (nothing secured): shares 10/3 each; floors 3, 3, 3 and
        // one unit left for the first in tie-break order. Minimum 4 for all: the first is lifted
        // to 4 by the unit, the others stall in the same round; the next round gives 6 and 4.
        var workbook = TestWorkbooks.Workbook(
            [TestWorkbooks.Stream("POOL", 10)],
            [TestWorkbooks.Program("A", 6, minRatio: 0.6m), TestWorkbooks.Program("B", 6, minRatio: 0.6m), TestWorkbooks.Program("C", 6, minRatio: 0.6m)],
            PolicyNames.Proportional,
            to: 2024);
        var result = ProjectionModel.Create(workbook).Project();
        var wrapped = ProjectionModel.Create(workbook, policy: new Wrapper(AllocationPolicies.Get(PolicyNames.Proportional))).Project();
        Assert.True(Same(result, wrapped));
        Assert.Equal(ProgramStatus.Funded, result.Get("A", 2024).Status);
        Assert.Equal(6, result.Get("A", 2024).PoolShareMinorUnits);
        Assert.Equal(ProgramStatus.Underfunded, result.Get("B", 2024).Status);
        Assert.Equal(4, result.Get("B", 2024).PoolShareMinorUnits);
        Assert.Equal(ProgramStatus.Stalled, result.Get("C", 2024).Status);
    }

    private static bool Same(ProjectionResult a, ProjectionResult b) =>
        a.Years.Zip(b.Years).All(pair =>
            pair.First.Programs.SequenceEqual(pair.Second.Programs)
            && pair.First.Arrivals.SequenceEqual(pair.Second.Arrivals)
            && pair.First.PoolMinorUnits == pair.Second.PoolMinorUnits
            && pair.First.AllocatedMinorUnits == pair.Second.AllocatedMinorUnits
            && pair.First.LapsedMinorUnits == pair.Second.LapsedMinorUnits
            && pair.First.StrandedReservesMinorUnits == pair.Second.StrandedReservesMinorUnits
            && pair.First.StrandedRestrictedMinorUnits == pair.Second.StrandedRestrictedMinorUnits)
        && a.Programs.SequenceEqual(b.Programs);

    /// <summary>Proportional to remaining need, written as a user would, with <see cref="EduFunds.Monetary.Money.AllocateMinorUnits"/>.</summary>
    private sealed class OwnProportional : IAllocationPolicy
    {
        public string Name => "own-proportional";

        public void Allocate(in AllocationRequest request, Span<long> shares)
        {
            var claims = request.Claims;
            Span<decimal> remaining = stackalloc decimal[claims.Length];
            decimal total = 0;
            for (var i = 0; i < claims.Length; i++)
            {
                remaining[i] = claims[i].Remaining;
                total += remaining[i];
            }

            if (request.Pool >= total)
            {
                for (var i = 0; i < claims.Length; i++)
                {
                    shares[i] = claims[i].Remaining;
                }
            }
            else if (request.Pool > 0)
            {
                EduFunds.Monetary.Money.AllocateMinorUnits(request.Pool, remaining, shares);
            }
        }
    }

    /// <summary>A built-in policy behind the interface, so that the engine cannot recognise it.</summary>
    private sealed class Wrapper(IAllocationPolicy inner) : IAllocationPolicy
    {
        public string Name => inner.Name;

        public void Allocate(in AllocationRequest request, Span<long> shares) => inner.Allocate(request, shares);
    }
}

/// <summary>
/// A Monte Carlo year splits a restricted stream over two or three programs (none shelved) by its
/// own written-out largest remainder rule (ProjectionModel.Restricted.cs): small needs and amounts,
/// so that remainders tie and one or two units are left, must give what the detailed year gives.
/// </summary>
public class RestrictedSplitProperties
{
    [Property(MaxTest = 400)]
    public Property SplitOverTwoOrThree_InAMonteCarloRun_EqualsTheDetailedSplit(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(2, 4);
        var ids = Enumerable.Range(0, count).Select(i => $"P{i}").ToArray();
        var programs = ids.Select(id => TestWorkbooks.Program(id, random.Next(1, 4) * 100, priority: random.Next(1, 3), minRatio: 0.01m)).ToList();
        var streams = new List<FundingStream> { TestWorkbooks.Restricted("R", random.Next(1, 40), ids) };
        var workbook = TestWorkbooks.Workbook(streams, programs, from: 2024, to: 2025);
        var model = ProjectionModel.Create(workbook);
        var amounts = model.PlannedAmounts.ToArray().Select(_ => (long)random.Next(1, 300)).ToArray();
        var run = model.CreateWorkspace();
        var detailed = model.CreateWorkspace(detailed: true);
        model.Run(amounts, run);
        model.Run(amounts, detailed);
        return (run.Funded.SequenceEqual(detailed.Funded) && run.Status.SequenceEqual(detailed.Status))
            .Label($"seed {seed}: {string.Join(",", run.Funded.ToArray())} / {string.Join(",", detailed.Funded.ToArray())}");
    }
}

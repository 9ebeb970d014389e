using EduFunds.Engine;
using EduFunds.Model;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Engine;

/// <summary>Hand-computed examples of each allocation policy on a one-year workbook.</summary>
public class PolicyExampleTests
{
    private static ProjectionResult ProjectOneYear(string policy, long pool, params EduFunds.Model.EducationProgram[] programs) =>
        ProjectionModel.Create(Workbook([Stream("POOL", pool)], programs, policy)).Project();

    [Fact]
    public void Proportional_PoolShort_SplitsByRemainingNeedWithLargestRemainder()
    {
        // 100 over needs 200 and 100: 66.67 and 33.33 -> 67 and 33.
        var result = ProjectOneYear("proportional", 100, Program("A", 200, minRatio: 0.1m), Program("B", 100, minRatio: 0.1m));
        Assert.Equal(67, result.Get("A", 2024).PoolShareMinorUnits);
        Assert.Equal(33, result.Get("B", 2024).PoolShareMinorUnits);
        Assert.Equal(0, result.Years[0].LapsedMinorUnits);
    }

    [Fact]
    public void Proportional_TieOnFraction_GoesToHigherPriorityThenLowerId()
    {
        // 10 over three equal needs: 3.33 each; the one unit left goes to priority 1 ("C"), not to "A".
        var result = ProjectOneYear(
            "proportional",
            10,
            Program("A", 30, priority: 2, minRatio: 0.1m),
            Program("B", 30, priority: 2, minRatio: 0.1m),
            Program("C", 30, priority: 1, minRatio: 0.1m));
        Assert.Equal(4, result.Get("C", 2024).PoolShareMinorUnits);
        Assert.Equal(3, result.Get("A", 2024).PoolShareMinorUnits);
        Assert.Equal(3, result.Get("B", 2024).PoolShareMinorUnits);
    }

    [Fact]
    public void Proportional_IdTieBreak_IsOrdinal()
    {
        // "B" < "a" in UTF-16 code units, so "B" gets the unit left over.
        var result = ProjectOneYear("proportional", 1, Program("a", 10, minRatio: 0.01m), Program("B", 10, minRatio: 0.01m));
        Assert.Equal(1, result.Get("B", 2024).PoolShareMinorUnits);
        Assert.Equal(0, result.Get("a", 2024).PoolShareMinorUnits);
    }

    [Fact]
    public void Priority_FillsEachCompletelyBeforeTheNext()
    {
        var result = ProjectOneYear("priority", 100, Program("LOW", 60, priority: 2, minRatio: 0.5m), Program("HIGH", 60, priority: 1));
        Assert.Equal(60, result.Get("HIGH", 2024).FundedMinorUnits);
        Assert.Equal(40, result.Get("LOW", 2024).FundedMinorUnits);
        Assert.Equal(ProgramStatus.Underfunded, result.Get("LOW", 2024).Status);
    }

    [Fact]
    public void ViabilityFirst_SkipsUnaffordableProgramToSaveACheaperOne()
    {
        // A (priority 1) needs 200, minimum 120: the pool of 100 cannot lift it, so it is skipped.
        // B needs 80, minimum 48: lifted by 48, then the 52 left fill its open 32; 20 lapse.
        var result = ProjectOneYear("viability-first", 100, Program("A", 200, priority: 1), Program("B", 80, priority: 2));
        Assert.Equal(ProgramStatus.Stalled, result.Get("A", 2024).Status);
        Assert.Equal(ProgramStatus.Funded, result.Get("B", 2024).Status);
        Assert.Equal(80, result.Get("B", 2024).FundedMinorUnits);
        Assert.Equal(20, result.Years[0].LapsedMinorUnits);

        // Under proportional both get a share below their minimum and both stall; the rescue then
        // gives A (priority 1) nothing since 100 < 120, and B is lifted: 80.
        var proportional = ProjectOneYear("proportional", 100, Program("A", 200, priority: 1), Program("B", 80, priority: 2));
        Assert.Equal(ProgramStatus.Stalled, proportional.Get("A", 2024).Status);
        Assert.Equal(80, proportional.Get("B", 2024).FundedMinorUnits);
    }

    [Fact]
    public void ViabilityFirst_SharesWhatIsLeftByOpenNeedAfterTheLifts()
    {
        // A: N 100, M 60; B: N 100, M 60; pool 150: lifts 60 + 60, then 30 over open needs 40 and 40: 15 each.
        var result = ProjectOneYear("viability-first", 150, Program("A", 100, priority: 1), Program("B", 100, priority: 2));
        Assert.Equal(75, result.Get("A", 2024).FundedMinorUnits);
        Assert.Equal(75, result.Get("B", 2024).FundedMinorUnits);
    }

    [Fact]
    public void Equal_WaterFilling_CapsSmallNeedsAndLevelsTheRest()
    {
        // Needs 10, 50, 80 and a pool of 100: 10 is capped, the other two get the level 45.
        var result = ProjectOneYear(
            "equal", 100, Program("A", 10, minRatio: 0.1m), Program("B", 50, minRatio: 0.1m), Program("C", 80, minRatio: 0.1m));
        Assert.Equal(10, result.Get("A", 2024).PoolShareMinorUnits);
        Assert.Equal(45, result.Get("B", 2024).PoolShareMinorUnits);
        Assert.Equal(45, result.Get("C", 2024).PoolShareMinorUnits);
    }

    [Fact]
    public void Equal_LevelWithFraction_RemainderByPriority()
    {
        // 100 over three equal needs of 50: level 33.33; the unit left goes to priority 1.
        var result = ProjectOneYear(
            "equal", 100, Program("A", 50, priority: 3, minRatio: 0.1m), Program("B", 50, priority: 1, minRatio: 0.1m), Program("C", 50, priority: 2, minRatio: 0.1m));
        Assert.Equal(34, result.Get("B", 2024).PoolShareMinorUnits);
        Assert.Equal(33, result.Get("A", 2024).PoolShareMinorUnits);
        Assert.Equal(33, result.Get("C", 2024).PoolShareMinorUnits);
    }

    [Fact]
    public void VisibilityWeighted_FlagshipCappedAtNeed_BasicGetsTheRest()
    {
        // F (flagship, w 3) and B (basic) both need 60; pool 100: L = 100 / 240 -> F would get 75 > 60: capped.
        var result = ProjectOneYear(
            "visibility-weighted", 100, Program("F", 60, category: ProgramCategory.Flagship, minRatio: 0.1m), Program("B", 60, minRatio: 0.1m));
        Assert.Equal(60, result.Get("F", 2024).PoolShareMinorUnits);
        Assert.Equal(40, result.Get("B", 2024).PoolShareMinorUnits);
    }

    [Fact]
    public void VisibilityWeighted_NoCap_SharesByWeightTimesNeed()
    {
        // Pool 40: F gets 40 x 180 / 240 = 30, B gets 40 x 60 / 240 = 10.
        var result = ProjectOneYear(
            "visibility-weighted", 40, Program("F", 60, category: ProgramCategory.Flagship, minRatio: 0.1m), Program("B", 60, minRatio: 0.1m));
        Assert.Equal(30, result.Get("F", 2024).PoolShareMinorUnits);
        Assert.Equal(10, result.Get("B", 2024).PoolShareMinorUnits);
    }

    [Fact]
    public void VisibilityWeighted_DecimalWeight_IsExact()
    {
        // Weight 1.5: F gets 50 x 90 / 150 = 30, B gets 50 x 60 / 150 = 20.
        var workbook = Workbook(
            [Stream("POOL", 50)],
            [Program("F", 60, category: ProgramCategory.Flagship, minRatio: 0.1m), Program("B", 60, minRatio: 0.1m)],
            "visibility-weighted",
            flagshipWeight: 1.5m);
        var result = ProjectionModel.Create(workbook).Project();
        Assert.Equal(30, result.Get("F", 2024).PoolShareMinorUnits);
        Assert.Equal(20, result.Get("B", 2024).PoolShareMinorUnits);
    }
}

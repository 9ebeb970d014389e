using EduFunds.Core.Tests.IO;
using EduFunds.IO;
using EduFunds.Model;

namespace EduFunds.Core.Tests.Model;

/// <summary>
/// Scenario changes are made by the checked factories of <see cref="ScenarioChange"/> (or the
/// builder) and inspected through its kind and fields; the ten change types are internal.
/// </summary>
public sealed class ScenarioChangeTests
{
    public static TheoryData<ScenarioChange, ScenarioChangeKind, string?, StreamKind?, string?, decimal?, string?> Changes() => new()
    {
        { ScenarioChange.Scale(2025, "DG", 1.25m), ScenarioChangeKind.Scale, "DG", null, null, 1.25m, null },
        { ScenarioChange.Scale(2025, StreamKind.Donation, 0.5m), ScenarioChangeKind.Scale, null, StreamKind.Donation, null, 0.5m, null },
        { ScenarioChange.Trend(2026, "DG", -0.1m), ScenarioChangeKind.Trend, "DG", null, null, -0.1m, null },
        { ScenarioChange.Trend(2026, StreamKind.DistrictGrant, -0.1m), ScenarioChangeKind.Trend, null, StreamKind.DistrictGrant, null, -0.1m, null },
        { ScenarioChange.Rate(2027, "DG", -0.15m), ScenarioChangeKind.Rate, "DG", null, null, -0.15m, null },
        { ScenarioChange.Rate(2027, StreamKind.ProjectFund, 0m), ScenarioChangeKind.Rate, null, StreamKind.ProjectFund, null, 0m, null },
        { ScenarioChange.Stop(2028, "SP"), ScenarioChangeKind.Stop, "SP", null, null, null, null },
        { ScenarioChange.Stop(2028, StreamKind.Sponsorship), ScenarioChangeKind.Stop, null, StreamKind.Sponsorship, null, null, null },
        { ScenarioChange.SetPolicy(2025, PolicyNames.Equal), ScenarioChangeKind.SetPolicy, null, null, null, null, "equal" },
        { ScenarioChange.SetFlagshipWeight(2025, 2m), ScenarioChangeKind.SetFlagshipWeight, null, null, null, 2m, null },
        { ScenarioChange.SetMinFundingRatio(2025, "P1", 0.5m), ScenarioChangeKind.SetMinFundingRatio, null, null, "P1", 0.5m, null },
        { ScenarioChange.SetPriority(2025, "P1", 3), ScenarioChangeKind.SetPriority, null, null, "P1", 3m, null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Factory_SetsKindAndFields(ScenarioChange change, ScenarioChangeKind kind, string? streamId, StreamKind? streamKind, string? programId, decimal? value, string? policy)
    {
        Assert.Equal(kind, change.Kind);
        Assert.Equal(streamId, change.StreamId);
        Assert.Equal(streamKind, change.StreamKind);
        Assert.Equal(programId, change.ProgramId);
        Assert.Equal(value, change.Value);
        Assert.Equal(policy, change.Policy);
        Assert.Null(change.AddedStream);
        Assert.Null(change.AddedProgram);
    }

    [Fact]
    public void Factories_CheckTheirArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioChange.Scale(2025, "DG", -1m));
        Assert.Throws<ArgumentException>(() => ScenarioChange.Trend(2025, " ", 0.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioChange.Rate(2025, (StreamKind)99, 0.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioChange.Stop(0, "DG"));
        Assert.ThrowsAny<ArgumentException>(() => ScenarioChange.SetPolicy(2025, "lottery"));
        Assert.ThrowsAny<ArgumentException>(() => ScenarioChange.SetMinFundingRatio(2025, "P1", 1.5m));
        Assert.ThrowsAny<ArgumentException>(() => ScenarioChange.AddStream(2025, null!));
    }

    [Fact]
    public void ReadScenario_ExposesItsChangesThroughKindAndFields()
    {
        var workbook = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());
        var changes = workbook.Scenarios.SelectMany(s => s.Changes).ToList();

        Assert.NotEmpty(changes);
        NonEmpty.All(changes, c => Assert.True(Enum.IsDefined(c.Kind)));
        NonEmpty.All(changes.Where(c => c.Kind is ScenarioChangeKind.Scale or ScenarioChangeKind.Trend or ScenarioChangeKind.Rate or ScenarioChangeKind.Stop),
            c => Assert.True(c.StreamId is not null ^ c.StreamKind is not null));
    }

    [Fact]
    public void FactoryChange_AddedToABuilder_IsTheSameAsTheBuilderMethod()
    {
        var workbook = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());
        var stream = workbook.Streams[0].Id;

        var viaFactory = new ScenarioBuilder("a").Add(ScenarioChange.Rate(2027, stream, -0.15m)).Build(workbook);
        var viaBuilder = new ScenarioBuilder("a").Rate(2027, stream, -0.15m).Build(workbook);

        Assert.Equal(viaBuilder, viaFactory);
    }
}

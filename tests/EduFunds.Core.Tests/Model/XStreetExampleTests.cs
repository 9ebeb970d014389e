using EduFunds.Core.Tests.IO;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;

namespace EduFunds.Core.Tests.Model;

/// <summary>
/// The X Street example must tell the study's story when projected (see examples/x-street/README.md):
/// the digital-skills plan stalls the year after its project fund ends and is shelved; the sponsored
/// events stay funded while basic services run thin; a viability-first allocation keeps programs
/// the proportional split loses.
/// </summary>
public sealed class XStreetExampleTests
{
    private static readonly Workbook Example = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());

    private static readonly ProjectionResult Base = ProjectionModel.Create(Example).Project();

    [Fact]
    public void Example_BasePolicy_IsProportionalOverElevenYears()
    {
        Assert.Equal("proportional", Example.Policy);
        Assert.Equal(new YearRange(2020, 2030), Example.Years);
        Assert.Equal("CNY", Example.Currency.Code);
    }

    [Fact]
    public void Example_BudgetLine_FallsEveryYear()
    {
        var budget = Base.Years.Select(y => y.Streams.Single(s => s.StreamId == "DG-BUDGET").AmountMinorUnits).ToList();

        NonEmpty.All(budget.Zip(budget.Skip(1)), pair => Assert.True(pair.Second < pair.First));
        Assert.True(Example.Streams.Single(s => s.Id == "DG-BUDGET").StartYear <= 2019);
    }

    [Fact]
    public void DigitalSkills_RunsWhileItsProjectFundLasts_ThenStallsTwiceAndIsShelved()
    {
        var fund = Example.Streams.Single(s => s.Id == "PF-DIGITAL");
        Assert.Equal(["P-DIGITAL"], fund.RestrictedTo);
        var fundEnd = fund.EndYear!.Value;

        var statuses = Statuses("P-DIGITAL", Base);

        NonEmpty.All(statuses.Where(s => s.Year <= fundEnd), s => Assert.True(s.Status is ProgramStatus.Funded or ProgramStatus.Underfunded, $"{s.Year}: {s.Status}"));
        Assert.Equal(ProgramStatus.Stalled, statuses.Single(s => s.Year == fundEnd + 1).Status);
        Assert.Equal(ProgramStatus.Stalled, statuses.Single(s => s.Year == fundEnd + 2).Status);
        NonEmpty.All(statuses.Where(s => s.Year > fundEnd + 2), s => Assert.Equal(ProgramStatus.Shelved, s.Status));
        var summary = Summary("P-DIGITAL", Base);
        Assert.Equal(fundEnd + 1, summary.FirstStallYear);
        Assert.Equal(fundEnd + 2, summary.ShelvedYear);
    }

    [Fact]
    public void NewResidentTraining_WithoutARecurringLine_IsLost()
    {
        Assert.DoesNotContain(Example.Streams, s => s.Recurrence == EduFunds.Model.Recurrence.Recurring && s.RestrictedTo.Contains("P-NEWRES"));

        Assert.NotNull(Summary("P-NEWRES", Base).ShelvedYear);
    }

    [Fact]
    public void SponsoredFestival_NeverStalls_CoveredBySponsorshipAndPool()
    {
        var festival = Base.Years.Select(y => Program(y, "P-FESTIVAL")).ToList();

        NonEmpty.All(festival, p => Assert.True(p.Status is ProgramStatus.Funded or ProgramStatus.Underfunded));
        NonEmpty.All(festival, p => Assert.True(p.Ratio >= 0.9m, $"{p.Year}: {p.Ratio}"));
        NonEmpty.All(festival, p => Assert.True(p.RestrictedReceivedMinorUnits > 0));
        Assert.Contains(festival, p => p.PoolShareMinorUnits > 0);
    }

    [Fact]
    public void Flagships_AreFullerThanEveryBasicService_WhichRunThin()
    {
        var sports = Base.Years.Select(y => Program(y, "P-SPORTS")).ToList();
        NonEmpty.All(sports, p => Assert.Equal(ProgramStatus.Funded, p.Status));

        foreach (var year in Base.Years)
        {
            var flagshipLowest = Flagships().Min(id => Program(year, id).Ratio!.Value);
            foreach (var basic in Basics())
            {
                var p = Program(year, basic);
                if (p.Status is ProgramStatus.Funded or ProgramStatus.Underfunded)
                {
                    Assert.Equal(ProgramStatus.Underfunded, p.Status);
                    Assert.True(p.Ratio < flagshipLowest, $"{year.Year} {basic}: {p.Ratio} vs flagships {flagshipLowest}");
                }
            }
        }

        // Seniors' recreation and children's care keep running, thin, every year.
        foreach (var id in new[] { "P-SENIORS", "P-CHILDCARE" })
        {
            NonEmpty.All(Statuses(id, Base), s => Assert.Equal(ProgramStatus.Underfunded, s.Status));
        }
    }

    [Fact]
    public void ViabilityFirst_SavesProgramsTheProportionalSplitLoses()
    {
        var scenario = Assert.Single(Example.Scenarios, s => s.Name == "viability-first");
        Assert.Contains(scenario.Changes, c => c is SetPolicyChange { Policy: "viability-first" });

        var viability = ProjectionModel.Create(Example, scenario: "viability-first").Project();

        var lostInBase = Base.Programs.Where(p => p.ShelvedYear is not null).Select(p => p.Program.Id).ToList();
        var savedByViability = lostInBase.Where(id => Summary(id, viability).ShelvedYear is null).ToList();
        Assert.Contains("P-DIGITAL", lostInBase);
        Assert.Contains("P-DIGITAL", savedByViability);
        Assert.Null(Summary("P-DIGITAL", viability).FirstStallYear);
    }

    [Fact]
    public void DeeperCut_LosesMoreProgramsThanTheBaseCase()
    {
        var cut = ProjectionModel.Create(Example, scenario: "deeper-cut").Project();

        Assert.True(
            cut.Programs.Count(p => p.ShelvedYear is not null) > Base.Programs.Count(p => p.ShelvedYear is not null),
            "a deeper budget cut should shelve more programs");
        Assert.True(cut.Years[^1].PoolMinorUnits < Base.Years[^1].PoolMinorUnits);
    }

    [Fact]
    public void NightSchool_HasRestrictedInKindCollegeSupport()
    {
        var college = Assert.Single(Example.Streams, s => s.Kind == EduFunds.Model.StreamKind.InKind);

        Assert.Equal(["P-NIGHTSCHOOL"], college.RestrictedTo);
        Assert.Contains(Base.Years, y => Program(y, "P-NIGHTSCHOOL").RestrictedReceivedMinorUnits > 0);
    }

    private static IEnumerable<string> Flagships() =>
        Example.Programs.Where(p => p.Category == ProgramCategory.Flagship).Select(p => p.Id);

    private static IEnumerable<string> Basics() =>
        Example.Programs.Where(p => p.Category == ProgramCategory.Basic).Select(p => p.Id);

    private static ProgramYearResult Program(YearResult year, string id) => year.Programs.Single(p => p.ProgramId == id);

    private static ProgramSummary Summary(string id, ProjectionResult result) => result.Programs.Single(p => p.Program.Id == id);

    private static List<(int Year, ProgramStatus Status)> Statuses(string id, ProjectionResult result) =>
        result.Years.Select(y => (y.Year, Program(y, id).Status)).ToList();
}

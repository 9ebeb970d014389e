using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.Model;

/// <summary>A value of a model type that exists is valid: constructors and factories check, and <c>with</c> cannot reopen them.</summary>
public sealed class ModelConstructionTests
{
    private static Money Cny(decimal yuan) => new(yuan, Currency.Cny);

    private static FundingStream Grant(string id = "DG") =>
        new(id, "Grant", StreamKind.DistrictGrant, Recurrence.Recurring, Cny(1000m), 2024);

    private static EducationProgram Course(string id = "P1") =>
        new(id, "Course", ProgramCategory.Basic, null, Cny(800m), 0m, 0.6m, 1, 2024);

    [Theory]
    [InlineData(2030, 2020)]
    [InlineData(0, 2020)]
    [InlineData(2020, 10000)]
    public void YearRange_Impossible_Throws(int from, int to) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new YearRange(from, to));

    [Fact]
    public void YearRange_Valid_CountsAndPrints()
    {
        var years = new YearRange(2020, 2030);
        Assert.Equal(11, years.Count);
        Assert.Equal(4, years.IndexOf(2024));
        Assert.Equal("2020-2030", years.ToString());
        var (from, to) = years;
        Assert.Equal((2020, 2030), (from, to));
    }

    [Fact]
    public void FundingStream_AmountIsMoney_AndItsMinorUnits()
    {
        var stream = Grant();
        Assert.Equal(Cny(1000m), stream.Amount);
        Assert.Equal(100000, stream.AmountMinorUnits);
        Assert.Equal(Currency.Cny, stream.Currency);
    }

    public static TheoryData<string, Func<FundingStream>> InvalidStreams() => new()
    {
        { "id", () => new FundingStream(" ", "x", StreamKind.Donation, Recurrence.Recurring, Cny(1m), 2024) },
        { "id", () => new FundingStream("A;B", "x", StreamKind.Donation, Recurrence.Recurring, Cny(1m), 2024) },
        { "amount", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.Recurring, Cny(-1m), 2024) },
        { "amount", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.Recurring, Cny(0.005m), 2024) },
        { "endYear", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.OneOff, Cny(1m), 2024, 2023) },
        { "startYear", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.Recurring, Cny(1m), 20) },
        { "annualChange", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.Recurring, Cny(1m), 2024, annualChange: -1.5m) },
        { "renewalProbability", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.Recurring, Cny(1m), 2024, renewalProbability: 1.1m) },
        { "amountCv", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.Recurring, Cny(1m), 2024, amountCv: -0.1m) },
        { "restrictedTo", () => new FundingStream("S", "x", StreamKind.InKind, Recurrence.Recurring, Cny(1m), 2024) },
        { "restrictedTo", () => new FundingStream("S", "x", StreamKind.Donation, Recurrence.Recurring, Cny(1m), 2024, restrictedTo: ["P", "P"]) },
        { "kind", () => new FundingStream("S", "x", (StreamKind)99, Recurrence.Recurring, Cny(1m), 2024) },
    };

    [Theory]
    [MemberData(nameof(InvalidStreams))]
    public void FundingStream_Invalid_ThrowsNamingTheParameter(string parameter, Func<FundingStream> create)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => create());
        Assert.Equal(parameter, e.ParamName);
    }

    public static TheoryData<string, Func<EducationProgram>> InvalidPrograms() => new()
    {
        { "cost", () => new EducationProgram("P", "x", ProgramCategory.Basic, null, Cny(0m), 0m, 0.6m, 1, 2024) },
        { "minFundingRatio", () => new EducationProgram("P", "x", ProgramCategory.Basic, null, Cny(1m), 0m, 0m, 1, 2024) },
        { "minFundingRatio", () => new EducationProgram("P", "x", ProgramCategory.Basic, null, Cny(1m), 0m, 1.01m, 1, 2024) },
        { "priority", () => new EducationProgram("P", "x", ProgramCategory.Basic, null, Cny(1m), 0m, 0.6m, 0, 2024) },
        { "costChange", () => new EducationProgram("P", "x", ProgramCategory.Basic, null, Cny(1m), -2m, 0.6m, 1, 2024) },
        { "endYear", () => new EducationProgram("P", "x", ProgramCategory.Basic, null, Cny(1m), 0m, 0.6m, 1, 2024, 2020) },
        { "participants", () => new EducationProgram("P", "x", ProgramCategory.Basic, null, Cny(1m), 0m, 0.6m, 1, 2024, null, -3) },
    };

    [Theory]
    [MemberData(nameof(InvalidPrograms))]
    public void EducationProgram_Invalid_ThrowsNamingTheParameter(string parameter, Func<EducationProgram> create)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => create());
        Assert.Equal(parameter, e.ParamName);
    }

    public static TheoryData<string, Func<ScenarioChange>> InvalidChanges() => new()
    {
        { "factor", () => new ScaleChange(2025, StreamTarget.Stream("DG"), -1m) },
        { "annualChange", () => new RateChange(2025, StreamTarget.Stream("DG"), -2m) },
        { "annualChange", () => new TrendChange(2025, StreamTarget.OfKind(StreamKind.Donation), -1.1m) },
        { "target", () => new StopChange(2025, default) },
        { "policy", () => new SetPolicyChange(2025, "fastest") },
        { "flagshipWeight", () => new SetFlagshipWeightChange(2025, 0m) },
        { "minFundingRatio", () => new SetMinFundingRatioChange(2025, "P1", 0m) },
        { "priority", () => new SetPriorityChange(2025, "P1", 0) },
        { "programId", () => new SetPriorityChange(2025, "", 1) },
        { "from", () => new ScaleChange(12, StreamTarget.Stream("DG"), 1m) },
    };

    [Theory]
    [MemberData(nameof(InvalidChanges))]
    public void ScenarioChange_Invalid_ThrowsNamingTheParameter(string parameter, Func<ScenarioChange> create)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => create());
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void LedgerEntry_ReceiptWithProgram_Throws()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            new LedgerEntry(new DateOnly(2024, 1, 1), LedgerEntryType.Receipt, "DG", "P1", Cny(1m)));
        Assert.Equal("programId", e.ParamName);
    }

    [Fact]
    public void LedgerEntry_ExpenseWithBlankProgramOrNonPositiveAmount_Throws_WithoutProgramIsOverhead()
    {
        Assert.Null(new LedgerEntry(new DateOnly(2024, 1, 1), LedgerEntryType.Expense, null, null, Cny(1m)).ProgramId);
        Assert.Equal("programId", Assert.ThrowsAny<ArgumentException>(() =>
            new LedgerEntry(new DateOnly(2024, 1, 1), LedgerEntryType.Expense, null, " ", Cny(1m))).ParamName);
        Assert.Equal("amount", Assert.ThrowsAny<ArgumentException>(() =>
            LedgerEntry.Receipt(new DateOnly(2024, 1, 1), "DG", Cny(0m))).ParamName);
    }

    [Fact]
    public void LedgerEntry_Factories_SetTypeAndMoney()
    {
        var expense = LedgerEntry.Expense(new DateOnly(2024, 5, 1), "P1", Cny(12.5m), streamId: "DG");
        Assert.Equal(LedgerEntryType.Expense, expense.Type);
        Assert.Equal(1250, expense.AmountMinorUnits);
        Assert.Equal(Cny(12.50m), expense.Amount);
    }

    [Fact]
    public void WorkbookBuilderFrom_ChangedYears_ReChecksEverything()
    {
        var workbook = new WorkbookBuilder("Street").Years(2024, 2026).AddStream(Grant()).AddProgram(Course()).Build();

        // What `workbook with { Years = new YearRange(2030, 2020) }` did in 0.1 cannot be written
        // any more; the builder reports the reversed years instead of crashing later.
        var e = Assert.Throws<InputValidationException>(() => WorkbookBuilder.From(workbook).Years(2030, 2020).Build());
        Assert.Contains(e.Issues, i => i.Message.Contains("years.to 2020 is before years.from 2030", StringComparison.Ordinal));
    }

    [Fact]
    public void WorkbookBuilderFrom_NothingChanged_GivesAnEqualWorkbook()
    {
        var workbook = new WorkbookBuilder("Street").Years(2024, 2026).FiscalYearStartMonth(4).MonteCarlo(500, 9)
            .AddStream(Grant()).AddProgram(Course())
            .Scenario("cut", s => s.Scale(2025, "DG", 0.5m))
            .Receipt(new DateOnly(2024, 5, 1), "DG", 10m)
            .Build();

        Assert.Equal(workbook, WorkbookBuilder.From(workbook).Build());
    }

    [Fact]
    public void WorkbookBuilderFrom_RemoveAndAdd_ChangesOnlyThat()
    {
        var workbook = new WorkbookBuilder("Street").Years(2024, 2026).AddStream(Grant()).AddProgram(Course()).Build();

        var changed = WorkbookBuilder.From(workbook).RemoveStream("DG").AddStream(Grant("DG-2")).Build();

        Assert.Equal(["DG-2"], changed.Streams.Select(s => s.Id));
        Assert.Equal(workbook.Programs, changed.Programs);
        Assert.Throws<ArgumentException>(() => WorkbookBuilder.From(workbook).RemoveProgram("nope"));
    }

    [Fact]
    public void WorkbookBuilder_StreamInAnotherCurrency_IsAnError()
    {
        var euro = new FundingStream("EU", "Euro grant", StreamKind.Donation, Recurrence.Recurring, new Money(10m, Currency.FromCode("EUR")), 2024);

        var e = Assert.Throws<InputValidationException>(() =>
            new WorkbookBuilder("Street").Years(2024, 2026).AddStream(euro).AddProgram(Course()).Build());

        Assert.Contains(e.Issues, i => i.Message.Contains("stream EU is in EUR, but the workbook's currency is CNY", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stream", "stream 'NOPE' does not exist in the workbook's streams")]
    [InlineData("kind", "no stream is of kind 'sponsorship'")]
    [InlineData("program", "program 'NOPE' does not exist in the workbook's programs")]
    public void ScenarioBuilderBuild_ChangeNamingSomethingMissing_ErrorNamesIt(string what, string expected)
    {
        var workbook = new WorkbookBuilder("Street").Years(2024, 2026).AddStream(Grant()).AddProgram(Course()).Build();
        var scenario = new ScenarioBuilder("what-if");
        _ = what switch
        {
            "stream" => scenario.Scale(2025, "NOPE", 0.5m),
            "kind" => scenario.Stop(2025, StreamKind.Sponsorship),
            _ => scenario.SetPriority(2025, "NOPE", 2),
        };

        var e = Assert.Throws<InputValidationException>(() => scenario.Build(workbook));

        Assert.Contains(e.Issues, i => i.Severity == IssueSeverity.Error && i.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ScenarioBuilderBuild_OnItsOwn_GivesTheScenarioForTheWorkbook()
    {
        var workbook = new WorkbookBuilder("Street").Years(2024, 2026).AddStream(Grant()).AddProgram(Course()).Build();

        var scenario = new ScenarioBuilder("half").Description("Half the grant").Scale(2025, "DG", 0.5m).Build(workbook);

        Assert.Equal("half", scenario.Name);
        var change = Assert.IsType<ScaleChange>(Assert.Single(scenario.Changes));
        Assert.Equal(0.5m, change.Factor);
        Assert.Equal("DG", change.Target.StreamId);
    }
}

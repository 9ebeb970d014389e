using EduFunds.Core.Tests.IO;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.Model;

public sealed class WorkbookBuilderTests
{
    [Fact]
    public void Build_FluentDescription_GivesTheSameWorkbookAsTheFiles()
    {
        var built = new WorkbookBuilder("Test")
            .Currency("CNY").Years(2020, 2030)
            .Stream("DG-01", StreamKind.DistrictGrant, 1000.00m, name: "Budget")
            .Program("P1", ProgramCategory.Basic, 800m, name: "Course")
            .Build();

        Assert.Equal(TestFiles.Read(), built);
    }

    [Fact]
    public void Build_Defaults_AreResolvedAsTheReaderDoes()
    {
        var workbook = new WorkbookBuilder("X Street")
            .Years(2020, 2030)
            .Stream("PF", StreamKind.ProjectFund, 120000.55m, recurrence: Recurrence.OneOff, restrictedTo: ["P"])
            .Program("P", ProgramCategory.Basic, 50000m)
            .Build();

        var stream = workbook.Streams[0];
        Assert.Equal(Currency.Cny, workbook.Currency);
        Assert.Equal("PF", stream.Name);
        Assert.Equal(12000055, stream.AmountMinorUnits);
        Assert.Equal(2020, stream.StartYear);
        Assert.Equal(2020, stream.EndYear);
        Assert.Equal(1m, stream.RenewalProbability);
        var program = workbook.Programs[0];
        Assert.Equal(ProgramCategory.Basic, program.Category);
        Assert.Equal(0.6m, program.MinFundingRatio);
        Assert.Equal(1, program.Priority);
        Assert.Equal(2020, program.StartYear);
        Assert.Equal("proportional", workbook.Policy);
    }

    [Fact]
    public void Build_ExampleOfTheDocs_Builds()
    {
        var workbook = new WorkbookBuilder("X Street")
            .Currency("CNY").Years(2020, 2030).Policy("proportional")
            .Stream("DG-01", StreamKind.DistrictGrant, 120000.00m, name: "街道社区教育经费", startYear: 2019, annualChange: -0.08m)
            .Stream("PF-DIGITAL", StreamKind.ProjectFund, 60000m, recurrence: Recurrence.OneOff, startYear: 2020, endYear: 2023, restrictedTo: ["P-DIGITAL"])
            .Program("P-DIGITAL", ProgramCategory.Basic, 120000m, name: "数字技能普及计划", minFundingRatio: 0.75m)
            .Scenario("deeper-cut", s => s.Trend(2024, "DG-01", -0.10m))
            .Scenario("all", s => s
                .Description("every change")
                .Scale(2025, StreamKind.DistrictGrant, 1.1m)
                .Stop(2026, "PF-DIGITAL")
                .AddStream(2026, "NEW", StreamKind.Donation, 5m, restrictedTo: ["COURSE"])
                .AddProgram(2027, "COURSE", ProgramCategory.Basic, 10m)
                .SetPolicy(2026, "viability-first")
                .SetFlagshipWeight(2026, 2m)
                .SetMinFundingRatio(2026, "COURSE", 0.5m)
                .SetPriority(2026, "P-DIGITAL", 2))
            .Receipt(new DateOnly(2020, 3, 1), "DG-01", 1000m, "V-1")
            .Expense(new DateOnly(2020, 4, 1), "P-DIGITAL", 250.5m)
            .Build();

        Assert.Equal(2, workbook.Scenarios.Count);
        var all = workbook.Scenarios[1].Changes;
        Assert.Equal(2026, Assert.IsType<AddStreamChange>(all[2]).Stream.StartYear);
        Assert.Equal(2027, Assert.IsType<AddProgramChange>(all[3]).Program.StartYear);
        Assert.Equal(
            new LedgerEntry(new DateOnly(2020, 4, 1), LedgerEntryType.Expense, null, "P-DIGITAL", Money.FromMinorUnits(25050, Currency.Cny), null, null),
            workbook.Ledger[1]);
    }

    [Fact]
    public void Build_EveryMistake_IsReportedAtOnce()
    {
        var builder = new WorkbookBuilder("Bad")
            .Currency("XYZ")
            .Stream("S", StreamKind.Donation, -1.5m)
            .Stream("IK", StreamKind.InKind, -1m)
            .Program("P", ProgramCategory.Basic, 0m, minFundingRatio: 0m)
            .Scenario("s", s => s.SetPolicy(2020, "nonsense"));

        var e = Assert.Throws<InputValidationException>(builder.Build);

        NonEmpty.All(e.Issues, i => Assert.Equal(WorkbookBuilder.IssueFile, i.File));
        var messages = string.Join("\n", e.Issues.Select(i => i.Message));
        Assert.Contains("unknown currency 'XYZ'", messages, StringComparison.Ordinal);
        Assert.Contains("no years", messages, StringComparison.Ordinal);
        Assert.Contains("in-kind stream IK is not restricted", messages, StringComparison.Ordinal);
        Assert.Contains("is negative", messages, StringComparison.Ordinal);
        Assert.Contains("min_funding_ratio 0 of program P", messages, StringComparison.Ordinal);
        Assert.Contains("must be more than 0", messages, StringComparison.Ordinal);
        Assert.Contains("unknown policy 'nonsense'", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AmountWithMoreDecimalsThanTheCurrency_IsAnError()
    {
        var builder = new WorkbookBuilder("JPY").Currency("JPY").Years(2020, 2021)
            .Stream("S", StreamKind.Donation, 10.5m)
            .Program("P", ProgramCategory.Basic, 100m);

        var e = Assert.Throws<InputValidationException>(builder.Build);

        Assert.Contains("JPY has no minor unit", Assert.Single(e.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ModelObjects_AreTakenAsTheyAre()
    {
        var example = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());
        var builder = new WorkbookBuilder(example.Name).Years(example.Years.From, example.Years.To);
        foreach (var stream in example.Streams)
        {
            builder.AddStream(stream);
        }

        foreach (var program in example.Programs)
        {
            builder.AddProgram(program);
        }

        foreach (var scenario in example.Scenarios)
        {
            builder.AddScenario(scenario);
        }

        foreach (var entry in example.Ledger)
        {
            builder.AddLedgerEntry(entry);
        }

        Assert.Equal(example, builder.Build());
    }

    [Fact]
    public void Build_DuplicateIdsAndUnknownReferences_AreErrors()
    {
        var builder = new WorkbookBuilder("Dup").Years(2020, 2030)
            .Stream("S", StreamKind.Donation, 1m, restrictedTo: ["NOPE"])
            .Stream("S", StreamKind.Donation, 1m)
            .Program("P", ProgramCategory.Basic, 1m)
            .Scenario("x", s => s.Stop(2025, "MISSING"))
            .Scenario("x", s => s.Scale(2025, "S", 2m));

        var e = Assert.Throws<InputValidationException>(builder.Build);
        var messages = string.Join("\n", e.Issues.Select(i => i.Message));

        Assert.Contains("duplicate stream id 'S'", messages, StringComparison.Ordinal);
        Assert.Contains("names program 'NOPE'", messages, StringComparison.Ordinal);
        Assert.Contains("stream 'MISSING' does not exist", messages, StringComparison.Ordinal);
        Assert.Contains("duplicate scenario name 'x'", messages, StringComparison.Ordinal);
    }
}

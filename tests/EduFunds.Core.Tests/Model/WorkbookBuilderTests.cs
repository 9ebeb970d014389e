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
            .Stream("DG-01", s => s.Name("Budget").Kind(StreamKind.DistrictGrant).Recurring().Amount(1000.00m))
            .Program("P1", p => p.Name("Course").Cost(800m))
            .Build();

        Assert.Equal(TestFiles.Read(), built);
    }

    [Fact]
    public void Build_Defaults_AreResolvedAsTheReaderDoes()
    {
        var workbook = new WorkbookBuilder("X Street")
            .Years(2020, 2030)
            .Stream("PF", s => s.Kind(StreamKind.ProjectFund).OneOff().Amount(120000.55m).RestrictedTo("P"))
            .Program("P", p => p.Cost(50000m))
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
            .Stream("DG-01", s => s.Name("街道社区教育经费").Kind(StreamKind.DistrictGrant).Recurring().Amount(120000.00m).From(2019).Change(-0.08m))
            .Stream("PF-DIGITAL", s => s.Kind(StreamKind.ProjectFund).OneOff().Amount(60000m).From(2020).Until(2023).RestrictedTo("P-DIGITAL"))
            .Program("P-DIGITAL", p => p.Name("数字技能普及计划").Basic().Cost(120000m).MinFundingRatio(0.75m))
            .Scenario("deeper-cut", s => s.Trend(2024, "DG-01", -0.10m))
            .Scenario("all", s => s
                .Description("every change")
                .Scale(2025, StreamKind.DistrictGrant, 1.1m)
                .Stop(2026, "PF-DIGITAL")
                .AddStream(2026, "NEW", n => n.Kind(StreamKind.Donation).Amount(5m).RestrictedTo("COURSE"))
                .AddProgram(2027, "COURSE", p => p.Cost(10m))
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
            .Stream("S", s => s.Amount(1.5m))
            .Stream("IK", s => s.Kind(StreamKind.InKind).Amount(-1m))
            .Program("P", p => p.MinFundingRatio(0m))
            .Scenario("s", s => s.SetPolicy(2020, "nonsense"));

        var e = Assert.Throws<InputValidationException>(builder.Build);

        NonEmpty.All(e.Issues, i => Assert.Equal(WorkbookBuilder.IssueFile, i.File));
        var messages = string.Join("\n", e.Issues.Select(i => i.Message));
        Assert.Contains("unknown currency 'XYZ'", messages, StringComparison.Ordinal);
        Assert.Contains("no years", messages, StringComparison.Ordinal);
        Assert.Contains("stream S has no kind", messages, StringComparison.Ordinal);
        Assert.Contains("in-kind stream IK is not restricted", messages, StringComparison.Ordinal);
        Assert.Contains("is negative", messages, StringComparison.Ordinal);
        Assert.Contains("program P has no cost", messages, StringComparison.Ordinal);
        Assert.Contains("min_funding_ratio 0 of program P", messages, StringComparison.Ordinal);
        Assert.Contains("unknown policy 'nonsense'", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AmountWithMoreDecimalsThanTheCurrency_IsAnError()
    {
        var builder = new WorkbookBuilder("JPY").Currency("JPY").Years(2020, 2021)
            .Stream("S", s => s.Kind(StreamKind.Donation).Amount(10.5m))
            .Program("P", p => p.Cost(100m));

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
            .Stream("S", s => s.Kind(StreamKind.Donation).Amount(1m).RestrictedTo("NOPE"))
            .Stream("S", s => s.Kind(StreamKind.Donation).Amount(1m))
            .Program("P", p => p.Cost(1m))
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

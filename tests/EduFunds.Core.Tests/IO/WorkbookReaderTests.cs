using System.Text;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;
using static EduFunds.Core.Tests.IO.TestFiles;

namespace EduFunds.Core.Tests.IO;

public sealed class WorkbookReaderTests
{
    [Fact]
    public void ReadFolder_Example_LoadsEveryStreamProgramAndScenario()
    {
        var reader = new WorkbookReader();
        var workbook = reader.ReadFolder(ExampleFolder());

        Assert.Equal(new YearRange(2020, 2030), workbook.Years);
        Assert.Equal(Currency.Cny, workbook.Currency);
        Assert.True(workbook.Streams.Count >= 8);
        Assert.True(workbook.Programs.Count >= 8);
        Assert.True(workbook.Scenarios.Count >= 2);
        Assert.Contains(workbook.Programs, p => p.Id == "P-DIGITAL" && p.Name == "数字技能普及计划");
        Assert.Empty(reader.LastWarnings);
    }

    [Fact]
    public void Read_BlankOptionalCells_ResolvesDefaults()
    {
        var workbook = Read(
            streams: StreamHeader + "\nDG,Budget,district-grant,recurring,1000.50,,,,,,\nPF,Fund,project-fund,one-off,200,2022,,,P1,,\n",
            programs: ProgramHeader + "\nP1,,basic,,800,,,,,,\n");

        var dg = workbook.Streams[0];
        Assert.Equal(100050, dg.AmountMinorUnits);
        Assert.Equal(2020, dg.StartYear);
        Assert.Null(dg.EndYear);
        Assert.Equal(0m, dg.AnnualChange);
        Assert.Equal(1m, dg.RenewalProbability);
        Assert.Equal(0m, dg.AmountCv);
        Assert.False(dg.IsRestricted);

        var pf = workbook.Streams[1];
        Assert.Equal(Recurrence.OneOff, pf.Recurrence);
        Assert.Equal(2022, pf.EndYear);
        Assert.Equal(["P1"], pf.RestrictedTo);

        var p = workbook.Programs[0];
        Assert.Equal("P1", p.Name);
        Assert.Equal(80000, p.CostMinorUnits);
        Assert.Equal(0.6m, p.MinFundingRatio);
        Assert.Equal(1, p.Priority);
        Assert.Equal(2020, p.StartYear);
        Assert.Null(p.EndYear);
        Assert.Null(p.Community);
        Assert.Null(p.Participants);

        Assert.Equal(PolicyNames.Proportional, workbook.Policy);
        Assert.Equal(1, workbook.FiscalYearStartMonth);
        Assert.Equal(RoundingMode.HalfEven, workbook.Rounding);
        Assert.Equal(3m, workbook.FlagshipWeight);
        Assert.Equal(2, workbook.ShelveAfter);
        Assert.False(workbook.CarryOverPool);
        Assert.Equal((10_000, 1L), (workbook.MonteCarloRuns, workbook.MonteCarloSeed));
    }

    [Fact]
    public void Read_AllSettings_AreRead()
    {
        var workbook = Read(settings: """
            {"name": "东街", "currency": "jpy", "fiscalYearStartMonth": 4, "rounding": "half-away-from-zero",
             "years": {"from": 2021, "to": 2025}, "policy": "viability-first", "flagshipWeight": 1.5,
             "shelveAfter": 0, "carryOverPool": true, "monteCarlo": {"runs": 500, "seed": 42}}
            """, streams: StreamHeader + "\nDG,Budget,district-grant,recurring,1000,,,,,,\n", programs: ProgramHeader + "\nP1,C,basic,,800,,,,,,\n");

        Assert.Equal("东街", workbook.Name);
        Assert.Equal(Currency.FromCode("JPY"), workbook.Currency);
        Assert.Equal(1000, workbook.Streams[0].AmountMinorUnits);
        Assert.Equal(4, workbook.FiscalYearStartMonth);
        Assert.Equal(RoundingMode.HalfAwayFromZero, workbook.Rounding);
        Assert.Equal(new YearRange(2021, 2025), workbook.Years);
        Assert.Equal("viability-first", workbook.Policy);
        Assert.Equal(1.5m, workbook.FlagshipWeight);
        Assert.Equal(0, workbook.ShelveAfter);
        Assert.True(workbook.CarryOverPool);
        Assert.Equal((500, 42L), (workbook.MonteCarloRuns, workbook.MonteCarloSeed));
    }

    [Fact]
    public void Read_Utf8BomChineseAndQuotedMultiLineCells_ReadsTextExactly()
    {
        var streams = "\uFEFF" + StreamHeader + "\n" +
                      "DG,\"街道经费, 含\n临时拨款\",district-grant,recurring,1000,,,,,,\n" +
                      "SP,\"赞助 \"\"文化节\"\"\",sponsorship,recurring,500,,,,P1,,\n";
        var files = Files(settings: "\uFEFF" + Settings, streams: streams);
        var workbook = Read(files);

        Assert.Equal("街道经费, 含\n临时拨款", workbook.Streams[0].Name);
        Assert.Equal("赞助 \"文化节\"", workbook.Streams[1].Name);
    }

    [Fact]
    public void Read_ErrorAfterMultiLineCell_ReportsThePhysicalLine()
    {
        var streams = StreamHeader + "\n" +
                      "DG,\"two\nlines\",district-grant,recurring,1000,,,,,,\n" +
                      "PF,Fund,project-fnd,one-off,200,,,,P1,,\n";

        var error = SingleError(streams: streams);

        Assert.Equal(new ValidationIssue("streams.csv", 4, 3, IssueSeverity.Error, error.Message), error);
        Assert.Contains("'project-fnd'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'project-fund'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CellAfterLineBreakInSameRecord_ReportsTheCellsOwnLine()
    {
        var streams = StreamHeader + "\nDG,\"two\nlines\",district-grant,recurring,abc,,,,,,\n";

        var error = SingleError(streams: streams);

        Assert.Equal(("streams.csv", 3, 5), (error.File, error.Line, error.Column));
        Assert.Contains("'abc' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12,000.00")]
    [InlineData("1e5")]
    [InlineData("¥100")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    public void Read_AmountNotAPlainDecimal_IsAnError(string amount)
    {
        var error = SingleError(streams: StreamHeader + $"\nDG,Budget,district-grant,recurring,\"{amount}\",,,,,,\n");

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AmountWithMoreDecimalsThanTheCurrency_IsAnError()
    {
        var error = SingleError(streams: StreamHeader + "\nDG,Budget,district-grant,recurring,100.005,,,,,,\n");

        Assert.Equal((2, 5), (error.Line, error.Column));
        Assert.Contains("more decimals than CNY allows (2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AmountIsExact_NoBinaryRounding()
    {
        var workbook = Read(streams: StreamHeader + "\nDG,Budget,district-grant,recurring,  12345678901234.56 ,,,,,,\n");

        Assert.Equal(1234567890123456L, workbook.Streams[0].AmountMinorUnits);
    }

    [Theory]
    [InlineData("kind", "grant", "unknown kind 'grant'")]
    [InlineData("recurrence", "yearly", "unknown recurrence 'yearly'")]
    [InlineData("amount", "-5", "is negative")]
    [InlineData("end_year", "2019", "before its start_year 2020")]
    [InlineData("annual_change", "-1.5", "below -1")]
    [InlineData("annual_change", "8%", "write a percentage as a fraction")]
    [InlineData("renewal_probability", "1.2", "probability from 0 to 1")]
    [InlineData("renewal_probability", "-0.1", "probability from 0 to 1")]
    [InlineData("amount_cv", "-0.2", "is negative")]
    [InlineData("restricted_to", "P9", "names program 'P9'")]
    [InlineData("restricted_to", "P1;P1", "lists program 'P1' twice")]
    [InlineData("id", "A;B", "contains ';'")]
    public void Read_StreamRuleBroken_ReportsTheCell(string column, string value, string expected)
    {
        var cells = new Dictionary<string, string>
        {
            ["id"] = "DG",
            ["name"] = "Budget",
            ["kind"] = "district-grant",
            ["recurrence"] = "recurring",
            ["amount"] = "1000",
            ["start_year"] = "2020",
            ["end_year"] = "",
            ["annual_change"] = "",
            ["restricted_to"] = "",
            ["renewal_probability"] = "",
            ["amount_cv"] = "",
        };
        cells[column] = value;
        var columns = WorkbookFiles.StreamColumns;
        var line = string.Join(",", columns.Select(c => cells[c]));

        var error = SingleError(streams: StreamHeader + "\n" + line + "\n");

        Assert.Equal(("streams.csv", 2, columns.ToList().IndexOf(column) + 1), (error.File, error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("category", "core", "unknown category 'core'")]
    [InlineData("cost", "0", "must be more than 0")]
    [InlineData("cost", "-10", "must be more than 0")]
    [InlineData("cost_change", "-2", "below -1")]
    [InlineData("min_funding_ratio", "0", "more than 0 and at most 1")]
    [InlineData("min_funding_ratio", "1.01", "more than 0 and at most 1")]
    [InlineData("priority", "0", "whole number of 1 or more")]
    [InlineData("priority", "1.5", "is not a whole number")]
    [InlineData("start_year", "twenty", "is not a year")]
    [InlineData("end_year", "2021", "before its start_year 2022")]
    [InlineData("participants", "-3", "is negative")]
    public void Read_ProgramRuleBroken_ReportsTheCell(string column, string value, string expected)
    {
        var cells = new Dictionary<string, string>
        {
            ["id"] = "P1",
            ["name"] = "Course",
            ["category"] = "basic",
            ["community"] = "",
            ["cost"] = "800",
            ["cost_change"] = "",
            ["min_funding_ratio"] = "",
            ["priority"] = "",
            ["start_year"] = "2022",
            ["end_year"] = "",
            ["participants"] = "",
        };
        cells[column] = value;
        var columns = WorkbookFiles.ProgramColumns;
        var line = string.Join(",", columns.Select(c => cells[c]));

        var error = SingleError(programs: ProgramHeader + "\n" + line + "\n");

        Assert.Equal(("programs.csv", 2, columns.ToList().IndexOf(column) + 1), (error.File, error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StreamStartingBeforeTheYears_IsValid()
    {
        var workbook = Read(streams: StreamHeader + "\nDG,Budget,district-grant,recurring,1000,2015,,-0.08,,,\n");

        Assert.Equal(2015, workbook.Streams[0].StartYear);
        Assert.Equal(-0.08m, workbook.Streams[0].AnnualChange);
    }

    [Fact]
    public void Read_StreamEndBeforeStart_IsAnError()
    {
        var error = SingleError(streams: StreamHeader + "\nPF,Fund,project-fund,one-off,100,2024,2023,,P1,,\n");

        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("before its start_year 2024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InKindStreamNotRestricted_IsAnError()
    {
        var error = SingleError(streams: StreamHeader + "\nIK,College,in-kind,recurring,100,,,,,,\n");

        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.Contains("in-kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateIds_NameTheFirstLine()
    {
        var errors = Issues(
            streams: StreamHeader + "\nA,x,donation,recurring,1,,,,,,\nB,x,donation,recurring,1,,,,,,\nA,x,donation,recurring,1,,,,,,\n",
            programs: ProgramHeader + "\nP1,C,basic,,800,,,,,,\nP1,D,basic,,800,,,,,,\n");

        Assert.Collection(
            errors,
            e => Assert.Equal(("programs.csv", 3, 1, true), (e.File, e.Line, e.Column, e.Message.Contains("line 2", StringComparison.Ordinal))),
            e => Assert.Equal(("streams.csv", 4, 1, true), (e.File, e.Line, e.Column, e.Message.Contains("line 2", StringComparison.Ordinal))));
    }

    [Fact]
    public void Read_MissingRequiredColumn_IsAnErrorOnTheHeader()
    {
        var error = SingleError(streams: "id,name,kind,recurrence\nDG,Budget,district-grant,recurring\n");

        Assert.Equal(("streams.csv", 1, 0), (error.File, error.Line, error.Column));
        Assert.Contains("required column 'amount' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownColumn_IsAWarningWithASuggestion()
    {
        var reader = new WorkbookReader();
        var workbook = reader.Read(IWorkbookFileSource.FromMemory(Files(streams: "id,name,kind,recurrence,amount,anual_change\nDG,B,donation,recurring,1,0.1\n")));

        var warning = Assert.Single(reader.LastWarnings);
        Assert.Equal(("streams.csv", 1, 6, IssueSeverity.Warning), (warning.File, warning.Line, warning.Column, warning.Severity));
        Assert.Contains("did you mean 'annual_change'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0m, workbook.Streams[0].AnnualChange);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderAndCase_AreMatched()
    {
        var workbook = Read(streams: "Amount, KIND ,id,recurrence,name\n5.5,donation,D,one-off,Gift\n");

        Assert.Equal(550, workbook.Streams[0].AmountMinorUnits);
        Assert.Equal(StreamKind.Donation, workbook.Streams[0].Kind);
    }

    [Fact]
    public void Read_RowWithMoreCellsThanHeader_IsReportedOnceNotPerShiftedCell()
    {
        var error = SingleError(streams: StreamHeader + "\nDG,Budget,district-grant,recurring,120,000.00,,,,,,\n");

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("put in quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyRowsAndRowsOfEmptyCells_AreSkipped()
    {
        var workbook = Read(streams: StreamHeader + "\n\nDG,Budget,district-grant,recurring,1,,,,,,\n,,,,,,,,,,\n");

        Assert.Single(workbook.Streams);
    }

    [Fact]
    public void Read_FormulaProtectedText_RemovesTheApostrophe()
    {
        var workbook = Read(streams: StreamHeader + "\nDG,'=SUM(A1),district-grant,recurring,1,,,,,,\n");

        Assert.Equal("=SUM(A1)", workbook.Streams[0].Name);
    }

    [Fact]
    public void Read_MissingFiles_AreErrors()
    {
        var files = Files();
        files.Remove(WorkbookFiles.Programs);
        files.Remove(WorkbookFiles.Settings);

        var e = Assert.Throws<InputValidationException>(() => Read(files));

        Assert.Contains(e.Issues, i => i.File == "edufunds.json" && i.Message.Contains("no edufunds.json", StringComparison.Ordinal));
        Assert.Contains(e.Issues, i => i.File == "programs.csv" && i.Message.Contains("no programs.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFolder_MissingFolder_ThrowsDirectoryNotFound()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new WorkbookReader().ReadFolder(Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid())));
    }

    [Fact]
    public void Read_JsonSyntaxError_ReportsLineAndColumn()
    {
        var error = SingleError(settings: "{\n  \"years\": {\"from\": 2020, \"to\": 2030},\n  \"name\": \"x\" \"y\"\n}");

        Assert.Equal(("edufunds.json", 3, 15), (error.File, error.Line, error.Column));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonCommentsAndTrailingCommas_AreAllowed()
    {
        var workbook = Read(settings: "{ // X Street\n \"years\": {\"from\": 2020, \"to\": 2030,}, }");

        Assert.Equal(2030, workbook.Years.To);
    }

    [Theory]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"currency\": \"RMB\"}", 1, 51, "unknown currency 'RMB'")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"policy\": \"fair\"}", 1, 49, "unknown policy 'fair'")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"rounding\": \"up\"}", 1, 51, "unknown rounding 'up'")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"fiscalYearStartMonth\": 13}", 1, 63, "not a month")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"flagshipWeight\": 0}", 1, 57, "more than 0")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"shelveAfter\": -1}", 1, 54, "is negative")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"monteCarlo\": {\"runs\": 0}}", 1, 62, "at least 1")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2019}}", 1, 32, "before years.from")]
    [InlineData("{\"years\": {\"from\": 2020}}", 1, 11, "no \"to\"")]
    [InlineData("{\"name\": \"x\"}", 1, 1, "no \"years\"")]
    [InlineData("{\"years\": {\"from\": 2020, \"to\": 2030}, \"carryOverPool\": \"yes\"}", 1, 56, "not true or false")]
    [InlineData("{\"years\": {\"from\": 2020.5, \"to\": 2030}}", 1, 20, "not a whole number")]
    public void Read_SettingsRuleBroken_ReportsJsonPosition(string settings, int line, int column, string expected)
    {
        var error = Issues(settings: settings).First(i => i.Severity == IssueSeverity.Error);

        Assert.Equal(("edufunds.json", line, column), (error.File, error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownSettingsKey_IsAWarningWithASuggestion()
    {
        var reader = new WorkbookReader();
        reader.Read(IWorkbookFileSource.FromMemory(Files(settings: "{\"years\": {\"from\": 2020, \"to\": 2030}, \"polcy\": \"equal\"}")));

        var warning = Assert.Single(reader.LastWarnings);
        Assert.Equal((1, 39), (warning.Line, warning.Column));
        Assert.Contains("did you mean 'policy'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryScenarioChangeType_IsReadWithDefaults()
    {
        var settings = """
            {"years": {"from": 2020, "to": 2030},
             "scenarios": [{"name": "all", "description": "every change", "changes": [
               {"type": "scale", "from": 2026, "stream": "DG-01", "factor": 1.25},
               {"type": "trend", "kind": "district-grant", "annualChange": -0.10},
               {"type": "rate", "from": 2027, "stream": "DG-01", "annualChange": -0.15},
               {"type": "stop", "from": 2027, "stream": "NEW"},
               {"type": "add-stream", "from": 2026, "row": {"id": "NEW", "name": "新", "kind": "donation", "recurrence": "recurring", "amount": "100.50", "restricted_to": "COURSE"}},
               {"type": "add-program", "from": 2025, "row": {"id": "COURSE", "name": "课程", "category": "basic", "cost": 150000, "start_year": "2027"}},
               {"type": "set", "from": 2026, "policy": "viability-first"},
               {"type": "set", "from": 2026, "flagshipWeight": 1.5},
               {"type": "set", "from": 2026, "program": "P1", "minFundingRatio": 0.35, "priority": 2}]}]}
            """;

        var scenario = Assert.Single(Read(settings: settings).Scenarios);

        Assert.Equal("all", scenario.Name);
        Assert.Equal("every change", scenario.Description);
        Assert.Collection(
            scenario.Changes,
            c => Assert.Equal(new ScaleChange(2026, StreamTarget.Stream("DG-01"), 1.25m), c),
            c => Assert.Equal(new TrendChange(2020, StreamTarget.OfKind(StreamKind.DistrictGrant), -0.10m), c),
            c => Assert.Equal(new RateChange(2027, StreamTarget.Stream("DG-01"), -0.15m), c),
            c => Assert.Equal(new StopChange(2027, StreamTarget.Stream("NEW")), c),
            c =>
            {
                var add = Assert.IsType<AddStreamChange>(c);
                Assert.Equal(2026, add.From);
                Assert.Equal(2026, add.Stream.StartYear);
                Assert.Equal(10050, add.Stream.AmountMinorUnits);
                Assert.Equal("新", add.Stream.Name);
                Assert.Equal(["COURSE"], add.Stream.RestrictedTo);
            },
            c =>
            {
                var add = Assert.IsType<AddProgramChange>(c);
                Assert.Equal(2027, add.Program.StartYear);
                Assert.Equal(15000000, add.Program.CostMinorUnits);
            },
            c => Assert.Equal(new SetPolicyChange(2026, "viability-first"), c),
            c => Assert.Equal(new SetFlagshipWeightChange(2026, 1.5m), c),
            c => Assert.Equal(new SetMinFundingRatioChange(2026, "P1", 0.35m), c),
            c => Assert.Equal(new SetPriorityChange(2026, "P1", 2), c));
    }

    [Theory]
    [InlineData("{\"type\": \"grow\", \"stream\": \"DG-01\"}", "unknown change type 'grow'")]
    [InlineData("{\"type\": \"scale\", \"stream\": \"DG-99\", \"factor\": 2}", "stream 'DG-99' does not exist")]
    [InlineData("{\"type\": \"scale\", \"kind\": \"grant\", \"factor\": 2}", "unknown kind 'grant'")]
    [InlineData("{\"type\": \"scale\", \"stream\": \"DG-01\", \"kind\": \"donation\", \"factor\": 2}", "both a \"stream\" and a \"kind\"")]
    [InlineData("{\"type\": \"stop\"}", "neither a \"stream\" nor a \"kind\"")]
    [InlineData("{\"type\": \"scale\", \"stream\": \"DG-01\", \"factor\": -1}", "factor -1 is negative")]
    [InlineData("{\"type\": \"scale\", \"stream\": \"DG-01\"}", "no \"factor\"")]
    [InlineData("{\"type\": \"trend\", \"stream\": \"DG-01\", \"annualChange\": -1.1}", "below -1")]
    [InlineData("{\"type\": \"trend\", \"stream\": \"DG-01\", \"annualChange\": 1e-2}", "not a plain decimal")]
    [InlineData("{\"type\": \"rate\", \"kind\": \"district-grant\", \"annualChange\": -1.5}", "annualChange -1.5 is below -1")]
    [InlineData("{\"type\": \"rate\", \"stream\": \"DG-02\", \"annualChange\": -0.15}", "stream 'DG-02' does not exist")]
    [InlineData("{\"type\": \"rate\", \"stream\": \"DG-01\"}", "no \"annualChange\"")]
    [InlineData("{\"type\": \"set\", \"policy\": \"random\"}", "unknown policy 'random'")]
    [InlineData("{\"type\": \"set\", \"flagshipWeight\": 0}", "more than 0")]
    [InlineData("{\"type\": \"set\", \"program\": \"P9\", \"priority\": 2}", "program 'P9' does not exist")]
    [InlineData("{\"type\": \"set\", \"program\": \"P1\", \"minFundingRatio\": 0}", "more than 0 and at most 1")]
    [InlineData("{\"type\": \"set\", \"minFundingRatio\": 0.5}", "needs the \"program\"")]
    [InlineData("{\"type\": \"set\"}", "a set change needs one of")]
    [InlineData("{\"type\": \"add-program\", \"row\": {\"id\": \"P1\", \"name\": \"x\", \"category\": \"basic\", \"cost\": \"10\"}}", "already exists")]
    [InlineData("{\"type\": \"add-program\", \"row\": {\"id\": \"P2\", \"name\": \"x\", \"category\": \"basic\", \"cost\": \"0\"}}", "must be more than 0")]
    [InlineData("{\"type\": \"add-stream\", \"row\": {\"id\": \"S2\", \"name\": \"x\", \"kind\": \"in-kind\", \"recurrence\": \"recurring\", \"amount\": \"10\"}}", "is not restricted")]
    [InlineData("{\"type\": \"add-stream\", \"row\": {\"id\": \"S2\", \"name\": \"x\", \"kind\": \"donation\", \"recurrence\": \"recurring\"}}", "amount is required")]
    [InlineData("{\"type\": \"add-stream\"}", "needs a \"row\"")]
    public void Read_ScenarioChangeRuleBroken_IsAnError(string change, string expected)
    {
        var settings = "{\"years\": {\"from\": 2020, \"to\": 2030}, \"scenarios\": [{\"name\": \"s\", \"changes\": [\n" + change + "\n]}]}";

        var error = SingleError(settings: settings);

        Assert.Equal(("edufunds.json", 2), (error.File, error.Line));
        Assert.True(error.Column >= 1);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScenarioChangeNamingAStreamAddedLater_IsValid()
    {
        var settings = """
            {"years": {"from": 2020, "to": 2030}, "scenarios": [{"name": "s", "changes": [
              {"type": "scale", "from": 2027, "stream": "NEW", "factor": 2},
              {"type": "set", "from": 2027, "program": "NEWP", "priority": 3},
              {"type": "add-stream", "from": 2026, "row": {"id": "NEW", "name": "n", "kind": "donation", "recurrence": "recurring", "amount": "1"}},
              {"type": "add-program", "from": 2026, "row": {"id": "NEWP", "name": "n", "category": "basic", "cost": "1"}}]}]}
            """;

        var changes = Read(settings: settings).Scenarios[0].Changes;

        Assert.Equal(4, changes.Count);
        Assert.Equal(2026, Assert.IsType<AddProgramChange>(changes[3]).Program.StartYear);
    }

    [Fact]
    public void Read_DuplicateScenarioNames_IsAnError()
    {
        var error = SingleError(settings: "{\"years\": {\"from\": 2020, \"to\": 2030}, \"scenarios\": [\n{\"name\": \"a\"},\n{\"name\": \"a\"}]}");

        Assert.Equal((3, 10), (error.Line, error.Column));
        Assert.Contains("duplicate scenario name 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Ledger_ReadsEntriesWithFiscalYearsFromTheStartMonth()
    {
        var settings = "{\"years\": {\"from\": 2020, \"to\": 2021}, \"fiscalYearStartMonth\": 4}";
        var ledger = LedgerHeader + "\n2020-04-01,receipt,DG-01,,500.00,V-1,首笔\n2022-03-31,expense,DG-01,P1,120.5,,\"memo, with comma\"\n";

        var workbook = Read(settings: settings, ledger: ledger);

        Assert.Equal(
            [
                new LedgerEntry(new DateOnly(2020, 4, 1), LedgerEntryType.Receipt, "DG-01", null, Money.FromMinorUnits(50000, Currency.Cny), "V-1", "首笔"),
                new LedgerEntry(new DateOnly(2022, 3, 31), LedgerEntryType.Expense, "DG-01", "P1", Money.FromMinorUnits(12050, Currency.Cny), null, "memo, with comma"),
            ],
            workbook.Ledger);
    }

    [Theory]
    [InlineData("01.04.2020,receipt,DG-01,,1,,", 1, "not a valid date")]
    [InlineData("2020-04-01,gift,DG-01,,1,,", 2, "unknown type 'gift'")]
    [InlineData("2020-04-01,receipt,DG-99,,1,,", 3, "stream 'DG-99' does not exist")]
    [InlineData("2020-04-01,expense,,P9,1,,", 4, "program 'P9' does not exist")]
    [InlineData("2020-04-01,receipt,,,1,,", 3, "a receipt needs the stream")]
    [InlineData("2020-04-01,receipt,DG-01,P1,1,,", 4, "a receipt names program 'P1'")]
    [InlineData("2020-04-01,expense,,P1,0,,", 5, "must be more than 0")]
    [InlineData("2020-04-01,expense,,P1,-3,,", 5, "must be more than 0")]
    [InlineData("2020-04-01,expense,,P1,x,,", 5, "is not a number")]
    public void Read_LedgerRuleBroken_ReportsTheCell(string row, int column, string expected)
    {
        var settings = "{\"years\": {\"from\": 2020, \"to\": 2021}, \"fiscalYearStartMonth\": 4}";

        var error = SingleError(settings: settings, ledger: LedgerHeader + "\n" + row + "\n");

        Assert.Equal(("ledger.csv", 2, column), (error.File, error.Line, error.Column));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyMistakes_AreAllReportedSortedByFileLineColumn()
    {
        var issues = Issues(
            settings: "{\"years\": {\"from\": 2020, \"to\": 2030}, \"currency\": \"XYZ\"}",
            streams: StreamHeader + "\nA,x,gift,recurring,1,,,,,,\nB,x,donation,always,z,,,,,,\n",
            programs: ProgramHeader + "\nP1,C,basic,,0,,2,,,,\n");

        Assert.Equal(
            [("edufunds.json", 1), ("programs.csv", 2), ("programs.csv", 2), ("streams.csv", 2), ("streams.csv", 3), ("streams.csv", 3)],
            issues.Select(i => (i.File, i.Line)));
        Assert.Equal(issues.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line).ThenBy(i => i.Column), issues);
    }

    [Fact]
    public void Read_InvalidWorkbook_ExceptionNamesTheLocation()
    {
        var files = Files(streams: StreamHeader + "\nA,x,gift,recurring,1,,,,,,\n");

        var e = Assert.Throws<InputValidationException>(() => new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files, "test book")));

        Assert.Equal("test book", e.Location);
        Assert.Contains("test book", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SameFilesTwice_GiveEqualWorkbooks()
    {
        var a = new WorkbookReader().ReadFolder(ExampleFolder());
        var b = new WorkbookReader().ReadFolder(ExampleFolder());

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Read_ZeroMinorUnitCurrency_RejectsDecimals()
    {
        var error = SingleError(
            settings: "{\"years\": {\"from\": 2020, \"to\": 2030}, \"currency\": \"JPY\"}",
            streams: StreamHeader + "\nDG,B,donation,recurring,10.5,,,,,,\n");

        Assert.Contains("JPY has no minor unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Utf16File_IsReadByItsByteOrderMark()
    {
        var files = Files();
        files[WorkbookFiles.Streams] = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(StreamHeader + "\nDG,预算,district-grant,recurring,1,,,,,,\n")).ToArray();

        Assert.Equal("预算", Read(files).Streams[0].Name);
    }

    [Fact]
    public void Read_UnderACommaDecimalCulture_MessagesAndNumbersStayInvariant()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var workbook = Read(streams: StreamHeader + "\nDG,B,donation,recurring,1234.5,,,-0.08,,,\n");
            Assert.Equal(123450, workbook.Streams[0].AmountMinorUnits);
            Assert.Equal(-0.08m, workbook.Streams[0].AnnualChange);

            var error = SingleError(programs: ProgramHeader + "\nP1,C,basic,,800,,1.25,,,,\n");
            Assert.Contains("min_funding_ratio 1.25 ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Read_UnterminatedQuote_IsAnErrorOnItsLine()
    {
        var issues = Issues(streams: StreamHeader + "\nDG,B,donation,recurring,1,,,,,,\nDN,\"open,donation,recurring,1,,,,,,\n");

        Assert.Contains(issues, i => i.File == "streams.csv" && i.Line == 3 && i.Message.Contains("never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ColumnTwice_IsAnError()
    {
        var error = SingleError(streams: "id,name,kind,recurrence,amount,Amount\nDG,B,donation,recurring,1,2\n");

        Assert.Equal((1, 6), (error.Line, error.Column));
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonKeyTwice_IsAnError()
    {
        var error = SingleError(settings: "{\"years\": {\"from\": 2020, \"to\": 2030},\n\"policy\": \"equal\", \"policy\": \"priority\"}");

        Assert.Equal((2, 20), (error.Line, error.Column));
        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_KeyThatDoesNotBelongToTheChange_IsAWarning()
    {
        var reader = new WorkbookReader();
        var settings = "{\"years\": {\"from\": 2020, \"to\": 2030}, \"scenarios\": [{\"name\": \"s\", \"changes\": [\n{\"type\": \"stop\", \"stream\": \"DG-01\", \"factor\": 2}]}]}";

        reader.Read(IWorkbookFileSource.FromMemory(Files(settings: settings)));

        var warning = Assert.Single(reader.LastWarnings);
        Assert.Equal((2, 37), (warning.Line, warning.Column));
        Assert.Contains("\"factor\" has no meaning for a stop change", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChangeWithoutType_IsAnError()
    {
        var error = SingleError(settings: "{\"years\": {\"from\": 2020, \"to\": 2030}, \"scenarios\": [{\"name\": \"s\", \"changes\": [{\"stream\": \"DG-01\"}]}]}");

        Assert.Contains("no \"type\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChangeForAKindWithoutStreams_IsAWarning()
    {
        var reader = new WorkbookReader();
        var settings = "{\"years\": {\"from\": 2020, \"to\": 2030}, \"scenarios\": [{\"name\": \"s\", \"description\": null, \"changes\": [\n{\"type\": \"stop\", \"kind\": \"sponsorship\"}]}]}";

        var workbook = reader.Read(IWorkbookFileSource.FromMemory(Files(settings: settings)));

        var warning = Assert.Single(reader.LastWarnings);
        Assert.Contains("no stream is of kind 'sponsorship'", warning.Message, StringComparison.Ordinal);
        Assert.Null(workbook.Scenarios[0].Description);
    }

    [Fact]
    public void Read_MissingIdColumn_IsReportedOnceNotPerRow()
    {
        var error = SingleError(programs: "name,category,cost\nA,basic,1\nB,basic,2\n");

        Assert.Equal(("programs.csv", 1, 0), (error.File, error.Line, error.Column));
        Assert.Contains("required column 'id'", error.Message, StringComparison.Ordinal);
    }
}

using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using static EduFunds.Core.Tests.IO.TestFiles;

namespace EduFunds.Core.Tests.IO;

/// <summary>DESIGN.md "The years are a window, not a limit on the data": valid, one warning each, with its place.</summary>
public sealed class YearsWindowTests
{
    private static (Workbook Workbook, ValidationIssue Warning) ReadWithOneWarning(string? settings = Settings, string? streams = null, string? programs = null, string? ledger = null)
    {
        var reader = new WorkbookReader();
        var workbook = reader.Read(IWorkbookFileSource.FromMemory(Files(settings, streams, programs, ledger)));
        return (workbook, Assert.Single(reader.LastWarnings));
    }

    [Theory]
    [InlineData("DG,Old,district-grant,recurring,100,2015,2018,,,,", "streams.csv", 7, "end_year 2018 of stream DG is before the workbook's first year 2020")]
    [InlineData("DG,Later,district-grant,recurring,100,2031,,,,,", "streams.csv", 6, "start_year 2031 of stream DG is after the workbook's last year 2030")]
    [InlineData("DG,Once,district-grant,one-off,100,2015,,,,,", "streams.csv", 7, "end_year 2015 of stream DG is before the workbook's first year 2020")]
    public void Read_StreamOutsideTheYears_IsValidWithAWarning(string row, string file, int column, string expected)
    {
        var (workbook, warning) = ReadWithOneWarning(streams: StreamHeader + "\nDG-01,Budget,district-grant,recurring,1000.00,,,,,,\n" + row + "\n");

        Assert.Equal(2, workbook.Streams.Count);
        Assert.Equal((file, 3, column), (warning.File, warning.Line, warning.Column));
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
        Assert.Contains("pays nothing in 2020-2030", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P1,Course,basic,,800.00,0.1,,,2018,,", 9, "its need grows from 2018")]
    [InlineData("P1,Course,basic,,800.00,,,,2031,,", 9, "runs nothing in 2020-2030")]
    [InlineData("P1,Course,basic,,800.00,,,,2015,2019,", 10, "runs nothing in 2020-2030")]
    public void Read_ProgramOutsideTheYears_IsValidWithAWarning(string row, int column, string expected)
    {
        var (_, warning) = ReadWithOneWarning(programs: ProgramHeader + "\n" + row + "\n");

        Assert.Equal(("programs.csv", 2, column), (warning.File, warning.Line, warning.Column));
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2018, "is before the workbook's first year 2020: the change is in effect from 2020 and keeps 2018")]
    [InlineData(2031, "is after the workbook's last year 2030, so the change does nothing")]
    public void Read_ScenarioChangeOutsideTheYears_IsValidWithAWarning(int from, string expected)
    {
        var settings = "{\"years\": {\"from\": 2020, \"to\": 2030}, \"scenarios\": [{\"name\": \"s\", \"changes\": [\n"
            + "{\"type\": \"trend\", \"from\": " + from + ", \"stream\": \"DG-01\", \"annualChange\": 0.1}\n]}]}";

        var (workbook, warning) = ReadWithOneWarning(settings: settings);

        Assert.Equal(from, Assert.Single(workbook.Scenarios[0].Changes).From);
        Assert.Equal(("edufunds.json", 2), (warning.File, warning.Line));
        Assert.Contains($"from {from} {expected}", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-03-31,receipt,DG-01,,1,,", "fiscal year 2019")]
    [InlineData("2022-04-01,expense,,P1,1,,", "fiscal year 2022")]
    public void Read_LedgerEntryOutsideTheYears_IsValidWithAWarning(string row, string expected)
    {
        var settings = "{\"years\": {\"from\": 2020, \"to\": 2021}, \"fiscalYearStartMonth\": 4}";

        var (workbook, warning) = ReadWithOneWarning(settings: settings, ledger: LedgerHeader + "\n" + row + "\n");

        Assert.Single(workbook.Ledger);
        Assert.Equal(("ledger.csv", 2, 1), (warning.File, warning.Line, warning.Column));
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
        Assert.Contains("the entry is kept", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_ProgramStartedBeforeTheFirstYear_NeedGrowsFromItsOwnStart()
    {
        // Cost 800.00 from 2018 with +10%: 2020 needs 800 x 1.1^2 = 968.00.
        var (workbook, _) = ReadWithOneWarning(programs: ProgramHeader + "\nP1,Course,basic,,800.00,0.1,,,2018,,\n");

        var result = ProjectionModel.Create(workbook).Project();

        Assert.Equal(96_800, result.Get("P1", 2020).NeedMinorUnits);
        Assert.Equal(106_480, result.Get("P1", 2021).NeedMinorUnits);
    }
}

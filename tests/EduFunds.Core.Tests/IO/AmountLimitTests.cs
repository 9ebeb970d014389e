using EduFunds.Model;
using static EduFunds.Core.Tests.IO.TestFiles;

namespace EduFunds.Core.Tests.IO;

/// <summary>Amounts that grow past what 64-bit minor units can hold are reported, never wrapped or crashed on.</summary>
public class AmountLimitTests
{
    [Fact]
    public void Read_StreamGrowingBeyondTheLimit_IsAnErrorAtItsAnnualChange()
    {
        var error = SingleError(
            settings: """{"years": {"from": 2020, "to": 2021}}""",
            streams: StreamHeader + "\nS,S,district-grant,recurring,1.00,2020,,100000000000000000000,,,\n");

        Assert.Equal("streams.csv", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(8, error.Column);
        Assert.Contains("grow beyond", error.Message, StringComparison.Ordinal);
        Assert.Contains("2021", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ProgramNeedGrowingBeyondTheLimit_IsAnErrorAtItsCostChange()
    {
        var error = SingleError(
            settings: """{"years": {"from": 2020, "to": 2022}}""",
            programs: ProgramHeader + "\nP1,Course,basic,,800.00,99999999999999999,,,,,\n");

        Assert.Equal("programs.csv", error.File);
        Assert.Equal(6, error.Column);
        Assert.Contains("by 2021", error.Message, StringComparison.Ordinal); // 800.00 x 1e17 is already too large in 2021
    }

    [Fact]
    public void Read_PoolAddingUpBeyondTheLimit_IsAnErrorAtTheStreamThatReachesIt()
    {
        // Each amount fits; their sum does not: validate reports what a projection would hit.
        var error = Assert.Throws<InputValidationException>(() => Read(
            settings: """{"years": {"from": 2020, "to": 2020}}""",
            streams: StreamHeader + "\nS,S,district-grant,recurring,50000000000000000.00,,,,,,\nT,T,donation,recurring,50000000000000000.00,,,,,,\n"));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("streams.csv", 3, 5), (issue.File, issue.Line, issue.Column));
        Assert.Contains("reached with stream 'T' in 2020", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScenarioFactorBeyondTheLimit_IsAnErrorAtTheFactor()
    {
        var error = Assert.Throws<InputValidationException>(() => Read(settings: """
            {"years": {"from": 2020, "to": 2021},
             "scenarios": [{"name": "huge", "changes": [{"type": "scale", "from": 2021, "stream": "DG-01", "factor": 100000000000000000000}]}]}
            """));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("edufunds.json", 2, 106), (issue.File, issue.Line, issue.Column));
        Assert.Contains("this change makes stream 'DG-01' pay more than", issue.Message, StringComparison.Ordinal);
        Assert.Contains("in 2021 in scenario 'huge'", issue.Message, StringComparison.Ordinal);
    }
}

using EduFunds.Engine;
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
    public void Project_PoolAddingUpBeyondTheLimit_ThrowsAmountOverflowNamingTheYear()
    {
        // Each amount fits; their sum does not.
        var workbook = Read(
            settings: """{"years": {"from": 2020, "to": 2020}}""",
            streams: StreamHeader + "\nS,S,district-grant,recurring,50000000000000000.00,,,,,,\nT,T,donation,recurring,50000000000000000.00,,,,,,\n");

        var error = Assert.Throws<AmountOverflowException>(() => ProjectionModel.Create(workbook).Project());

        Assert.Equal(2020, error.Year);
        Assert.Contains("2020", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_ScenarioFactorBeyondTheLimit_ThrowsAmountOverflowNamingTheStream()
    {
        var workbook = Read(settings: """
            {"years": {"from": 2020, "to": 2021},
             "scenarios": [{"name": "huge", "changes": [{"type": "scale", "from": 2021, "stream": "DG-01", "factor": 100000000000000000000}]}]}
            """);

        var error = Assert.Throws<AmountOverflowException>(
            () => ProjectionModel.Create(workbook, new ProjectionOptions { Scenario = "huge" }).Project());

        Assert.Equal(2021, error.Year);
        Assert.Contains("DG-01", error.Message, StringComparison.Ordinal);
    }
}

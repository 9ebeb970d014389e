using EduFunds.Cli.Output;

namespace EduFunds.Cli.Tests.Commands;

/// <summary>Every CSV of a Monte Carlo report states its seed and runs; half-widths never read 0% when they are not 0.</summary>
public class MonteCarloCsvTests
{
    [Theory]
    [InlineData("risk", "programs")]
    [InlineData("risk", "tornado")]
    [InlineData("simulate", "program_years")]
    [InlineData("simulate", "pool")]
    public async Task Csv_EveryRow_EndsWithSeedAndRuns(string command, string table)
    {
        var result = await CliRun.RunAsync(command, "--runs", "300", "--seed", "17", "-f", "csv", "--table", table);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",seed,runs", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        foreach (var line in lines.Skip(1))
        {
            Assert.EndsWith(",17,300", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0", "0%")]
    [InlineData("0.004", "0.4%")]
    [InlineData("0.0004", "<0.1%")]
    [InlineData("0.0099", "0.9%")]
    [InlineData("0.01", "1%")]
    [InlineData("0.996", "99%")]
    [InlineData("1", "100%")]
    public void Percent_NonZeroNeverReadsZero(string ratio, string expected)
    {
        Assert.Equal(expected, CellFormat.Percent(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task RiskTable_SmallHalfWidth_ShownWithEnoughDecimals()
    {
        // P-DIGITAL stalls in nearly every run: its shelve probability's half-width is small but not 0.
        var result = await CliRun.RunAsync("risk", "--runs", "2000");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("± 0%", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"shelve probability 0\.\d{3} ± 0\.00[1-9]", result.Output);
    }
}

using System.CommandLine;

namespace EduFunds.Cli.Tests.Commands;

public sealed class CancellationTests
{
    [Theory]
    [InlineData("project")]
    [InlineData("compare")]
    [InlineData("allocate", "--year", "2026", "--compare-policies")]
    public async Task Report_Cancelled_Exits130AndLeavesNoFile(params string[] args)
    {
        using var folder = new TempFolder();
        var target = folder.File("report.json");
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var code = await EduFundsApp.CreateRootCommand()
            .Parse([.. args, "-f", "json", "-o", target])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("cancelled", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        Assert.Empty(output.ToString());
    }
}

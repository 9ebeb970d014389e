namespace EduFunds.Cli.Tests.Infrastructure;

public sealed class AmountOverflowTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("edufunds-overflow-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Project_AmountsAddingUpBeyondTheLimit_ExitsTwoWithAMessageNotAStackTrace()
    {
        File.WriteAllText(Path.Combine(folder, "edufunds.json"), """{"years": {"from": 2020, "to": 2020}}""");
        File.WriteAllText(
            Path.Combine(folder, "streams.csv"),
            "id,name,kind,recurrence,amount\nS,S,district-grant,recurring,50000000000000000.00\nT,T,donation,recurring,50000000000000000.00\n");
        File.WriteAllText(Path.Combine(folder, "programs.csv"), "id,name,category,cost\nP,P,basic,1.00\n");

        var result = await CliRun.RunAsync(EduFundsApp.CreateRootCommand(), "project", folder);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("2020", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Globalization;
using EduFunds.Cli.Tests.Commands;
using Xunit.Abstractions;

namespace EduFunds.Cli.Tests.Ledger;

public sealed class ExportCommandTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Export_BuiltInExample_WritesBudgetRulesAndTransactions()
    {
        var result = await CliRun.RunAsync("export", "--format", "hledger");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("decimal-mark .\ncommodity 1000.00 CNY\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("~ yearly from 2024-01-01 to 2025-01-01  ; budget of fiscal year 2024\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("2024-05-20 (R2024-004) Community games sponsor 2024 (reduced)  ; stream:SP-SPORTS\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(192, result.Output.Split('\n').Count(l => l.Length > 0 && char.IsDigit(l[0])));
    }

    [Fact]
    public async Task Export_OutputOverTheLedger_IsRefused()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        var before = File.ReadAllBytes(temp.File("ledger.csv"));

        var result = await CliRun.RunAsync("export", temp.Path, "-o", temp.File("ledger.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refusing to write", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(temp.File("ledger.csv")));
    }

    /// <summary>
    /// With hledger installed (apt-get install hledger; CI installs it), hledger reads the
    /// exported journal and its balances equal the ledger's sums. Without it, the test says so
    /// on its output; the journal text is checked by the tests above either way.
    /// </summary>
    [Fact]
    public async Task Export_ReadByHledger_BalancesEqualTheLedgerSums()
    {
        var hledger = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "hledger")).FirstOrDefault(File.Exists);
        if (hledger is null)
        {
            log.WriteLine("hledger is not installed; skipped running it (the journal text is checked by the other tests).");
            return;
        }

        using var temp = new TempFolder();
        var export = await CliRun.RunAsync("export", "-o", temp.File("x-street.journal"));
        Assert.Equal(0, export.ExitCode);

        // Sums of the example ledger, from the CSV itself.
        decimal receipts = 0, expenses = 0;
        foreach (var line in File.ReadAllLines(Path.Combine(ExampleFolder.Path, "ledger.csv")).Skip(1))
        {
            // date,type,stream,program,amount,... (the memo, last, may hold commas)
            var row = line.Split(',');
            var amount = decimal.Parse(row[4], CultureInfo.InvariantCulture);
            if (row[1] == "receipt")
            {
                receipts += amount;
            }
            else
            {
                expenses += amount;
            }
        }

        var info = new ProcessStartInfo(hledger) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-f", temp.File("x-street.journal"), "bal", "--depth", "1", "--no-total", "--layout=bare" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        var balances = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[^1], p => decimal.Parse(p[0], CultureInfo.InvariantCulture));
        Assert.Equal(receipts - expenses, balances["assets"]);
        Assert.Equal(expenses, balances["expenses"]);
        Assert.Equal(-receipts, balances["income"]);
    }
}

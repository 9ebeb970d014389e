using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

public sealed class LedgerFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("edufunds-ledgerfile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Append_MissingFile_CreatesItWithHeader()
    {
        var path = Path.Combine(folder, "ledger.csv");

        LedgerFile.Append(path, [Receipt("2024-01-02", "DG", 123_456, "R,1", "say \"hi\"")], Currency.Cny);

        Assert.Equal("date,type,stream,program,amount,reference,memo\n2024-01-02,receipt,DG,,1234.56,\"R,1\",\"say \"\"hi\"\"\"\n", File.ReadAllText(path));
    }

    [Fact]
    public void Append_ExistingFile_KeepsItsBytesColumnOrderAndLineEndings()
    {
        var path = Path.Combine(folder, "ledger.csv");
        const string existing = "amount,date,type,program,stream,memo,reference\r\n5.00,2024-01-01,expense,P1,,old,X";
        File.WriteAllText(path, existing);

        LedgerFile.Append(path, [Expense("2024-02-01", "P2", 700)], Currency.Cny);

        Assert.Equal(existing + "\r\n7.00,2024-02-01,expense,P2,,,\r\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void Append_HeaderLacksAColumnTheEntriesNeed_FailsAndLeavesTheFile()
    {
        var path = Path.Combine(folder, "ledger.csv");
        const string existing = "date,type,stream,program,amount\n";
        File.WriteAllText(path, existing);

        var e = Assert.Throws<InputValidationException>(() => LedgerFile.Append(path, [Expense("2024-02-01", "P2", 700, reference: "V-1")], Currency.Cny));

        Assert.Contains("reference", e.Message, StringComparison.Ordinal);
        Assert.Equal(existing, File.ReadAllText(path));
    }

    [Fact]
    public void Append_NoEntries_WritesNothing()
    {
        var path = Path.Combine(folder, "ledger.csv");

        LedgerFile.Append(path, [], Currency.Cny);

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Append_MemoLikeAFormula_IsProtectedAndReadBackByTheWorkbookReader()
    {
        var path = Path.Combine(folder, "ledger.csv");
        new EduFunds.IO.WorkbookWriter().WriteFolder(Workbook(), folder);

        LedgerFile.Append(path, [Expense("2024-02-01", "P2", 700, "-7", "=HYPERLINK(\"x\")")], Currency.Cny);

        Assert.EndsWith("2024-02-01,expense,,P2,7.00,'-7,\"'=HYPERLINK(\"\"x\"\")\"\n", File.ReadAllText(path), StringComparison.Ordinal);
        var entry = Assert.Single(new EduFunds.IO.WorkbookReader().ReadFolder(folder).Ledger);
        Assert.Equal(("-7", "=HYPERLINK(\"x\")"), (entry.Reference, entry.Memo));
    }
}

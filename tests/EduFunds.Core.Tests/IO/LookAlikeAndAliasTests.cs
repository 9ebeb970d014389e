using EduFunds.IO;
using EduFunds.Model;
using static EduFunds.Core.Tests.IO.TestFiles;

namespace EduFunds.Core.Tests.IO;

/// <summary>Issue 11, class 10 (look-alike ids, restricted_to of only separators) and Chinese column names.</summary>
public sealed class LookAlikeAndAliasTests
{
    [Theory]
    [InlineData("P1\u200B")]       // zero-width space
    [InlineData("\uFEFFP1")]       // a byte order mark inside the file
    [InlineData("P\u2060" + "1")]  // word joiner
    public void Read_ProgramIdsDifferingByAnInvisibleCharacter_AreLookAlikes(string other)
    {
        var error = SingleError(programs: ProgramHeader + "\nP1,Course,basic,,800.00,,,,,,\n" + other + ",Other,basic,,800.00,,,,,,\n");

        Assert.Equal(("programs.csv", 3, 1), (error.File, error.Line, error.Column));
        Assert.Contains("looks like 'P1' (at line 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("\\u", error.Message, StringComparison.Ordinal); // the invisible character is shown
    }

    [Fact]
    public void Read_StreamIdsInNfcAndNfd_AreLookAlikes()
    {
        var nfc = "DG-\u00C9";   // É as one character
        var nfd = "DG-E\u0301";  // E + combining acute accent
        var error = SingleError(streams: StreamHeader + $"\n{nfc},A,district-grant,recurring,1.00,,,,,,\n{nfd},B,district-grant,recurring,1.00,,,,,,\n");

        Assert.Equal(("streams.csv", 3, 1), (error.File, error.Line, error.Column));
        Assert.Contains("Unicode normalisation", error.Message, StringComparison.Ordinal);
        Assert.Contains("\\u0301", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_IdsThatOnlyLookDifferent_AreNotLookAlikes()
    {
        var workbook = Read(programs: ProgramHeader + "\nP1,Course,basic,,800.00,,,,,,\nP-1,Other,basic,,800.00,,,,,,\np1,Third,basic,,800.00,,,,,,\n");

        Assert.Equal(3, workbook.Programs.Count);
    }

    [Theory]
    [InlineData(";")]
    [InlineData(";;")]
    [InlineData(" ; ; ")]
    public void Read_RestrictedToOfOnlySeparators_IsAnErrorAtTheCell(string cell)
    {
        var error = SingleError(streams: StreamHeader + $"\nDG-01,Budget,district-grant,recurring,1000.00,,,,\"{cell}\",,\n");

        Assert.Equal(("streams.csv", 2, 9), (error.File, error.Line, error.Column));
        Assert.Contains("only separators", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChineseHeaders_ReadAsTheEnglishOnes()
    {
        const string streams = "DG-01,Budget,district-grant,recurring,1000.00,2020,,-0.05,P1,0.9,0.1\n";
        const string programs = "P1,Course,basic,全街道,800.00,0.01,0.7,2,2020,,30\n";
        const string ledger = "2021-03-01,expense,,P1,12.50,E-1,chalk\n";
        var english = Read(streams: StreamHeader + "\n" + streams, programs: ProgramHeader + "\n" + programs, ledger: LedgerHeader + "\n" + ledger);

        var chinese = Read(
            streams: Header(WorkbookFiles.Streams) + "\n" + streams,
            programs: Header(WorkbookFiles.Programs) + "\n" + programs,
            ledger: Header(WorkbookFiles.Ledger) + "\n" + ledger);

        Assert.Equal(english.Streams, chinese.Streams);
        Assert.Equal(english.Programs, chinese.Programs);
        Assert.Equal(english.Ledger, chinese.Ledger);
    }

    [Fact]
    public void Read_ChineseAndEnglishNameOfOneColumn_IsADuplicateColumn()
    {
        var error = SingleError(streams: "id,编号,name,kind,recurrence,amount\nDG,DG,Budget,district-grant,recurring,1.00\n");

        Assert.Equal(("streams.csv", 1, 2), (error.File, error.Line, error.Column));
        Assert.Contains("column 'id' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_EveryColumnOfEveryCsvFileHasOneChineseName()
    {
        foreach (var (file, columns) in new[] { (WorkbookFiles.Streams, WorkbookFiles.StreamColumns), (WorkbookFiles.Programs, WorkbookFiles.ProgramColumns), (WorkbookFiles.Ledger, WorkbookFiles.LedgerColumns) })
        {
            Assert.Equal(columns, ColumnAliases.Of(file).Select(a => a.Column));
            Assert.Equal(columns.Count, ColumnAliases.Of(file).Select(a => a.Alias).Distinct().Count());
        }
    }

    [Fact]
    public void Append_LedgerWithChineseHeader_WritesEachCellUnderItsChineseColumn()
    {
        var folder = Directory.CreateTempSubdirectory("edufunds-alias-").FullName;
        try
        {
            var path = Path.Combine(folder, "ledger.csv");
            File.WriteAllText(path, "摘要,日期,金额,类型,资金流,项目,凭证号\nold,2021-01-01,1.00,receipt,DG-01,,R-0\n");
            var entry = LedgerEntry.Expense(new DateOnly(2021, 2, 3), "P1", EduFunds.Monetary.Money.Parse("CNY 2.50"), reference: "E-1", memo: "=chalk");

            LedgerFile.Append(path, [entry], EduFunds.Monetary.Currency.Cny);

            Assert.Equal("'=chalk,2021-02-03,2.50,expense,,P1,E-1", File.ReadAllLines(path)[2]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Header(string file) => string.Join(',', ColumnAliases.Of(file).Select(a => a.Alias));
}

using System.Text;
using EduFunds.Cli.Excel;
using EduFunds.Cli.Infrastructure;
using EduFunds.IO;
using FsCheck;
using FsCheck.Fluent;

namespace EduFunds.Cli.Tests.Excel;

/// <summary>A workbook kept as one .xlsx file: read with the folder's rules, problems named by cell, converted both ways without loss.</summary>
public sealed class XlsxWorkbookTests
{
    private static Dictionary<string, byte[]> ExampleFiles()
    {
        var source = WorkbookInput.BuiltInSource();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in Cli.Output.OutputFile.WorkbookFileNames)
        {
            using var stream = source.Open(name);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name] = buffer.ToArray();
        }

        return files;
    }

    private static string WriteXlsx(TempFolder folder, Dictionary<string, byte[]> files, string name = "street.xlsx")
    {
        var path = folder.File(name);
        File.WriteAllBytes(path, XlsxWorkbookWriter.Write(IWorkbookFileSource.FromMemory(files)));
        return path;
    }

    private static Dictionary<string, byte[]> WithCsvCell(string file, int line, string column, string value)
    {
        var files = ExampleFiles();
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(files[file]).TrimStart('\uFEFF'));
        var index = Array.IndexOf(records[0], column);
        records[line - 1][index] = value;
        files[file] = Encoding.UTF8.GetBytes(string.Join("\n", records.Select(r => string.Join(",", r.Select(Quote)))) + "\n");
        return files;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Fact]
    public async Task InitXlsx_ThenRisk_GivesTheFolderReportApartFromTheSource()
    {
        using var folder = new TempFolder();
        var file = folder.File("street.xlsx");
        var init = await CliRun.RunAsync("init", "--xlsx", file);
        Assert.True(init.ExitCode == 0, init.Error);
        var fromFile = await CliRun.RunAsync("risk", file, "--runs", "500", "--verbose");
        var builtIn = await CliRun.RunAsync("risk", "--runs", "500", "--verbose");
        Assert.True(fromFile.ExitCode == 0, fromFile.Error);
        static string WithoutSource(string report) =>
            string.Join("\n", report.Split('\n').Where(l => !l.StartsWith("Source:", StringComparison.Ordinal) && !l.StartsWith("Read from", StringComparison.Ordinal)).SkipWhile(l => !l.StartsWith("Risk of stalling", StringComparison.Ordinal)));
        Assert.Equal(WithoutSource(builtIn.Output), WithoutSource(fromFile.Output));
        Assert.Contains("street.xlsx", fromFile.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitXlsx_ExistingFile_IsKeptWithoutForce()
    {
        using var folder = new TempFolder();
        var file = folder.File("street.xlsx");
        await File.WriteAllTextAsync(file, "mine");
        Assert.Equal(ExitCodes.InvalidInput, (await CliRun.RunAsync("init", "--xlsx", file)).ExitCode);
        Assert.Equal("mine", await File.ReadAllTextAsync(file));
        Assert.Equal(0, (await CliRun.RunAsync("init", "--xlsx", file, "--force")).ExitCode);
    }

    [Fact]
    public async Task WrongCell_IsReportedBySheetAndCell()
    {
        using var folder = new TempFolder();
        var file = WriteXlsx(folder, WithCsvCell(IWorkbookFileSource.ProgramsFileName, 7, "cost", "abc"));
        var result = await CliRun.RunAsync("validate", file);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("street.xlsx: programs!E7: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSetting_IsReportedAtItsValueCell()
    {
        using var folder = new TempFolder();
        var files = ExampleFiles();
        var json = Encoding.UTF8.GetString(files[IWorkbookFileSource.SettingsFileName]);
        files[IWorkbookFileSource.SettingsFileName] = Encoding.UTF8.GetBytes(json.Replace("\"rounding\": \"half-even\"", "\"rounding\": \"sideways\"", StringComparison.Ordinal));
        Assert.Contains("sideways", Encoding.UTF8.GetString(files[IWorkbookFileSource.SettingsFileName]), StringComparison.Ordinal);
        var file = WriteXlsx(folder, files);
        var result = await CliRun.RunAsync("validate", file);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        var sheets = XlsxReportTests.ReadSheets(file);
        var row = sheets["settings"].FindIndex(r => r[0] == "rounding") + 1;
        Assert.Contains($"street.xlsx: settings!B{row}: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongScenarioChange_IsReportedAtItsCell()
    {
        using var folder = new TempFolder();
        var files = ExampleFiles();
        var json = Encoding.UTF8.GetString(files[IWorkbookFileSource.SettingsFileName]);
        var at = json.IndexOf("\"type\": \"", StringComparison.Ordinal);
        Assert.True(at > 0);
        var end = json.IndexOf('"', at + 9);
        files[IWorkbookFileSource.SettingsFileName] = Encoding.UTF8.GetBytes(json[..(at + 9)] + "explode" + json[end..]);
        var file = WriteXlsx(folder, files);
        var result = await CliRun.RunAsync("validate", file);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Matches(@"street\.xlsx: scenarios!C\d+: ", result.Error);
    }

    [Fact]
    public async Task ConvertFolderToXlsxAndBack_ReadsAsTheSameWorkbook()
    {
        using var folder = new TempFolder();
        var original = folder.File("street");
        Assert.Equal(0, (await CliRun.RunAsync("init", original)).ExitCode);
        var file = folder.File("street.xlsx");
        var back = folder.File("back");
        var there = await CliRun.RunAsync("convert", original, file);
        Assert.True(there.ExitCode == 0, there.Error);
        var again = await CliRun.RunAsync("convert", file, back);
        Assert.True(again.ExitCode == 0, again.Error);

        var reader = new WorkbookReader();
        Assert.Equal(reader.ReadFolder(original), reader.ReadFolder(back));
        foreach (var csv in new[] { IWorkbookFileSource.StreamsFileName, IWorkbookFileSource.ProgramsFileName, IWorkbookFileSource.LedgerFileName })
        {
            Assert.Equal(Cells(await File.ReadAllTextAsync(Path.Combine(original, csv))), Cells(await File.ReadAllTextAsync(Path.Combine(back, csv))));
        }

        // And back again: the same bytes.
        var second = folder.File("second.xlsx");
        Assert.Equal(0, (await CliRun.RunAsync("convert", back, second)).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(second));
    }

    [Fact]
    public async Task Convert_ExistingTarget_NeedsForce_AndTwoFoldersIsAnError()
    {
        using var folder = new TempFolder();
        var original = folder.File("street");
        Assert.Equal(0, (await CliRun.RunAsync("init", original)).ExitCode);
        var file = folder.File("street.xlsx");
        Assert.Equal(0, (await CliRun.RunAsync("convert", original, file)).ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, (await CliRun.RunAsync("convert", original, file)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("convert", original, file, "--force")).ExitCode);
        Assert.Equal(ExitCodes.InvalidInput, (await CliRun.RunAsync("convert", original, folder.File("other"))).ExitCode);
    }

    [Fact]
    public async Task Import_IntoAnXlsxWorkbook_IsRefused()
    {
        using var folder = new TempFolder();
        var file = folder.File("street.xlsx");
        Assert.Equal(0, (await CliRun.RunAsync("init", "--xlsx", file)).ExitCode);
        var bank = folder.File("bank.csv");
        await File.WriteAllTextAsync(bank, "date,type,stream,program,amount,reference,memo\n2024-01-05,receipt,DG-BUDGET,,10.00,X1,test\n");
        var before = await File.ReadAllBytesAsync(file);
        var result = await CliRun.RunAsync("import", bank, "--workbook", file, "--map", "date=date,amount=amount,type=type,stream=stream,reference=reference,memo=memo");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("convert", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(file));
    }

    [Theory]
    [InlineData("600000.00", "600000.00")]
    [InlineData("-0.08", "-0.08")]
    [InlineData("1.5E-2", "0.015")]
    [InlineData("6E+5", "600000")]
    public void StoredNumbers_AreReadAsDecimalText(string stored, string expected) =>
        Assert.Equal(expected, XlsxSheets.PlainNumber(stored));

    [Fact]
    public void AnyCsvCells_SurviveFolderToXlsxToFolder()
    {
        var cell = Gen.OneOf(
            Gen.Elements("", "a", "中文 名称", "=SUM(A1)", "-0.08", "600000.00", "1,234", "\"quoted\"", "line\nbreak", "x,y", " padded "),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => new string(s.Get.Where(c => c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF').ToArray())));
        var table = Gen.Choose(1, 6).SelectMany(rows => Gen.ArrayOf(Gen.ArrayOf(cell, 11), rows));
        Prop.ForAll(table.ToArbitrary(), rows =>
        {
            var files = ExampleFiles();
            var header = Encoding.UTF8.GetString(files[IWorkbookFileSource.StreamsFileName]).TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r');
            var csv = header + "\n" + string.Join("\n", rows.Select(r => string.Join(",", r.Select(Quote)))) + "\n";
            files[IWorkbookFileSource.StreamsFileName] = Encoding.UTF8.GetBytes(csv);
            var xlsx = XlsxWorkbookWriter.Write(IWorkbookFileSource.FromMemory(files));
            var back = XlsxWorkbookSource.Read(new MemoryStream(xlsx), "t.xlsx").Files[IWorkbookFileSource.StreamsFileName];
            return Cells(csv).SequenceEqual(Cells(Encoding.UTF8.GetString(back)), new RowComparer());
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The cells of a CSV text as the workbook reader sees them: trimmed, blank rows and trailing blank cells left out.</summary>
    private static List<string[]> Cells(string csv) =>
        CsvRecords.Parse(csv.TrimStart('\uFEFF'))
            .Select(r => r.Select(c => c.Trim()).Reverse().SkipWhile(c => c.Length == 0).Reverse().ToArray())
            .Where(r => r.Length > 0)
            .ToList();

    private sealed class RowComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}

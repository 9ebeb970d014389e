using System.Text;
using EduFunds.Cli.Tests.Commands;

namespace EduFunds.Cli.Tests.Encodings;

/// <summary>Workbooks and files from Chinese offices: GB18030, UTF-16, and invalid bytes named by line and column.</summary>
public sealed class EncodingCommandTests : IDisposable
{
    private static readonly Encoding Gb18030 = GetGb18030();
    private readonly TempFolder temp = new();

    public EncodingCommandTests()
    {
        Directory.CreateDirectory(Utf8Workbook);
        ExampleFolder.CopyTo(Utf8Workbook);
        Directory.CreateDirectory(GbWorkbook);
        ExampleFolder.CopyTo(GbWorkbook);
        foreach (var file in new[] { "streams.csv", "programs.csv", "ledger.csv" })
        {
            var text = File.ReadAllText(Path.Combine(GbWorkbook, file), Encoding.UTF8);
            File.WriteAllBytes(Path.Combine(GbWorkbook, file), Gb18030.GetBytes(text));
        }
    }

    private string Utf8Workbook => temp.File("utf8");

    private string GbWorkbook => temp.File("gb");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Gb18030Workbook_WithoutTheEncoding_FailsWithTheHintAndLocation()
    {
        var result = await CliRun.RunAsync("validate", GbWorkbook);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"programs\.csv:2:\d+: byte", result.Error);
        Assert.Contains("this looks like GB18030; try --workbook-encoding gb18030", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gb18030Workbook_WithTheOption_ReadsAsTheUtf8One()
    {
        var expected = await CliRun.RunAsync("project", Utf8Workbook, "-f", "csv");
        var result = await CliRun.RunAsync("project", GbWorkbook, "-f", "csv", "--workbook-encoding", "gb18030");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected.Output, result.Output);
        var track = await CliRun.RunAsync("track", GbWorkbook, "--workbook-encoding", "GB18030", "--as-of", "2025-06-30");
        Assert.Equal(0, track.ExitCode);
        Assert.Contains("数字技能普及计划", track.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gb18030Workbook_WithTheSetting_ReadsAndImportKeepsTheEncoding()
    {
        var settings = Path.Combine(GbWorkbook, "edufunds.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("{", "{\n  \"encoding\": \"gb18030\",", StringComparison.Ordinal));
        Assert.Equal(0, (await CliRun.RunAsync("validate", GbWorkbook)).ExitCode);

        var export = temp.File("export.csv");
        File.WriteAllText(export, "Date,Amount,Kind,Fund,Text\n2025-03-15,100.00,income,DG-BUDGET,街道拨款\n", Encoding.UTF8);
        var before = File.ReadAllBytes(Path.Combine(GbWorkbook, "ledger.csv"));
        var import = await CliRun.RunAsync("import", export, "-w", GbWorkbook, "--map", "date=Date,amount=Amount,type=Kind,stream=Fund,memo=Text");

        Assert.Equal(0, import.ExitCode);
        var after = File.ReadAllBytes(Path.Combine(GbWorkbook, "ledger.csv"));
        Assert.Equal(before, after[..before.Length]);
        Assert.Equal("2025-03-15,receipt,DG-BUDGET,,100.00,,街道拨款\n", Gb18030.GetString(after[before.Length..]));
        Assert.Equal(0, (await CliRun.RunAsync("validate", GbWorkbook)).ExitCode);
    }

    [Fact]
    public async Task UnknownEncodingName_IsExit2NamingTheOption()
    {
        var result = await CliRun.RunAsync("validate", Utf8Workbook, "--workbook-encoding", "klingon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--workbook-encoding 'klingon' is not a known encoding", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16SettingsAndUtf16Csv_WithByteOrderMarks_AreRead()
    {
        foreach (var file in new[] { "edufunds.json", "streams.csv" })
        {
            var path = Path.Combine(Utf8Workbook, file);
            File.WriteAllText(path, File.ReadAllText(path), new UnicodeEncoding(bigEndian: false, byteOrderMark: true));
        }

        var result = await CliRun.RunAsync("validate", Utf8Workbook);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task InvalidUtf8InSettings_IsExit2WithLineAndColumn()
    {
        var path = Path.Combine(Utf8Workbook, "edufunds.json");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("\"name\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text[..at]).Concat(new byte[] { 0xFF, 0xFE, 0x20 }).Concat(Encoding.UTF8.GetBytes(text[at..])).ToArray();
        File.WriteAllBytes(path, bytes);

        var result = await CliRun.RunAsync("validate", Utf8Workbook);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"edufunds\.json:\d+:\d+: bytes? 0xFF", result.Error);
    }

    [Fact]
    public async Task LoneSurrogateInSettings_IsExit2WithLocation()
    {
        var path = Path.Combine(Utf8Workbook, "edufunds.json");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("\"name\": \"", "\"name\": \"\\uD800", StringComparison.Ordinal));

        var result = await CliRun.RunAsync("validate", Utf8Workbook);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"edufunds\.json:\d+:\d+: this text holds an escaped lone surrogate", result.Error);
    }

    private static Encoding GetGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    }
}

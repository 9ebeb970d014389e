using EduFunds.Cli.Output;
using EduFunds.Cli.Tests.Commands;
using FsCheck.Xunit;

namespace EduFunds.Cli.Tests.Output;

/// <summary>Terminal escape sequences in workbook text never reach a terminal raw.</summary>
public sealed class ControlCharacterTests
{
    [Fact]
    public void Printable_ShowsEscapeAndC1Visibly()
    {
        Assert.Equal("a\\x1b]52;c;ZXZpbA==\\x07b\\x9bc", CellFormat.Printable("a\u001b]52;c;ZXZpbA==\u0007b\u009bc"));
        Assert.Equal("x y\nz", CellFormat.Printable("x\ty\r\nz"));
    }

    [Property(MaxTest = 500)]
    public bool Printable_LeavesNoControlButLineBreaks(string? text) =>
        CellFormat.Printable(text ?? string.Empty).All(c => c == '\n' || !(char.IsControl(c)));

    [Fact]
    public async Task WorkbookNameWithEscapes_IsShownVisibly_InTablesAndErrors()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        var settings = temp.File("edufunds.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"name\": \"", "\"name\": \"\\u001b]52;c;ZXZpbA==\\u0007", StringComparison.Ordinal));
        var programs = temp.File("programs.csv");
        File.AppendAllText(programs, "P-\u001b[31mX,bad,basic,,-1,,,,,,\n");

        var result = await CliRun.RunAsync("validate", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.Contains("\\x1b", result.Error, StringComparison.Ordinal);
    }
}

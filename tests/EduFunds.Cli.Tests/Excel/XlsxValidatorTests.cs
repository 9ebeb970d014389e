using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace EduFunds.Cli.Tests.Excel;

/// <summary>The files EduFunds writes pass the Open XML SDK's schema validator.</summary>
public sealed class XlsxValidatorTests
{
    [Theory]
    [InlineData("project", "-f", "xlsx")]
    [InlineData("risk", "--runs", "200", "-f", "xlsx")]
    [InlineData("track", "--as-of", "2024-06-30", "-f", "xlsx")]
    [InlineData("init", "--xlsx")]
    public async Task WrittenWorkbook_HasNoSchemaError(params string[] args)
    {
        using var folder = new TempFolder();
        var file = folder.File("out.xlsx");
        var result = await CliRun.RunAsync([.. args, args[0] == "init" ? file : "-o", .. args[0] == "init" ? Array.Empty<string>() : [file]]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = SpreadsheetDocument.Open(file, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }
}

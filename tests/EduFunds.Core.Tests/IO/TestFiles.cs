using System.Text;
using EduFunds.IO;
using EduFunds.Model;

namespace EduFunds.Core.Tests.IO;

/// <summary>Small workbooks as file text, read through the real reader.</summary>
internal static class TestFiles
{
    public const string Settings = """
        {"name": "Test", "currency": "CNY", "years": {"from": 2020, "to": 2030}}
        """;

    public const string StreamHeader = "id,name,kind,recurrence,amount,start_year,end_year,annual_change,restricted_to,renewal_probability,amount_cv";

    public const string ProgramHeader = "id,name,category,community,cost,cost_change,min_funding_ratio,priority,start_year,end_year,participants";

    public const string LedgerHeader = "date,type,stream,program,amount,reference,memo";

    public static readonly string Streams = StreamHeader + "\nDG-01,Budget,district-grant,recurring,1000.00,,,,,,\n";

    public static readonly string Programs = ProgramHeader + "\nP1,Course,basic,,800.00,,,,,,\n";

    public static Dictionary<string, byte[]> Files(
        string? settings = Settings,
        string? streams = null,
        string? programs = null,
        string? ledger = null)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (settings is not null)
        {
            files[WorkbookFiles.Settings] = Encoding.UTF8.GetBytes(settings);
        }

        files[WorkbookFiles.Streams] = Encoding.UTF8.GetBytes(streams ?? Streams);
        files[WorkbookFiles.Programs] = Encoding.UTF8.GetBytes(programs ?? Programs);
        if (ledger is not null)
        {
            files[WorkbookFiles.Ledger] = Encoding.UTF8.GetBytes(ledger);
        }

        return files;
    }

    public static Workbook Read(Dictionary<string, byte[]> files) =>
        new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files));

    public static Workbook Read(string? settings = Settings, string? streams = null, string? programs = null, string? ledger = null) =>
        Read(Files(settings, streams, programs, ledger));

    /// <summary>Reads an invalid workbook and returns its issues (fails when it loads).</summary>
    public static IReadOnlyList<ValidationIssue> Issues(string? settings = Settings, string? streams = null, string? programs = null, string? ledger = null)
    {
        var e = Assert.Throws<InputValidationException>(() => Read(settings, streams, programs, ledger));
        return e.Issues;
    }

    /// <summary>The only error of an invalid workbook.</summary>
    public static ValidationIssue SingleError(string? settings = Settings, string? streams = null, string? programs = null, string? ledger = null)
    {
        var errors = Issues(settings, streams, programs, ledger).Where(i => i.Severity == IssueSeverity.Error).ToList();
        return Assert.Single(errors);
    }

    /// <summary>The repository's examples/x-street folder.</summary>
    public static string ExampleFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found above the test folder."), "examples", "x-street");
    }
}

using System.Text;

namespace EduFunds.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_NoWorkbook_UsesTheBuiltInExampleAndSaysSo()
    {
        var result = await CliRun.RunAsync("validate");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("built-in X Street example", result.Error, StringComparison.Ordinal);
        Assert.Contains("Years:     2020-2030", result.Output, StringComparison.Ordinal);
        Assert.Contains("Scenarios:", result.Output, StringComparison.Ordinal);
        Assert.Contains("district-grant", result.Output, StringComparison.Ordinal);
        Assert.Contains("Valid: no problems found.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ExampleFolder_ExitsZeroWithASummary()
    {
        var result = await CliRun.RunAsync("validate", ExampleFolder.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("Programs:", result.Output, StringComparison.Ordinal);
        Assert.Contains("basic", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 2032)]
    [InlineData(2012, 2018)]
    [InlineData(2031, 2040)]
    public async Task Validate_InitThenTheYearsMove_StaysValidWithWarnings(int from, int to)
    {
        // DESIGN.md: the years are a window; moving it never makes a workbook invalid.
        using var temp = new TempFolder();
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("init", temp.Path)).ExitCode);
        var settings = temp.File("edufunds.json");
        var text = File.ReadAllText(settings);
        var moved = System.Text.RegularExpressions.Regex.Replace(
            text, "\"years\":\\s*\\{[^}]*\\}", $"\"years\": {{\"from\": {from}, \"to\": {to}}}");
        Assert.NotEqual(text, moved);
        File.WriteAllText(settings, moved);

        var result = await CliRun.RunAsync("validate", temp.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("warning", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("project", temp.Path, "-f", "csv")).ExitCode);
    }

    [Fact]
    public async Task Validate_CopyWithTenMistakes_ListsAllTenWithTheirLinesAndExitsTwo()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        File.Delete(temp.File("ledger.csv")); // its entries would repeat the broken ids as further problems
        var streams = new CsvFile(temp.File("streams.csv"));
        var programs = new CsvFile(temp.File("programs.csv"));

        // Ten different mistakes, each in its own cell.
        var expected = new List<string>
        {
            streams.Set("DG-BUDGET", "amount", "600,000.00"),          // 1 not a number
            streams.Set("DG-ADHOC-2021", "kind", "district grant"),    // 2 unknown kind
            streams.Set("PF-DIGITAL", "restricted_to", "P-DIGTAL"),    // 3 unknown program
            streams.Set("IK-COLLEGE", "restricted_to", ""),            // 4 in-kind not restricted
            streams.Set("DN-SMALL", "renewal_probability", "1.5"),     // 5 probability out of range
            programs.Set("P-DIGITAL", "cost", "-200000.00"),           // 6 negative cost
            programs.Set("P-FESTIVAL", "category", "event"),           // 7 unknown category
            programs.Set("P-SENIORS", "min_funding_ratio", "0"),       // 8 ratio out of range
            programs.Set("P-CHILDCARE", "end_year", "2010"),           // 9 end before its start
            programs.Set("P-BOOKKEEPING", "id", "P-SENIORS"),          // 10 duplicate id
        };
        streams.Save();
        programs.Save();

        var result = await CliRun.RunAsync("validate", temp.Path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problems = lines.Where(l => l.StartsWith(temp.Path, StringComparison.Ordinal)).ToList();
        Assert.Equal(10, problems.Count);
        foreach (var place in expected)
        {
            Assert.Contains(problems, p => p.StartsWith(Path.Combine(temp.Path, place) + ": ", StringComparison.Ordinal));
        }

        Assert.Contains("10 problem(s)", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Validate_UnknownColumn_WarnsButExitsZero()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        var path = temp.File("programs.csv");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("participants", "participant", StringComparison.Ordinal));

        var result = await CliRun.RunAsync("validate", temp.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("programs.csv:1:11: warning: unknown column 'participant'", result.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'participants'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Valid, with 1 warning(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenJsonAndBomCsv_ReportsPositionsAndExitsTwo()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        File.WriteAllText(temp.File("edufunds.json"), "{\n  \"years\": {\"from\": 2020, \"to\": 2030},\n  \"policy\": \"proportional\"\n  \"currency\": \"CNY\"\n}\n");
        var programs = File.ReadAllText(temp.File("programs.csv"));
        File.WriteAllText(temp.File("programs.csv"), programs.Replace(",basic,", ",basik,", StringComparison.Ordinal), new UTF8Encoding(true));

        var result = await CliRun.RunAsync("validate", temp.Path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(Path.Combine(temp.Path, "edufunds.json") + ":4:3: the file is not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(temp.Path, "programs.csv") + ":2:3: unknown category 'basik' (did you mean 'basic'?)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFolder_ExitsTwoWithAClearMessage()
    {
        var result = await CliRun.RunAsync("validate", Path.Combine(Path.GetTempPath(), "no-such-workbook-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("edufunds init", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FolderWithoutWorkbook_ExitsTwo()
    {
        using var temp = new TempFolder();

        var result = await CliRun.RunAsync("validate", temp.Path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("edufunds.json is missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Help_ShowsExamples()
    {
        var result = await CliRun.RunAsync("validate", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
        Assert.Contains("edufunds validate 2> problems.txt", result.Output, StringComparison.Ordinal);
    }

    /// <summary>A CSV file edited cell by cell by row id, for planting mistakes.</summary>
    private sealed class CsvFile(string path)
    {
        private readonly List<string> lines = [.. File.ReadAllText(path, Encoding.UTF8).Split('\n')];

        /// <summary>Sets a cell (the cells of the example hold no commas or quotes) and returns "file:line:column".</summary>
        public string Set(string id, string column, string value)
        {
            var header = lines[0].Split(',');
            var columnIndex = Array.IndexOf(header, column);
            var lineIndex = lines.FindIndex(l => l.StartsWith(id + ",", StringComparison.Ordinal));
            Assert.True(columnIndex >= 0 && lineIndex > 0, $"{column} or {id} not found in {path}");
            var cells = lines[lineIndex].Split(',');
            cells[columnIndex] = value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;
            lines[lineIndex] = string.Join(',', cells);
            return $"{Path.GetFileName(path)}:{lineIndex + 1}:{columnIndex + 1}";
        }

        public void Save() => File.WriteAllText(path, string.Join('\n', lines), new UTF8Encoding(false));
    }
}

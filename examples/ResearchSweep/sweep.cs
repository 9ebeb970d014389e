// A researcher's sweep: how soon does each X Street program stall if the district cuts its grants
// by an extra 0%, 5%, ... 30% a year? Writes one CSV row per cut and program.
//
//   dotnet run examples/ResearchSweep/sweep.cs                       (X Street, sweep.csv here)
//   dotnet run examples/ResearchSweep/sweep.cs -- WORKBOOK OUT.csv   (any workbook folder)
#:project ../../src/EduFunds.Core/EduFunds.Core.csproj

using System.Globalization;
using System.Text;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Simulation;

var scriptFolder = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
var workbookFolder = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(scriptFolder, "..", "x-street"));
var output = args.Length > 1 ? args[1] : "sweep.csv";

Workbook workbook;
try
{
    workbook = new WorkbookReader().ReadFolder(workbookFolder);
}
catch (InputValidationException invalid)
{
    foreach (var issue in invalid.Issues)
    {
        Console.Error.WriteLine(issue);
    }

    return 2;
}

var csv = new StringBuilder("extra_annual_cut,program,program_name,first_stall_year,shelved_year,years_run\n");
for (var step = 0; step <= 6; step++)
{
    var cut = step * 0.05m;

    // The sweep is a scenario made in code: district grants shrink by an extra `cut` a year from the first year.
    var sweep = new ScenarioBuilder(string.Create(CultureInfo.InvariantCulture, $"extra-cut-{cut * 100:0}pct"))
        .Description("District grants shrink by an extra fraction every year.")
        .Trend(workbook.Years.From, StreamKind.DistrictGrant, -cut);
    var withSweep = WorkbookBuilder.From(workbook).AddScenario(sweep).Build();
    var result = ProjectionModel.Create(withSweep, scenario: withSweep.Scenarios[^1].Name).Project();

    foreach (var program in result.Programs)
    {
        csv.Append(cut.ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
            .Append(Cell(program.Program.Id)).Append(',')
            .Append(Cell(program.Program.Name)).Append(',')
            .Append(program.FirstStallYear?.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(program.ShelvedYear?.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(program.YearsRun.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    var stalled = result.Programs.Count(p => p.FirstStallYear is not null);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extra cut {cut * 100,3:0}% a year: {stalled} of {result.Programs.Count} programs stall at least once"));
}

// The Monte Carlo side of a study, split as a cluster would split it: the base case's runs in two
// shards, each saved as a result file (what `edufunds simulate --shard K/2 --save FILE` writes),
// then read back and merged (what `edufunds merge` does). The merge equals one unsharded run.
const int Runs = 2_000;
var model = ProjectionModel.Create(workbook);
var shardFolder = Directory.CreateTempSubdirectory("edufunds-sweep-");
try
{
    var shardFiles = new List<string>();
    foreach (var shard in new[] { new Shard(1, 2), new Shard(2, 2) })
    {
        var (first, count) = shard.Range(Runs);
        var part = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = (int)count, FirstRun = first, Seed = 1 });
        var file = new ResultFile
        {
            Command = "simulate",
            Shard = shard,
            FirstItem = first,
            ItemCount = count,
            StudyItems = Runs,
            Parts = [WorkbookResultPart.Create(model, part, Path.GetFileName(Path.TrimEndingDirectorySeparator(workbookFolder)), totalRuns: Runs)],
        };
        var path = Path.Combine(shardFolder.FullName, $"shard-{shard.Index}-of-{shard.Count}{ResultFile.Extension}");
        file.Save(path);
        shardFiles.Add(path);
    }

    SimulationResult? merged = null;
    foreach (var path in shardFiles)
    {
        using var stream = File.OpenRead(path);
        foreach (var saved in ResultFile.Read(stream, path).Parts)
        {
            merged = merged is null ? saved.Simulation : SimulationResult.Merge(merged, saved.Simulation);
        }
    }

    var whole = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = Runs, Seed = 1 });
    var expected = merged!.ExpectedStalledPrograms().Mean;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Monte Carlo, {merged.Runs} runs saved in 2 shards and merged: {expected:0.000} programs expected to stall (unsharded: {whole.ExpectedStalledPrograms().Mean:0.000})"));
    if (expected != whole.ExpectedStalledPrograms().Mean)
    {
        Console.Error.WriteLine("the merged shards differ from the unsharded simulation");
        return 1;
    }
}
finally
{
    shardFolder.Delete(recursive: true);
}

// Written next to its destination and moved into place, so a failed run leaves no half-written file.
var temporary = output + ".tmp";
File.WriteAllText(temporary, csv.ToString(), new UTF8Encoding(false));
File.Move(temporary, output, overwrite: true);
Console.WriteLine($"wrote {output}");
return 0;

// Quotes when needed and neutralises text a spreadsheet would run as a formula.
static string Cell(string text)
{
    if (text.Length > 0 && "=+-@\t\r".Contains(text[0]))
    {
        text = "'" + text;
    }

    return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}

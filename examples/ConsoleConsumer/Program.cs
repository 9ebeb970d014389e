// A small program that uses EduFunds.Core as a NuGet package: it builds a workbook in code with
// the fluent WorkbookBuilder, plugs in an allocation policy of its own, and prints what the
// projection says for each year and program, next to the outcome under the workbook's own policy.
using System.Globalization;
using ConsoleConsumer;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;

Workbook workbook;
try
{
    workbook = BuildWorkbook();
}
catch (InputValidationException invalid)
{
    // Build() checks the same rules as the CSV reader and lists every problem at once.
    foreach (var issue in invalid.Issues)
    {
        Console.Error.WriteLine(issue);
    }

    return 2;
}

var policy = new BasicBeforeFlagshipPolicy();
var result = ProjectionModel.Create(workbook, policy: policy).Project();

// Output for people, in a culture chosen here, never the machine's current one.
var display = CultureInfo.GetCultureInfo("en-US");
Console.WriteLine($"{workbook.Name}: projection {workbook.Years.From}-{workbook.Years.To}, policy {policy.Name}");
foreach (var year in result.Years)
{
    Console.WriteLine();
    Console.WriteLine($"{year.Year}  pool {workbook.ToMoney(year.PoolMinorUnits).Format(display)}, allocated {workbook.ToMoney(year.AllocatedMinorUnits).Format(display)}");
    foreach (var program in year.Programs)
    {
        var ratio = program.Ratio is { } r ? r.ToString("P0", display) : "-";
        Console.WriteLine(
            $"  {program.ProgramId,-9} {program.Status,-11} funded {workbook.ToMoney(program.FundedMinorUnits).Format(display),16} " +
            $"of {workbook.ToMoney(program.NeedMinorUnits).Format(display),16}  {ratio,5}");
    }
}

Console.WriteLine();
var builtIn = ProjectionModel.Create(workbook).Project(); // the workbook's own policy
Console.WriteLine($"{"program",-9} {policy.Name,-24} {builtIn.Years[0].Policy}");
foreach (var summary in result.Programs)
{
    Console.WriteLine($"{summary.Program.Id,-9} {Fate(summary),-24} {Fate(builtIn.GetSummary(summary.Program.Id))}");
}

return 0;

static string Fate(ProgramSummary summary) =>
    summary.ShelvedYear is { } shelved ? $"shelved in {shelved}"
    : summary.FirstStallYear is { } stalled ? $"first stalls in {stalled}"
    : "runs every year";

// Amounts are written in yuan; Build() turns them into whole fen.
static Workbook BuildWorkbook() => new WorkbookBuilder("Riverside Street")
    .Currency("CNY")
    .Years(2024, 2028)
    .ShelveAfter(2)
    // The street budget line: recurring, shrinking 12% a year.
    .Stream("DG-STREET", StreamKind.DistrictGrant, 30_000.00m, name: "Street budget line", startYear: 2024, annualChange: -0.12m)
    // A one-off project fund for digital skills that ends in 2025.
    .Stream("PF-DIGITAL", StreamKind.ProjectFund, 12_000.00m, name: "Digital skills project fund",
        recurrence: Recurrence.OneOff, startYear: 2024, endYear: 2025, restrictedTo: ["DIGITAL"])
    // The festival's sponsor.
    .Stream("SP-FEST", StreamKind.Sponsorship, 5_000.00m, name: "Festival sponsorship",
        startYear: 2024, restrictedTo: ["FESTIVAL"])
    .Program("SENIORS", ProgramCategory.Basic, 14_000.00m, name: "Seniors' recreation",
        costChange: 0.03m, minFundingRatio: 0.6m, priority: 1, startYear: 2024, participants: 120)
    .Program("DIGITAL", ProgramCategory.Basic, 16_000.00m, name: "Digital skills for all",
        minFundingRatio: 0.7m, priority: 2, startYear: 2024, participants: 60)
    .Program("FESTIVAL", ProgramCategory.Flagship, 15_000.00m, name: "Street festival",
        minFundingRatio: 0.5m, priority: 1, startYear: 2024, participants: 800)
    .Build();

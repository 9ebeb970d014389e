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
    .Stream("DG-STREET", s => s.Name("Street budget line").Kind(StreamKind.DistrictGrant).Recurring()
        .Amount(30_000.00m).From(2024).Change(-0.12m))
    // A one-off project fund for digital skills that ends in 2025.
    .Stream("PF-DIGITAL", s => s.Name("Digital skills project fund").Kind(StreamKind.ProjectFund).OneOff()
        .Amount(12_000.00m).From(2024).Until(2025).RestrictedTo("DIGITAL"))
    // The festival's sponsor.
    .Stream("SP-FEST", s => s.Name("Festival sponsorship").Kind(StreamKind.Sponsorship).Recurring()
        .Amount(5_000.00m).From(2024).RestrictedTo("FESTIVAL"))
    .Program("SENIORS", p => p.Name("Seniors' recreation").Basic()
        .Cost(14_000.00m).CostChange(0.03m).MinFundingRatio(0.6m).Priority(1).From(2024).Participants(120))
    .Program("DIGITAL", p => p.Name("Digital skills for all").Basic()
        .Cost(16_000.00m).MinFundingRatio(0.7m).Priority(2).From(2024).Participants(60))
    .Program("FESTIVAL", p => p.Name("Street festival").Flagship()
        .Cost(15_000.00m).MinFundingRatio(0.5m).Priority(1).From(2024).Participants(800))
    .Build();

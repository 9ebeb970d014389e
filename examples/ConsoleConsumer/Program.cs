// A small program that uses EduFunds.Core as a NuGet package: it builds a workbook in code,
// plugs in an allocation policy of its own and prints what the projection says for each year
// and program.
using System.Globalization;
using ConsoleConsumer;
using EduFunds.Collections;
using EduFunds.Funding;
using EduFunds.Money;
using EduFunds.Programs;
using EduFunds.Projection;
using EduFunds.Workbooks;

var workbook = new Workbook
{
    Name = "Riverside Street",
    Currency = Currency.Cny,
    Years = new YearRange(2024, 2028),
    ShelveAfter = 2,
    Streams = new EquatableArray<FundingStream>(
    [
        // The street budget line: recurring, shrinking 12% a year.
        new("DG-STREET", "Street budget line", StreamKind.DistrictGrant, Recurrence.Recurring,
            Amount: 30_000_00, StartYear: 2024, EndYear: null, AnnualChange: -0.12m,
            RestrictedTo: EquatableArray<string>.Empty, RenewalProbability: 1m, AmountCv: 0m),
        // A one-off project fund for digital skills that ends in 2025.
        new("PF-DIGITAL", "Digital skills project fund", StreamKind.ProjectFund, Recurrence.OneOff,
            Amount: 12_000_00, StartYear: 2024, EndYear: 2025, AnnualChange: 0m,
            RestrictedTo: new EquatableArray<string>(["DIGITAL"]), RenewalProbability: 1m, AmountCv: 0m),
        // Sponsorship of the festival.
        new("SP-FEST", "Festival sponsorship", StreamKind.Sponsorship, Recurrence.Recurring,
            Amount: 5_000_00, StartYear: 2024, EndYear: null, AnnualChange: 0m,
            RestrictedTo: new EquatableArray<string>(["FESTIVAL"]), RenewalProbability: 1m, AmountCv: 0m),
    ]),
    Programs = new EquatableArray<EducationProgram>(
    [
        new("SENIORS", "Seniors' recreation", ProgramCategory.Basic, Community: null,
            Cost: 14_000_00, CostChange: 0.03m, MinFundingRatio: 0.6m, Priority: 1,
            StartYear: 2024, EndYear: null, Participants: 120),
        new("DIGITAL", "Digital skills for all", ProgramCategory.Basic, Community: null,
            Cost: 16_000_00, CostChange: 0m, MinFundingRatio: 0.7m, Priority: 2,
            StartYear: 2024, EndYear: null, Participants: 60),
        new("FESTIVAL", "Street festival", ProgramCategory.Flagship, Community: null,
            Cost: 15_000_00, CostChange: 0m, MinFundingRatio: 0.5m, Priority: 1,
            StartYear: 2024, EndYear: null, Participants: 800),
    ]),
};

var policy = new BasicBeforeFlagshipPolicy();
var result = new Projector().Project(workbook, new ProjectionOptions { Policy = policy });

// Human output: formatted in a culture passed explicitly, never the machine's current one.
var display = CultureInfo.GetCultureInfo("en-US");
Console.WriteLine($"{workbook.Name}: projection {workbook.Years.From}-{workbook.Years.To}, policy {policy.Name}");
foreach (var year in result.Years)
{
    Console.WriteLine();
    Console.WriteLine($"{year.Year}  pool {workbook.ToMoney(year.Pool).Format(display)}, allocated {workbook.ToMoney(year.Allocated).Format(display)}");
    foreach (var program in year.Programs)
    {
        var ratio = program.Ratio is { } r ? r.ToString("P0", display) : "-";
        Console.WriteLine(
            $"  {program.ProgramId,-9} {program.Status,-11} funded {workbook.ToMoney(program.Funded).Format(display),16} " +
            $"of {workbook.ToMoney(program.Need).Format(display),16}  {ratio,5}");
    }
}

Console.WriteLine();
foreach (var summary in result.Programs)
{
    var fate = summary.ShelvedYear is { } shelved ? $"shelved in {shelved}"
        : summary.FirstStallYear is { } stalled ? $"first stalls in {stalled}"
        : "runs every year";
    Console.WriteLine($"{summary.Program.Id}: {fate}");
}

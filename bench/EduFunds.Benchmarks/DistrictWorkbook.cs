using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Benchmarks;

/// <summary>
/// A generated "district" workbook: many programs and streams (a third of them restricted), a
/// shrinking budget and one-off money that ends, so that programs underfund, stall and are shelved.
/// Deterministic for a given size and seed.
/// </summary>
public static class DistrictWorkbook
{
    /// <summary>Creates the workbook.</summary>
    /// <param name="programs">Number of programs (500 in the workload).</param>
    /// <param name="streams">Number of streams (800).</param>
    /// <param name="years">Number of fiscal years (15).</param>
    /// <param name="seed">Seed of the generator.</param>
    /// <returns>A valid workbook.</returns>
    public static Workbook Create(int programs = 500, int streams = 800, int years = 15, int seed = 42)
    {
        var random = new Random(seed);
        const int first = 2025;
        var last = first + years - 1;
        var programList = new List<EducationProgram>(programs);
        long totalCost = 0;
        for (var p = 0; p < programs; p++)
        {
            var cost = random.Next(20_000, 400_000) * 100L; // 20,000 to 400,000 yuan, in fen
            totalCost += cost;
            var start = first + (random.Next(5) == 0 ? random.Next(0, years / 2) : 0);
            int? end = random.Next(8) == 0 ? start + random.Next(2, years) : null;
            programList.Add(new EducationProgram(
                $"P{p:D4}",
                $"Program {p}",
                random.Next(5) == 0 ? ProgramCategory.Flagship : ProgramCategory.Basic,
                $"C{random.Next(12):D2}",
                Money.FromMinorUnits(cost, Currency.Cny),
                random.Next(0, 6) / 100m,
                random.Next(40, 91) / 100m,
                random.Next(1, 6),
                start,
                end is { } e && e > last ? last : end,
                random.Next(20, 400)));
        }

        // About 85% of the total cost in the first year, shrinking: most programs run, some stall.
        var budget = totalCost * 85 / 100;
        var streamList = new List<FundingStream>(streams);
        for (var s = 0; s < streams; s++)
        {
            var restricted = s % 3 == 0;
            var oneOff = random.Next(3) == 0;
            // One-off money falls within the years; recurring lines may have started the year before.
            var start = oneOff ? first + random.Next(0, years) : first - 1 + random.Next(0, 3);
            var amount = budget / streams * random.Next(50, 151) / 100;
            string[] targets = restricted
                ? Enumerable.Range(0, random.Next(1, 4)).Select(_ => programList[random.Next(programs)].Id).Distinct().ToArray()
                : [];
            var kind = restricted
                ? (random.Next(2) == 0 ? StreamKind.Sponsorship : StreamKind.ProjectFund)
                : (random.Next(4) == 0 ? StreamKind.Donation : StreamKind.DistrictGrant);
            streamList.Add(new FundingStream(
                $"S{s:D4}",
                $"Stream {s}",
                kind,
                oneOff ? Recurrence.OneOff : Recurrence.Recurring,
                Money.FromMinorUnits(amount, Currency.Cny),
                start,
                oneOff ? Math.Min(last, start + random.Next(0, 3)) : null,
                oneOff ? 0m : -random.Next(0, 8) / 100m,
                new EquatableArray<string>(targets),
                random.Next(80, 101) / 100m,
                random.Next(0, 30) / 100m));
        }

        var builder = new WorkbookBuilder($"District ({programs} programs, {streams} streams, {years} years)")
            .Currency(Currency.Cny)
            .Years(first, last);
        foreach (var stream in streamList)
        {
            builder.AddStream(stream);
        }

        foreach (var program in programList)
        {
            builder.AddProgram(program);
        }

        return builder.Build();
    }
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.Tracking;

/// <summary>Small hand-made workbooks and projections whose figures the tests compute by hand.</summary>
internal static class LedgerFixtures
{
    public static FundingStream Stream(string id, long amount, Recurrence recurrence = Recurrence.Recurring, int start = 2023, int? end = null, string[]? restrictedTo = null) =>
        new(id, id + " name", StreamKind.DistrictGrant, recurrence, Money.FromMinorUnits(amount, Currency.Cny), start, end, 0m, new EquatableArray<string>(restrictedTo ?? []), 1m, 0m);

    public static EducationProgram Program(string id, long cost, int start = 2023, int priority = 1) =>
        new(id, id + " name", ProgramCategory.Basic, null, Money.FromMinorUnits(cost, Currency.Cny), 0m, 0.6m, priority, start, null, null);

    public static Workbook Workbook(int startMonth = 1, int from = 2023, int to = 2025, IEnumerable<LedgerEntry>? ledger = null) => new()
    {
        Name = "Test street",
        Currency = Currency.Cny,
        FiscalYearStartMonth = startMonth,
        Years = new YearRange(from, to),
        Streams = new EquatableArray<FundingStream>([Stream("DG", 1_000_000), Stream("PF", 500_000, Recurrence.OneOff, 2023, 2024)]),
        Programs = new EquatableArray<EducationProgram>([Program("P1", 1_200_000), Program("P2", 300_000)]),
        Ledger = new EquatableArray<LedgerEntry>(ledger ?? []),
    };

    /// <summary>
    /// A projection with given stream amounts [year][stream] and program funding [year][program];
    /// a program with funding 0 is stalled, otherwise funded.
    /// </summary>
    public static ProjectionResult MakeProjection(Workbook workbook, long[][] streamAmounts, long[][] funded)
    {
        var years = new List<YearResult>();
        for (var y = 0; y < workbook.Years.Count; y++)
        {
            var year = workbook.Years.From + y;
            var programs = new List<ProgramYearResult>();
            for (var p = 0; p < workbook.Programs.Count; p++)
            {
                var f = funded[y][p];
                programs.Add(new ProgramYearResult(
                    year, workbook.Programs[p].Id, f == 0 ? ProgramStatus.Stalled : ProgramStatus.Funded,
                    workbook.Programs[p].CostMinorUnits, (long)Math.Ceiling(workbook.Programs[p].CostMinorUnits * 0.6m), 1, 0, 0, 0, 0, f, f, 0));
            }

            var streams = workbook.Streams.Select((s, i) => new StreamYearAmount(s.Id, streamAmounts[y][i])).ToArray();
            var total = streams.Sum(s => s.AmountMinorUnits);
            years.Add(new YearResult
            {
                Year = year,
                Policy = workbook.Policy,
                Streams = streams,
                StreamTotalMinorUnits = total,
                ByKindMinorUnits = new Dictionary<StreamKind, long> { [StreamKind.DistrictGrant] = total },
                RecurringMinorUnits = total,
                OneOffMinorUnits = 0,
                RestrictedMinorUnits = 0,
                UnrestrictedMinorUnits = total,
                CarriedInMinorUnits = 0,
                PoolMinorUnits = total,
                AllocatedMinorUnits = programs.Sum(p => p.FundedMinorUnits),
                LapsedMinorUnits = total - programs.Sum(p => p.FundedMinorUnits),
                CarriedOutMinorUnits = 0,
                StrandedRestrictedMinorUnits = 0,
                StrandedReservesMinorUnits = 0,
                Programs = programs,
                Arrivals = [],
            });
        }

        var summaries = workbook.Programs.Select(p => new ProgramSummary(p, null, null, workbook.Years.Count, 0)).ToArray();
        return new ProjectionResult(workbook, null, null, workbook.Streams.ToArray(), summaries, years);
    }

    public static LedgerEntry Receipt(string date, string stream, long amount, string? reference = null, string? memo = null) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), LedgerEntryType.Receipt, stream, null, Money.FromMinorUnits(amount, Currency.Cny), reference, memo);

    public static LedgerEntry Expense(string date, string program, long amount, string? reference = null, string? memo = null, string? stream = null) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), LedgerEntryType.Expense, stream, program, Money.FromMinorUnits(amount, Currency.Cny), reference, memo);

    public static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

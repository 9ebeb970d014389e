using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Cli.Tests;

/// <summary>Small workbooks made in code (amounts in minor units) for testing reports without files.</summary>
internal static class TestWorkbooks
{
    public static FundingStream Stream(
        string id,
        long amount,
        int start = 2024,
        int? end = null,
        decimal change = 0m,
        StreamKind kind = StreamKind.DistrictGrant,
        Recurrence recurrence = Recurrence.Recurring,
        params string[] restrictedTo) => Stream(Currency.Cny, id, amount, start, end, change, kind, recurrence, restrictedTo);

    public static FundingStream Stream(
        Currency currency,
        string id,
        long amount,
        int start = 2024,
        int? end = null,
        decimal change = 0m,
        StreamKind kind = StreamKind.DistrictGrant,
        Recurrence recurrence = Recurrence.Recurring,
        params string[] restrictedTo) =>
        new(id, id + " stream", kind, recurrence, Money.FromMinorUnits(amount, currency), start, recurrence == Recurrence.OneOff ? end ?? start : end, change,
            restrictedTo, 1m, 0m);

    public static EducationProgram Program(
        string id,
        string name,
        long cost,
        int priority = 1,
        decimal minRatio = 0.6m,
        ProgramCategory category = ProgramCategory.Basic,
        int start = 2024,
        Currency? currency = null) =>
        new(id, name, category, null, Money.FromMinorUnits(cost, currency ?? Currency.Cny), 0m, minRatio, priority, start, null, null);

    /// <summary>
    /// A street in miniature: a shrinking district grant, a project fund for "digital skills" that
    /// ends after 2025, and a sponsored flagship festival.
    /// </summary>
    public static Workbook Street(string currency = "CNY", string policy = "proportional")
    {
        var cur = Currency.FromCode(currency);
        return new WorkbookBuilder("Mini street 小街")
            .Currency(cur)
            .Years(2024, 2029)
            .Policy(policy)
            .AddStream(Stream(cur, "DG", 10_000_000, change: -0.15m))
            .AddStream(Stream(cur, "PF-DIGITAL", 3_000_000, start: 2024, end: 2025, kind: StreamKind.ProjectFund, recurrence: Recurrence.OneOff, restrictedTo: "P-DIGITAL"))
            .AddStream(Stream(cur, "SP-FEST", 2_500_000, kind: StreamKind.Sponsorship, restrictedTo: "P-FEST"))
            .AddStream(Stream(cur, "DON", 777, kind: StreamKind.Donation))
            .AddProgram(Program("P-CARE", "Children's care 儿童托管", 4_000_000, priority: 1, currency: cur))
            .AddProgram(Program("P-DIGITAL", "Digital skills for all 数字技能", 5_000_000, priority: 2, minRatio: 0.7m, currency: cur))
            .AddProgram(Program("P-FEST", "=Festival, \"big\" | fun", 3_000_000, priority: 3, category: ProgramCategory.Flagship, currency: cur))
            .AddProgram(Program("P-SENIOR", "Seniors' recreation", 3_500_000, priority: 2, currency: cur))
            .Scenario("deeper-cut", s => s.Description("The grant shrinks faster").Trend(2026, StreamKind.DistrictGrant, -0.10m))
            .Scenario("rescue", s => s.Description("Viability first and a new grant").SetPolicy(2024, "viability-first").Scale(2026, "DG", 1.3m))
            .Build();
    }
}

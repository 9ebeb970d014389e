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
        params string[] restrictedTo) =>
        new(id, id + " stream", kind, recurrence, amount, start, recurrence == Recurrence.OneOff ? end ?? start : end, change,
            new EquatableArray<string>(restrictedTo), 1m, 0m);

    public static EducationProgram Program(
        string id,
        string name,
        long cost,
        int priority = 1,
        decimal minRatio = 0.6m,
        ProgramCategory category = ProgramCategory.Basic,
        int start = 2024) =>
        new(id, name, category, null, cost, 0m, minRatio, priority, start, null, null);

    /// <summary>
    /// A street in miniature: a shrinking district grant, a project fund for "digital skills" that
    /// ends after 2025, and a sponsored flagship festival.
    /// </summary>
    public static Workbook Street(string currency = "CNY", string policy = "proportional") => new()
    {
        Name = "Mini street 小街",
        Currency = Currency.FromCode(currency),
        Years = new YearRange(2024, 2029),
        Policy = policy,
        Streams = new EquatableArray<FundingStream>([
            Stream("DG", 10_000_000, change: -0.15m),
            Stream("PF-DIGITAL", 3_000_000, start: 2024, end: 2025, kind: StreamKind.ProjectFund, recurrence: Recurrence.OneOff, restrictedTo: "P-DIGITAL"),
            Stream("SP-FEST", 2_500_000, kind: StreamKind.Sponsorship, restrictedTo: "P-FEST"),
            Stream("DON", 777, kind: StreamKind.Donation),
        ]),
        Programs = new EquatableArray<EducationProgram>([
            Program("P-CARE", "Children's care 儿童托管", 4_000_000, priority: 1),
            Program("P-DIGITAL", "Digital skills for all 数字技能", 5_000_000, priority: 2, minRatio: 0.7m),
            Program("P-FEST", "=Festival, \"big\" | fun", 3_000_000, priority: 3, category: ProgramCategory.Flagship),
            Program("P-SENIOR", "Seniors' recreation", 3_500_000, priority: 2),
        ]),
        Scenarios = new EquatableArray<Scenario>([
            new Scenario("deeper-cut", "The grant shrinks faster", new EquatableArray<ScenarioChange>([
                new TrendChange(2026, StreamTarget.OfKind(StreamKind.DistrictGrant), -0.10m),
            ])),
            new Scenario("rescue", "Viability first and a new grant", new EquatableArray<ScenarioChange>([
                new SetPolicyChange(2024, "viability-first"),
                new ScaleChange(2026, StreamTarget.Stream("DG"), 1.3m),
            ])),
        ]),
    };
}

using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.Engine;

/// <summary>Small workbooks made in code, amounts in minor units.</summary>
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
        string[]? restrictedTo = null,
        decimal renewal = 1m,
        decimal cv = 0m) =>
        new(id, id, kind, recurrence, amount, start, recurrence == Recurrence.OneOff ? end ?? start : end, change,
            new EquatableArray<string>(restrictedTo ?? []), renewal, cv);

    public static FundingStream Restricted(string id, long amount, params string[] programs) =>
        Stream(id, amount, kind: StreamKind.ProjectFund, restrictedTo: programs);

    public static EducationProgram Program(
        string id,
        long cost,
        int priority = 1,
        decimal minRatio = 0.6m,
        ProgramCategory category = ProgramCategory.Basic,
        int start = 2024,
        int? end = null,
        decimal costChange = 0m) =>
        new(id, id, category, null, cost, costChange, minRatio, priority, start, end, null);

    public static Workbook Workbook(
        IEnumerable<FundingStream> streams,
        IEnumerable<EducationProgram> programs,
        string policy = "proportional",
        int from = 2024,
        int to = 2024,
        bool carryOver = false,
        int shelveAfter = 2,
        RoundingMode rounding = RoundingMode.HalfEven,
        string currency = "CNY",
        decimal flagshipWeight = 3m,
        IEnumerable<Scenario>? scenarios = null) =>
        new()
        {
            Name = "Test",
            Currency = Currency.FromCode(currency),
            Years = new YearRange(from, to),
            Policy = policy,
            CarryOverPool = carryOver,
            ShelveAfter = shelveAfter,
            Rounding = rounding,
            FlagshipWeight = flagshipWeight,
            Streams = new EquatableArray<FundingStream>(streams),
            Programs = new EquatableArray<EducationProgram>(programs),
            Scenarios = new EquatableArray<Scenario>(scenarios ?? []),
        };

    public static Scenario Scenario(string name, params ScenarioChange[] changes) =>
        new(name, null, new EquatableArray<ScenarioChange>(changes));
}

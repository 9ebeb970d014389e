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
        new(id, id, kind, recurrence, Money.FromMinorUnits(amount, Currency.Cny), start, recurrence == Recurrence.OneOff ? end ?? start : end, change,
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
        new(id, id, category, null, Money.FromMinorUnits(cost, Currency.Cny), costChange, minRatio, priority, start, end, null);

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
        IEnumerable<Scenario>? scenarios = null)
    {
        // Amounts are given in minor units; a stream or program made in CNY takes the workbook's
        // currency. Made through the internal initializers: engine tests also run workbooks the
        // rules would reject (a stream that ended before the first year, a program starting late).
        var cur = Currency.FromCode(currency);
        return new()
        {
            Name = "Test",
            Currency = cur,
            Years = new YearRange(from, to),
            Policy = policy,
            CarryOverPool = carryOver,
            ShelveAfter = shelveAfter,
            Rounding = rounding,
            FlagshipWeight = flagshipWeight,
            Streams = new EquatableArray<FundingStream>(streams.Select(s => InCurrency(s, cur))),
            Programs = new EquatableArray<EducationProgram>(programs.Select(p => InCurrency(p, cur))),
            Scenarios = new EquatableArray<Scenario>((scenarios ?? []).Select(scenario =>
                new Scenario(scenario.Name, scenario.Description, new EquatableArray<ScenarioChange>(scenario.Changes.Select(c => InCurrency(c, cur)))))),
        };
    }

    /// <summary>The same stream with its minor units in <paramref name="currency"/>.</summary>
    public static FundingStream InCurrency(FundingStream s, Currency currency) => s.Currency == currency ? s :
        new(s.Id, s.Name, s.Kind, s.Recurrence, Money.FromMinorUnits(s.AmountMinorUnits, currency), s.StartYear, s.EndYear, s.AnnualChange, s.RestrictedTo, s.RenewalProbability, s.AmountCv);

    /// <summary>The same program with its minor units in <paramref name="currency"/>.</summary>
    public static EducationProgram InCurrency(EducationProgram p, Currency currency) => p.Currency == currency ? p :
        new(p.Id, p.Name, p.Category, p.Community, Money.FromMinorUnits(p.CostMinorUnits, currency), p.CostChange, p.MinFundingRatio, p.Priority, p.StartYear, p.EndYear, p.Participants);

    private static ScenarioChange InCurrency(ScenarioChange change, Currency currency) => change switch
    {
        AddStreamChange add => new AddStreamChange(add.From, InCurrency(add.Stream, currency)),
        AddProgramChange add => new AddProgramChange(add.From, InCurrency(add.Program, currency)),
        _ => change,
    };

    public static Scenario Scenario(string name, params ScenarioChange[] changes) =>
        new(name, null, new EquatableArray<ScenarioChange>(changes));
}

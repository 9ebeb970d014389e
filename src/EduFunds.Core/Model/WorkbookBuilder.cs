using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>
/// Makes a <see cref="Workbook"/> in code, with amounts in major units (yuan, not fen) and the
/// same defaults and rules as the workbook files. <see cref="Build"/> checks everything at once
/// and throws <see cref="InputValidationException"/> listing every problem (file "builder").
/// </summary>
/// <example>
/// <code>
/// var workbook = new WorkbookBuilder("X Street")
///     .Currency("CNY").Years(2020, 2030).Policy("proportional")
///     .Stream("DG-01", StreamKind.DistrictGrant, 120000.00m, name: "街道社区教育经费", startYear: 2019, annualChange: -0.08m)
///     .Stream("PF-DIGITAL", StreamKind.ProjectFund, 60000m, recurrence: Recurrence.OneOff,
///         startYear: 2020, endYear: 2023, restrictedTo: ["P-DIGITAL"])
///     .Program("P-DIGITAL", ProgramCategory.Basic, 120000m, name: "数字技能普及计划", minFundingRatio: 0.75m)
///     .Scenario("deeper-cut", s => s.Trend(2024, "DG-01", -0.10m))
///     .Build();
/// </code>
/// </example>
public sealed partial class WorkbookBuilder
{
    /// <summary>The file name that builder problems carry in <see cref="ValidationIssue.File"/>.</summary>
    public const string IssueFile = "builder";

    private readonly string name;
    private readonly List<StreamDraft> streams = [];
    private readonly List<ProgramDraft> programs = [];
    private readonly List<ScenarioBuilder> scenarios = [];
    private readonly List<LedgerDraft> ledger = [];
    private string currencyCode = "CNY";
    private (int From, int To)? years;
    private int fiscalYearStartMonth = 1;
    private RoundingMode rounding = RoundingMode.HalfEven;
    private string policy = PolicyNames.Proportional;
    private decimal flagshipWeight = 3m;
    private int shelveAfter = 2;
    private bool carryOverPool;
    private int monteCarloRuns = 10_000;
    private long monteCarloSeed = 1;

    /// <summary>Starts a workbook.</summary>
    /// <param name="name">Name of the organisation.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public WorkbookBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        this.name = name;
    }

    /// <summary>
    /// Starts a builder from an existing workbook: every setting, stream, program, scenario and
    /// ledger entry is taken over, so that changing a few and calling <see cref="Build"/> gives
    /// a new, checked workbook (the way to "modify" an immutable workbook).
    /// </summary>
    /// <param name="workbook">The workbook to start from.</param>
    /// <returns>A builder holding everything of <paramref name="workbook"/>.</returns>
    /// <example><code>var later = WorkbookBuilder.From(workbook).Years(2030, 2040).Build();</code></example>
    public static WorkbookBuilder From(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var builder = new WorkbookBuilder(workbook.Name)
        {
            currencyCode = workbook.Currency.Code,
            years = (workbook.Years.From, workbook.Years.To),
            fiscalYearStartMonth = workbook.FiscalYearStartMonth,
            rounding = workbook.Rounding,
            policy = workbook.Policy,
            flagshipWeight = workbook.FlagshipWeight,
            shelveAfter = workbook.ShelveAfter,
            carryOverPool = workbook.CarryOverPool,
            monteCarloRuns = workbook.MonteCarloRuns,
            monteCarloSeed = workbook.MonteCarloSeed,
        };
        foreach (var stream in workbook.Streams)
        {
            builder.AddStream(stream);
        }

        foreach (var program in workbook.Programs)
        {
            builder.AddProgram(program);
        }

        foreach (var scenario in workbook.Scenarios)
        {
            builder.scenarios.Add(ScenarioBuilder.From(scenario, carriedOver: true));
        }

        foreach (var entry in workbook.Ledger)
        {
            builder.AddLedgerEntry(entry);
        }

        return builder;
    }

    /// <summary>Sets the currency by ISO 4217 code (default CNY). An unknown code is reported by <see cref="Build"/>.</summary>
    /// <param name="code">The code, such as "CNY" or "EUR".</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Currency(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        currencyCode = code;
        return this;
    }

    /// <summary>Sets the currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Currency(Currency currency) => Currency(currency.Code);

    /// <summary>Sets the fiscal years of the projection (required).</summary>
    /// <param name="from">First fiscal year.</param>
    /// <param name="to">Last fiscal year.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Years(int from, int to)
    {
        years = (from, to);
        return this;
    }

    /// <summary>Sets the month the fiscal year starts (default 1 = January).</summary>
    /// <param name="month">1 to 12.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder FiscalYearStartMonth(int month)
    {
        fiscalYearStartMonth = month;
        return this;
    }

    /// <summary>Sets the rounding to the minor unit (default half-even).</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Rounding(RoundingMode mode)
    {
        rounding = mode;
        return this;
    }

    /// <summary>Sets the allocation policy of the pool by name (default "proportional").</summary>
    /// <param name="policyName">One of the built-in names (<c>IAllocationPolicy.BuiltInNames</c>), such as "viability-first".</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Policy(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        policy = policyName;
        return this;
    }

    /// <summary>Sets the flagship weight of the visibility-weighted policy (default 3).</summary>
    /// <param name="weight">A positive weight.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder FlagshipWeight(decimal weight)
    {
        flagshipWeight = weight;
        return this;
    }

    /// <summary>Sets the number of consecutive stall years after which a program is shelved (default 2; 0 = never).</summary>
    /// <param name="stallYears">The number of years.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder ShelveAfter(int stallYears)
    {
        shelveAfter = stallYears;
        return this;
    }

    /// <summary>Lets unspent pool money carry over to the next year (default: it lapses).</summary>
    /// <param name="carryOver">Whether it carries over.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder CarryOverPool(bool carryOver = true)
    {
        carryOverPool = carryOver;
        return this;
    }

    /// <summary>Sets the Monte Carlo defaults (default 10,000 runs, seed 1).</summary>
    /// <param name="runs">Number of runs, at least 1.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder MonteCarlo(int runs, long seed)
    {
        monteCarloRuns = runs;
        monteCarloSeed = seed;
        return this;
    }

    /// <summary>Adds a scenario described by <paramref name="configure"/>.</summary>
    /// <param name="scenarioName">Unique scenario name.</param>
    /// <param name="configure">Adds the scenario's changes.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Scenario(string scenarioName, Action<ScenarioBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(scenarioName);
        ArgumentNullException.ThrowIfNull(configure);
        var scenario = new ScenarioBuilder(scenarioName);
        configure(scenario);
        scenarios.Add(scenario);
        return this;
    }

    /// <summary>Adds a scenario described by a <see cref="ScenarioBuilder"/> made on its own.</summary>
    /// <param name="scenario">The scenario's builder.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder AddScenario(ScenarioBuilder scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenarios.Add(scenario);
        return this;
    }

    /// <summary>Adds a scenario made elsewhere.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder AddScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        scenarios.Add(ScenarioBuilder.From(scenario));
        return this;
    }

    /// <summary>Checks every rule of the workbook format and returns the workbook, every default resolved.</summary>
    /// <returns>The valid workbook.</returns>
    /// <exception cref="InputValidationException">Something is wrong; every problem is listed (file "builder").</exception>
    public Workbook Build()
    {
        var issues = new IssueList();
        var at = new Pos(IssueFile, 0, 0);
        if (!Monetary.Currency.TryFromCode(currencyCode, out var currency))
        {
            issues.Error(at, "BuilderCurrencyUnknown", currencyCode);
            currency = Monetary.Currency.Cny;
        }

        if (years is null)
        {
            issues.Error(at, "BuilderYearsMissing");
        }

        var range = years is { } given ? YearRange.Unchecked(given.From, given.To) : new YearRange(2000, 2000);
        var context = new BuildContext(issues, currency, at);
        var workbook = new Workbook
        {
            Name = name,
            Currency = currency,
            FiscalYearStartMonth = fiscalYearStartMonth,
            Rounding = rounding,
            Years = range,
            Policy = policy,
            FlagshipWeight = flagshipWeight,
            ShelveAfter = shelveAfter,
            CarryOverPool = carryOverPool,
            MonteCarloRuns = monteCarloRuns,
            MonteCarloSeed = monteCarloSeed,
            Streams = new EquatableArray<FundingStream>(streams.Select(s => s.Build(context, range.From))),
            Programs = new EquatableArray<EducationProgram>(programs.Select(p => p.Build(context, range.From))),
            Scenarios = new EquatableArray<Scenario>(scenarios.Select(s => s.Build(context, range.From))),
            Ledger = new EquatableArray<LedgerEntry>(ledger.Select(e => e.Build(context))),
        };
        WorkbookRules.Validate(workbook, new BuilderLocator(at), issues, years is not null, s => !scenarios[s].CarriedOver);
        if (issues.HasErrors)
        {
            throw new InputValidationException(issues.Sorted(), IssueFile);
        }

        return workbook;
    }

    /// <summary>What the parts need while the workbook is built: where to report and the currency of amounts.</summary>
    internal sealed class BuildContext(IssueList issues, Currency currency, Pos at)
    {
        public Currency Currency => currency;

        /// <summary>Reports a part made elsewhere in another currency than the workbook's.</summary>
        public void CheckCurrency(Currency? given, CoreMessage what)
        {
            if (given is { } other && other != currency)
            {
                issues.Error(at, "PartInOtherCurrency", what, other.Code, currency.Code);
            }
        }

        public long ToMinorUnits(decimal amount, CoreMessage what)
        {
            if (AmountText.ToMinorUnits(amount, currency, out var error) is { } minor)
            {
                return minor;
            }

            issues.Error(at, "PartAmountProblem", what, amount, error);
            return 0;
        }

        public void Error(string code, params object?[] args) => issues.Error(at, code, args);
    }

    private sealed class BuilderLocator(Pos at) : IWorkbookLocator
    {
        public Pos Setting(string key) => at;

        public Pos Stream(int index, string column) => at;

        public Pos Program(int index, string column) => at;

        public Pos Scenario(int index, string key) => at;

        public Pos Change(int scenario, int change, string key) => at;

        public Pos AddedRow(int scenario, int change, string column) => at;

        public Pos Ledger(int index, string column) => at;

        public object StreamsSource => new CoreMessage("SourceWorkbookStreams");

        public object ProgramsSource => new CoreMessage("SourceWorkbookPrograms");
    }

    private sealed record LedgerDraft(DateOnly Date, LedgerEntryType Type, string? StreamId, string? ProgramId, decimal? Amount, string? Reference, string? Memo)
    {
        public long? MinorUnits { get; init; }

        public Currency? GivenCurrency { get; init; }

        public LedgerEntry Build(BuildContext context)
        {
            context.CheckCurrency(GivenCurrency, new CoreMessage("PartLedgerEntry", ModelText.FormatDate(Date)));
            return LedgerEntry.Unchecked(
                Date, Type, StreamId, ProgramId, context.Currency, MinorUnits ?? context.ToMinorUnits(Amount ?? 0m, new CoreMessage("PartLedgerAmount", ModelText.FormatDate(Date))), Reference, Memo);
        }
    }
}

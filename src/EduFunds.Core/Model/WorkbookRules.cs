using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>Where each part of a workbook came from, so that a rule can say file, line and column.</summary>
internal interface IWorkbookLocator
{
    /// <summary>A settings key of edufunds.json ("years.from", "currency", "policy", "monteCarlo.runs").</summary>
    Pos Setting(string key);

    /// <summary>A cell of a stream row.</summary>
    Pos Stream(int index, string column);

    /// <summary>A cell of a program row.</summary>
    Pos Program(int index, string column);

    /// <summary>A key of a scenario ("name").</summary>
    Pos Scenario(int index, string key);

    /// <summary>A key of a scenario change ("from", "stream", "factor", ...).</summary>
    Pos Change(int scenario, int change, string key);

    /// <summary>A cell of the row of an add-stream or add-program change.</summary>
    Pos AddedRow(int scenario, int change, string column);

    /// <summary>A cell of a ledger row.</summary>
    Pos Ledger(int index, string column);

    /// <summary>Where the streams come from, as messages name it ("streams.csv", or a <see cref="Localization.CoreMessage"/>).</summary>
    object StreamsSource => "streams.csv";

    /// <summary>Where the programs come from, as messages name it ("programs.csv", or a <see cref="Localization.CoreMessage"/>).</summary>
    object ProgramsSource => "programs.csv";
}

/// <summary>
/// The rules of DESIGN.md "Workbook files", "Funding streams" and "Programs" that concern values
/// already read: ranges, years, unique ids and references. Shared by the reader and the builder.
/// </summary>
internal static partial class WorkbookRules
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    /// <summary>The name of the base case in every command (<c>--scenario base</c>, compare's columns): no scenario may take it.</summary>
    public const string ReservedScenarioName = "base";

    /// <summary>Checks <paramref name="workbook"/> (with its defaults resolved) and adds every problem to <paramref name="issues"/>.</summary>
    /// <param name="workbook">The workbook as read; it may be invalid.</param>
    /// <param name="at">Where each part came from.</param>
    /// <param name="issues">Receives the problems.</param>
    /// <param name="yearsKnown">False when the years could not be read (year checks are then skipped).</param>
    /// <param name="missingKindIsError">
    /// For each scenario index, whether a change for a kind that no stream has is an error (a
    /// scenario built in code) rather than a warning (a scenario read from a file, as DESIGN.md
    /// allows); null = a warning everywhere.
    /// </param>
    /// <returns>The rules of a ledger entry of this workbook, for a ledger checked as it is streamed.</returns>
    public static LedgerRules Validate(Workbook workbook, IWorkbookLocator at, IssueList issues, bool yearsKnown = true, Func<int, bool>? missingKindIsError = null)
    {
        var years = workbook.Years;
        if (yearsKnown)
        {
            yearsKnown = CheckSettings(workbook, at, issues);
        }
        else
        {
            CheckOtherSettings(workbook, at, issues);
        }

        var context = new Context(years, yearsKnown, workbook.Currency) { StreamsSource = at.StreamsSource, ProgramsSource = at.ProgramsSource };

        var programIds = new HashSet<string>(StringComparer.Ordinal);
        var firstProgram = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < workbook.Programs.Count; i++)
        {
            var index = i;
            var program = workbook.Programs[i];
            CheckProgram(program, column => at.Program(index, column), issues, context);
            if (program.Id.Length > 0 && !firstProgram.TryAdd(program.Id, i))
            {
                issues.Error(at.Program(i, "id"), "ProgramIdDuplicate", program.Id, Describe(at.Program(firstProgram[program.Id], "id")));
            }

            programIds.Add(program.Id);
        }

        CheckLookAlikes(workbook.Programs.Select(p => p.Id).ToList(), i => at.Program(i, "id"), isStream: false, issues);

        var streamIds = new HashSet<string>(StringComparer.Ordinal);
        var firstStream = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < workbook.Streams.Count; i++)
        {
            var index = i;
            var stream = workbook.Streams[i];
            CheckStream(stream, column => at.Stream(index, column), issues, context, programIds, at.ProgramsSource);
            if (stream.Id.Length > 0 && !firstStream.TryAdd(stream.Id, i))
            {
                issues.Error(at.Stream(i, "id"), "StreamIdDuplicate", stream.Id, Describe(at.Stream(firstStream[stream.Id], "id")));
            }

            streamIds.Add(stream.Id);
        }

        CheckLookAlikes(workbook.Streams.Select(s => s.Id).ToList(), i => at.Stream(i, "id"), isStream: true, issues);

        var scenarioNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < workbook.Scenarios.Count; s++)
        {
            var scenario = workbook.Scenarios[s];
            if (string.IsNullOrWhiteSpace(scenario.Name))
            {
                issues.Error(at.Scenario(s, "name"), "ScenarioNameMissing");
            }
            else if (string.Equals(scenario.Name.Trim(), ReservedScenarioName, StringComparison.OrdinalIgnoreCase))
            {
                issues.Error(at.Scenario(s, "name"), "ScenarioNameReserved", scenario.Name);
            }
            else if (!scenarioNames.TryAdd(scenario.Name, s))
            {
                issues.Error(at.Scenario(s, "name"), "ScenarioNameDuplicate", scenario.Name, Describe(at.Scenario(scenarioNames[scenario.Name], "name")));
            }

            CheckScenario(workbook, s, at, issues, context, streamIds, programIds, missingKindIsError?.Invoke(s) ?? false);
        }

        var ledgerRules = new LedgerRules(workbook, context, streamIds, programIds);
        for (var i = 0; i < workbook.Ledger.Count; i++)
        {
            var index = i;
            ledgerRules.Check(workbook.Ledger[i], column => at.Ledger(index, column), issues);
        }

        return ledgerRules;
    }

    private static string Describe(Pos pos) =>
        pos.Line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {pos.Line}") : pos.File;

    private static bool CheckSettings(Workbook workbook, IWorkbookLocator at, IssueList issues)
    {
        var ok = true;
        var years = workbook.Years;
        if (years.From < MinYear || years.From > MaxYear)
        {
            issues.Error(at.Setting("years.from"), "YearsFromImplausible", years.From, MinYear, MaxYear);
            ok = false;
        }

        if (years.To < MinYear || years.To > MaxYear)
        {
            issues.Error(at.Setting("years.to"), "YearsToImplausible", years.To, MinYear, MaxYear);
            ok = false;
        }
        else if (years.To < years.From)
        {
            issues.Error(at.Setting("years.to"), "YearsToBeforeFrom", years.To, years.From);
            ok = false;
        }

        CheckOtherSettings(workbook, at, issues);
        return ok;
    }

    private static void CheckOtherSettings(Workbook workbook, IWorkbookLocator at, IssueList issues)
    {
        if (workbook.FiscalYearStartMonth is < 1 or > 12)
        {
            issues.Error(at.Setting("fiscalYearStartMonth"), "FiscalYearStartMonthInvalid", workbook.FiscalYearStartMonth);
        }

        CheckPolicy(workbook.Policy, at.Setting("policy"), issues);
        if (workbook.FlagshipWeight <= 0m)
        {
            issues.Error(at.Setting("flagshipWeight"), "FlagshipWeightNotPositive", workbook.FlagshipWeight);
        }

        if (workbook.ShelveAfter < 0)
        {
            issues.Error(at.Setting("shelveAfter"), "ShelveAfterNegative", workbook.ShelveAfter);
        }

        if (workbook.MonteCarloRuns < 1)
        {
            issues.Error(at.Setting("monteCarlo.runs"), "MonteCarloRunsTooFew", workbook.MonteCarloRuns);
        }
    }

    private static void CheckPolicy(string policy, Pos pos, IssueList issues)
    {
        if (!PolicyNames.IsKnown(policy))
        {
            issues.Error(pos, "PolicyUnknown", ModelText.Quote(policy), Suggestions.DidYouMean(policy, PolicyNames.Names), string.Join(", ", PolicyNames.Names));
        }
    }

    private static void CheckId(string id, Pos pos, bool isStream, IssueList issues)
    {
        if (id.Length == 0)
        {
            issues.Error(pos, isStream ? "StreamIdMissing" : "ProgramIdMissing");
        }
        else if (id.Contains(';', StringComparison.Ordinal))
        {
            issues.Error(pos, isStream ? "StreamIdHasSemicolon" : "ProgramIdHasSemicolon", ModelText.Quote(id));
        }
    }

    private static void CheckLedgerEntry(
        Workbook workbook,
        LedgerEntry entry,
        Func<string, Pos> at,
        IssueList issues,
        Context context,
        HashSet<string> streams,
        HashSet<string> programs)
    {
        if (entry.AmountMinorUnits <= 0)
        {
            issues.Error(at("amount"), "LedgerAmountNotPositive", context.Amount(entry.AmountMinorUnits));
        }

        if (context.YearsKnown && workbook.FiscalYearStartMonth is >= 1 and <= 12)
        {
            var fiscalYear = ModelText.FiscalYearOf(entry.Date, workbook.FiscalYearStartMonth);
            if (!context.Years.Contains(fiscalYear))
            {
                issues.Warning(at("date"), OutsideYears(entry.Date, fiscalYear, context.Years, workbook.FiscalYearStartMonth));
            }
        }

        if (entry.StreamId is { } streamId && !streams.Contains(streamId))
        {
            issues.Error(at("stream"), "LedgerStreamUnknown", streamId, context.StreamsSource, Suggestions.DidYouMean(streamId, streams));
        }

        if (entry.ProgramId is { } programId && !programs.Contains(programId))
        {
            issues.Error(at("program"), "LedgerProgramUnknown", programId, context.ProgramsSource, Suggestions.DidYouMean(programId, programs));
        }

        if (entry.Type == LedgerEntryType.Receipt)
        {
            if (entry.StreamId is null)
            {
                issues.Error(at("stream"), "LedgerReceiptWithoutStream");
            }

            if (entry.ProgramId is not null)
            {
                issues.Error(at("program"), "LedgerReceiptWithProgram", entry.ProgramId);
            }
        }

        // An expense with a blank program is overhead (DESIGN.md "Budget tracking"): valid.
    }

    /// <summary>
    /// The warning for a ledger entry dated outside the workbook's years (DESIGN.md: valid, the years
    /// are a window), the same for an entry of ledger.csv and for a row an import adds.
    /// </summary>
    /// <param name="date">The entry's date.</param>
    /// <param name="fiscalYear">Its fiscal year.</param>
    /// <param name="years">The workbook's years (within MinYear..MaxYear).</param>
    /// <param name="startMonth">The month the fiscal year starts (1-12).</param>
    /// <returns>The message.</returns>
    internal static CoreMessage OutsideYears(DateOnly date, int fiscalYear, YearRange years, int startMonth)
    {
        var first = new DateOnly(years.From, startMonth, 1);
        var last = new DateOnly(years.To, startMonth, 1).AddYears(1).AddDays(-1);
        return new CoreMessage(
            "LedgerDateOutsideYears",
            ModelText.FormatDate(date),
            fiscalYear,
            years.From,
            years.To,
            ModelText.FormatDate(first),
            ModelText.FormatDate(last));
    }

    /// <summary>The rules of one ledger entry of a workbook (known stream and program, fiscal year, shape), checked entry by entry.</summary>
    internal sealed class LedgerRules
    {
        private readonly Workbook workbook;
        private readonly Context context;
        private readonly HashSet<string> streams;
        private readonly HashSet<string> programs;

        internal LedgerRules(Workbook workbook, Context context, HashSet<string> streams, HashSet<string> programs)
        {
            this.workbook = workbook;
            this.context = context;
            this.streams = streams;
            this.programs = programs;
        }

        /// <summary>Checks one entry.</summary>
        /// <param name="entry">The entry.</param>
        /// <param name="at">Where its cells are.</param>
        /// <param name="issues">Receives the problems.</param>
        public void Check(LedgerEntry entry, Func<string, Pos> at, IssueList issues)
        {
            CheckLedgerEntry(workbook, entry, at, issues, context, streams, programs);

            // Every ledger figure (a year's totals, a stream's receipts, the cash position) is a part of
            // the sum of all amounts: when that fits, tracking can never overflow. Reported once.
            if (!totalTooLarge && entry.AmountMinorUnits > 0)
            {
                if (total > long.MaxValue - entry.AmountMinorUnits)
                {
                    totalTooLarge = true;
                    issues.Error(at("amount"), "LedgerAmountsOverflow", context.Amount(long.MaxValue));
                }
                else
                {
                    total += entry.AmountMinorUnits;
                }
            }
        }

        private long total;
        private bool totalTooLarge;
    }

    internal sealed record Context(YearRange Years, bool YearsKnown, Currency Currency)
    {
        /// <summary>Where the streams come from, as messages name it.</summary>
        public object StreamsSource { get; init; } = "streams.csv";

        /// <summary>Where the programs come from, as messages name it.</summary>
        public object ProgramsSource { get; init; } = "programs.csv";

        public string Amount(long minorUnits) => AmountText.Format(minorUnits, Currency);
    }
}

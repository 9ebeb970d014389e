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

    /// <summary>Where the streams come from, as messages name it ("streams.csv").</summary>
    string StreamsSource => "streams.csv";

    /// <summary>Where the programs come from, as messages name it ("programs.csv").</summary>
    string ProgramsSource => "programs.csv";
}

/// <summary>
/// The rules of DESIGN.md "Workbook files", "Funding streams" and "Programs" that concern values
/// already read: ranges, years, unique ids and references. Shared by the reader and the builder.
/// </summary>
internal static class WorkbookRules
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

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
                issues.Error(at.Program(i, "id"), $"duplicate program id '{program.Id}' (first used at {Describe(at.Program(firstProgram[program.Id], "id"))}); ids must be unique");
            }

            programIds.Add(program.Id);
        }

        var streamIds = new HashSet<string>(StringComparer.Ordinal);
        var firstStream = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < workbook.Streams.Count; i++)
        {
            var index = i;
            var stream = workbook.Streams[i];
            CheckStream(stream, column => at.Stream(index, column), issues, context, programIds, at.ProgramsSource);
            if (stream.Id.Length > 0 && !firstStream.TryAdd(stream.Id, i))
            {
                issues.Error(at.Stream(i, "id"), $"duplicate stream id '{stream.Id}' (first used at {Describe(at.Stream(firstStream[stream.Id], "id"))}); ids must be unique");
            }

            streamIds.Add(stream.Id);
        }

        var scenarioNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < workbook.Scenarios.Count; s++)
        {
            var scenario = workbook.Scenarios[s];
            if (string.IsNullOrWhiteSpace(scenario.Name))
            {
                issues.Error(at.Scenario(s, "name"), $"a scenario needs a name");
            }
            else if (!scenarioNames.TryAdd(scenario.Name, s))
            {
                issues.Error(at.Scenario(s, "name"), $"duplicate scenario name '{scenario.Name}' (first used at {Describe(at.Scenario(scenarioNames[scenario.Name], "name"))}); names must be unique");
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
            issues.Error(at.Setting("years.from"), $"years.from {years.From} is not a plausible fiscal year; expected a year from {MinYear} to {MaxYear}");
            ok = false;
        }

        if (years.To < MinYear || years.To > MaxYear)
        {
            issues.Error(at.Setting("years.to"), $"years.to {years.To} is not a plausible fiscal year; expected a year from {MinYear} to {MaxYear}");
            ok = false;
        }
        else if (years.To < years.From)
        {
            issues.Error(at.Setting("years.to"), $"years.to {years.To} is before years.from {years.From}; expected the last year of the projection, on or after the first");
            ok = false;
        }

        CheckOtherSettings(workbook, at, issues);
        return ok;
    }

    private static void CheckOtherSettings(Workbook workbook, IWorkbookLocator at, IssueList issues)
    {
        if (workbook.FiscalYearStartMonth is < 1 or > 12)
        {
            issues.Error(at.Setting("fiscalYearStartMonth"), $"fiscalYearStartMonth {workbook.FiscalYearStartMonth} is not a month; expected 1 (January) to 12 (December)");
        }

        CheckPolicy(workbook.Policy, at.Setting("policy"), issues);
        if (workbook.FlagshipWeight <= 0m)
        {
            issues.Error(at.Setting("flagshipWeight"), $"flagshipWeight {workbook.FlagshipWeight} must be more than 0 (default 3)");
        }

        if (workbook.ShelveAfter < 0)
        {
            issues.Error(at.Setting("shelveAfter"), $"shelveAfter {workbook.ShelveAfter} is negative; expected the number of consecutive stall years after which a program is shelved (default 2; 0 = never)");
        }

        if (workbook.MonteCarlo.Runs < 1)
        {
            issues.Error(at.Setting("monteCarlo.runs"), $"monteCarlo.runs {workbook.MonteCarlo.Runs} must be at least 1 (default 10000)");
        }
    }

    private static void CheckPolicy(string policy, Pos pos, IssueList issues)
    {
        if (!PolicyNames.IsKnown(policy))
        {
            issues.Error(pos, $"unknown policy {ModelText.Quote(policy)}{Suggestions.DidYouMean(policy, PolicyNames.Names)}; expected one of {string.Join(", ", PolicyNames.Names)}");
        }
    }

    private static void CheckId(string id, Pos pos, string what, IssueList issues)
    {
        if (id.Length == 0)
        {
            issues.Error(pos, $"the {what} has no id; every {what} needs a unique id such as 'DG-01'");
        }
        else if (id.Contains(';', StringComparison.Ordinal))
        {
            issues.Error(pos, $"{what} id {ModelText.Quote(id)} contains ';', which separates the ids of restricted_to; choose an id without it");
        }
    }

    private static void CheckStream(
        FundingStream stream,
        Func<string, Pos> at,
        IssueList issues,
        Context context,
        HashSet<string> programIds,
        string programsSource)
    {
        CheckId(stream.Id, at("id"), "stream", issues);
        var label = stream.Id.Length > 0 ? $" of stream {stream.Id}" : string.Empty;
        if (stream.AmountMinorUnits < 0)
        {
            issues.Error(at("amount"), $"amount {context.Amount(stream.AmountMinorUnits)}{label} is negative; expected an amount of 0 or more");
        }

        if (stream.AnnualChange < -1m)
        {
            issues.Error(at("annual_change"), $"annual_change {stream.AnnualChange}{label} is below -1 (more than 100% less a year); expected -1 or more, such as -0.08 for 8% less a year");
        }

        else if (context.YearsKnown
            && stream.StartYear is >= MinYear and <= MaxYear
            && GrowsTooLarge(stream.AmountMinorUnits, stream.AnnualChange, stream.StartYear, stream.EffectiveEndYear, context.Years) is { } streamYear)
        {
            issues.Error(at("annual_change"), $"annual_change {stream.AnnualChange}{label} makes the amount grow beyond {context.Amount(long.MaxValue)} by {streamYear}, more than EduFunds can count exactly; expected a smaller amount or annual change");
        }

        if (stream.RenewalProbability is < 0m or > 1m)
        {
            issues.Error(at("renewal_probability"), $"renewal_probability {stream.RenewalProbability}{label} is out of range; expected a probability from 0 to 1 (default 1)");
        }

        if (stream.AmountCv < 0m)
        {
            issues.Error(at("amount_cv"), $"amount_cv {stream.AmountCv}{label} is negative; expected a coefficient of variation of 0 or more (default 0 = no noise)");
        }

        if (stream.StartYear is < MinYear or > MaxYear)
        {
            issues.Error(at("start_year"), $"start_year {stream.StartYear}{label} is not a plausible fiscal year; expected a year from {MinYear} to {MaxYear}");
        }
        else if (context.YearsKnown && stream.StartYear > context.Years.To)
        {
            issues.Warning(at("start_year"), $"start_year {stream.StartYear}{label} is after the workbook's last year {context.Years.To}, so the stream pays nothing in {context.Years.From}-{context.Years.To}; it is kept for when the years move");
        }

        if (stream.EndYear is { } end)
        {
            if (end < stream.StartYear)
            {
                issues.Error(at("end_year"), $"end_year {end}{label} is before its start_year {stream.StartYear}; expected a year on or after the start");
            }
            else if (context.YearsKnown && end < context.Years.From)
            {
                issues.Warning(at("end_year"), $"end_year {end}{label} is before the workbook's first year {context.Years.From}, so the stream pays nothing in {context.Years.From}-{context.Years.To}; it is kept as history");
            }
        }
        else if (context.YearsKnown && stream.EffectiveEndYear is { } oneOffYear && oneOffYear < context.Years.From && stream.StartYear is >= MinYear and <= MaxYear)
        {
            issues.Warning(at("start_year"), $"one-off stream{label.Replace(" of stream", string.Empty, StringComparison.Ordinal)} paid in {oneOffYear}, before the workbook's first year {context.Years.From}, so it pays nothing in {context.Years.From}-{context.Years.To}; it is kept as history");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var programId in stream.RestrictedTo)
        {
            if (!seen.Add(programId))
            {
                issues.Error(at("restricted_to"), $"restricted_to{label} lists program '{programId}' twice");
            }
            else if (!programIds.Contains(programId))
            {
                issues.Error(at("restricted_to"), $"restricted_to{label} names program '{programId}', which is not in {programsSource}{Suggestions.DidYouMean(programId, programIds)}; expected program ids separated by ';'");
            }
        }

        if (stream.Kind == StreamKind.InKind && !stream.IsRestricted)
        {
            issues.Error(at("restricted_to"), $"in-kind stream{label.Replace(" of stream", string.Empty, StringComparison.Ordinal)} is not restricted; in-kind services cannot be pooled as cash, so restricted_to must name the programs they serve");
        }
    }

    /// <summary>
    /// The first year within the workbook's years in which amount x (1 + change)^(year - start)
    /// no longer fits in 64 bits of minor units, or null. Growth is monotonic, so the last year
    /// paid within the range decides.
    /// </summary>
    private static int? GrowsTooLarge(long amount, decimal change, int start, int? end, YearRange years)
    {
        if (amount <= 0 || change <= 0m)
        {
            return null;
        }

        var last = Math.Min(end ?? years.To, years.To);
        var growth = ExactMath.Fraction.From(change).OnePlus();
        if (last < start || Fits(last))
        {
            return null;
        }

        for (var year = Math.Max(start, years.From); year <= last; year++)
        {
            if (!Fits(year))
            {
                return year;
            }
        }

        return null;

        bool Fits(int year) =>
            ExactMath.TryRound(ExactMath.Fraction.From(amount).Multiply(growth.Pow(year - start)), RoundingMode.HalfAwayFromZero, out _);
    }

    private static void CheckProgram(EducationProgram program, Func<string, Pos> at, IssueList issues, Context context)
    {
        CheckId(program.Id, at("id"), "program", issues);
        var label = program.Id.Length > 0 ? $" of program {program.Id}" : string.Empty;
        if (program.CostMinorUnits <= 0)
        {
            issues.Error(at("cost"), $"cost {context.Amount(program.CostMinorUnits)}{label} must be more than 0; expected the program's annual cost");
        }

        if (program.CostChange < -1m)
        {
            issues.Error(at("cost_change"), $"cost_change {program.CostChange}{label} is below -1; expected -1 or more, such as 0.03 for 3% more a year");
        }

        else if (context.YearsKnown
            && program.StartYear is >= MinYear and <= MaxYear
            && GrowsTooLarge(program.CostMinorUnits, program.CostChange, program.StartYear, program.EndYear, context.Years) is { } programYear)
        {
            issues.Error(at("cost_change"), $"cost_change {program.CostChange}{label} makes the need grow beyond {context.Amount(long.MaxValue)} by {programYear}, more than EduFunds can count exactly; expected a smaller cost or cost change");
        }

        if (program.MinFundingRatio is <= 0m or > 1m)
        {
            issues.Error(at("min_funding_ratio"), $"min_funding_ratio {program.MinFundingRatio}{label} is out of range; expected more than 0 and at most 1 (default 0.6)");
        }

        if (program.Priority < 1)
        {
            issues.Error(at("priority"), $"priority {program.Priority}{label} is out of range; expected a whole number of 1 or more (1 = highest)");
        }

        if (program.StartYear is < MinYear or > MaxYear)
        {
            issues.Error(at("start_year"), $"start_year {program.StartYear}{label} is not a plausible fiscal year; expected a year from {MinYear} to {MaxYear}");
        }
        else if (context.YearsKnown && program.StartYear < context.Years.From && (program.EndYear is null || program.EndYear >= context.Years.From))
        {
            issues.Warning(at("start_year"), $"start_year {program.StartYear}{label} is before the workbook's first year {context.Years.From}; the program runs from {context.Years.From} and its need grows from {program.StartYear} (cost x (1 + cost_change)^{context.Years.From - program.StartYear} in {context.Years.From})");
        }
        else if (context.YearsKnown && program.StartYear > context.Years.To)
        {
            issues.Warning(at("start_year"), $"start_year {program.StartYear}{label} is after the workbook's last year {context.Years.To}, so the program runs nothing in {context.Years.From}-{context.Years.To}; it is kept for when the years move");
        }

        if (program.EndYear is { } end && end < program.StartYear)
        {
            issues.Error(at("end_year"), $"end_year {end}{label} is before its start_year {program.StartYear}; expected a year on or after the start");
        }
        else if (program.EndYear is { } ended && context.YearsKnown && ended < context.Years.From)
        {
            issues.Warning(at("end_year"), $"end_year {ended}{label} is before the workbook's first year {context.Years.From}, so the program runs nothing in {context.Years.From}-{context.Years.To}; it is kept as history");
        }

        if (program.Participants is < 0)
        {
            issues.Error(at("participants"), $"participants {program.Participants}{label} is negative; expected a head count of 0 or more");
        }
    }

    private static void CheckScenario(
        Workbook workbook,
        int s,
        IWorkbookLocator at,
        IssueList issues,
        Context context,
        HashSet<string> baseStreams,
        HashSet<string> basePrograms,
        bool missingKindIsError)
    {
        var scenario = workbook.Scenarios[s];

        // Streams and programs the scenario adds count as existing for its other changes, whatever their order.
        var streams = new HashSet<string>(baseStreams, StringComparer.Ordinal);
        var programs = new HashSet<string>(basePrograms, StringComparer.Ordinal);
        var addedPrograms = new List<(int Change, EducationProgram Program)>();
        var addedStreams = new List<(int Change, FundingStream Stream)>();
        for (var c = 0; c < scenario.Changes.Count; c++)
        {
            switch (scenario.Changes[c])
            {
                case AddProgramChange add:
                    addedPrograms.Add((c, add.Program));
                    if (add.Program.Id.Length > 0 && !programs.Add(add.Program.Id))
                    {
                        issues.Error(at.AddedRow(s, c, "id"), $"scenario '{scenario.Name}' adds program '{add.Program.Id}', but a program with that id already exists; choose a new id");
                    }

                    break;
                case AddStreamChange add:
                    addedStreams.Add((c, add.Stream));
                    if (add.Stream.Id.Length > 0 && !streams.Add(add.Stream.Id))
                    {
                        issues.Error(at.AddedRow(s, c, "id"), $"scenario '{scenario.Name}' adds stream '{add.Stream.Id}', but a stream with that id already exists; choose a new id");
                    }

                    break;
            }
        }

        var kinds = new HashSet<StreamKind>(workbook.Streams.Select(x => x.Kind).Concat(addedStreams.Select(x => x.Stream.Kind)));
        foreach (var (c, program) in addedPrograms)
        {
            CheckProgram(program, column => at.AddedRow(s, c, column), issues, context);
        }

        foreach (var (c, stream) in addedStreams)
        {
            CheckStream(stream, column => at.AddedRow(s, c, column), issues, context, programs, $"{at.ProgramsSource} or the scenario's added programs");
        }

        for (var c = 0; c < scenario.Changes.Count; c++)
        {
            var change = scenario.Changes[c];
            var index = c;
            Pos Key(string key) => at.Change(s, index, key);

            if (change.From is < MinYear or > MaxYear)
            {
                issues.Error(Key("from"), $"from {change.From} is not a plausible fiscal year; expected a year from {MinYear} to {MaxYear} (leave it out for the first year)");
            }
            else if (context.YearsKnown && change.From < context.Years.From)
            {
                issues.Warning(Key("from"), $"from {change.From} is before the workbook's first year {context.Years.From}: the change is in effect from {context.Years.From} and keeps {change.From} in its formula (a trend or rate from {change.From} has already changed {context.Years.From - change.From + 1} times in {context.Years.From})");
            }
            else if (context.YearsKnown && change.From > context.Years.To)
            {
                issues.Warning(Key("from"), $"from {change.From} is after the workbook's last year {context.Years.To}, so the change does nothing in {context.Years.From}-{context.Years.To}; it is kept for when the years move");
            }

            switch (change)
            {
                case ScaleChange scale:
                    CheckTarget(scale.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    if (scale.Factor < 0m)
                    {
                        issues.Error(Key("factor"), $"factor {scale.Factor} is negative; expected 0 or more (1.25 = a quarter more, 0 = nothing)");
                    }

                    break;
                case TrendChange trend:
                    CheckTarget(trend.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    if (trend.AnnualChange < -1m)
                    {
                        issues.Error(Key("annualChange"), $"annualChange {trend.AnnualChange} is below -1; expected -1 or more, such as -0.10 for 10% less a year");
                    }

                    break;
                case RateChange rate:
                    CheckTarget(rate.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    if (rate.AnnualChange < -1m)
                    {
                        issues.Error(Key("annualChange"), $"annualChange {rate.AnnualChange} is below -1; expected -1 or more, such as -0.15 for 15% less a year");
                    }

                    break;
                case StopChange stop:
                    CheckTarget(stop.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    break;
                case SetPolicyChange policy:
                    CheckPolicy(policy.Policy, Key("policy"), issues);
                    break;
                case SetFlagshipWeightChange weight when weight.FlagshipWeight <= 0m:
                    issues.Error(Key("flagshipWeight"), $"flagshipWeight {weight.FlagshipWeight} must be more than 0");
                    break;
                case SetMinFundingRatioChange ratio:
                    CheckProgramReference(ratio.ProgramId, Key("program"), programs, issues, at.ProgramsSource);
                    if (ratio.MinFundingRatio is <= 0m or > 1m)
                    {
                        issues.Error(Key("minFundingRatio"), $"minFundingRatio {ratio.MinFundingRatio} is out of range; expected more than 0 and at most 1");
                    }

                    break;
                case SetPriorityChange priority:
                    CheckProgramReference(priority.ProgramId, Key("program"), programs, issues, at.ProgramsSource);
                    if (priority.Priority < 1)
                    {
                        issues.Error(Key("priority"), $"priority {priority.Priority} is out of range; expected a whole number of 1 or more (1 = highest)");
                    }

                    break;
            }
        }
    }

    private static void CheckTarget(StreamTarget target, Func<string, Pos> key, HashSet<string> streams, HashSet<StreamKind> kinds, IssueList issues, bool missingKindIsError, string streamsSource)
    {
        if (target.StreamId is { } id && !streams.Contains(id))
        {
            issues.Error(key("stream"), $"stream '{id}' does not exist in {streamsSource} or among the scenario's added streams{Suggestions.DidYouMean(id, streams)}");
        }
        else if (target.Kind is { } kind && !kinds.Contains(kind) && missingKindIsError)
        {
            issues.Error(key("kind"), $"no stream is of kind '{WorkbookNames.ToName(kind)}' (in the workbook or added by the scenario), so the change would have no effect");
        }
        else if (target.Kind is { } kind2 && !kinds.Contains(kind2))
        {
            issues.Warning(key("kind"), $"no stream is of kind '{WorkbookNames.ToName(kind2)}' (in {streamsSource} or added by the scenario), so the change has no effect");
        }
    }

    private static void CheckProgramReference(string id, Pos pos, HashSet<string> programs, IssueList issues, string programsSource)
    {
        if (!programs.Contains(id))
        {
            issues.Error(pos, $"program '{id}' does not exist in {programsSource} or among the scenario's added programs{Suggestions.DidYouMean(id, programs)}");
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
            issues.Error(at("amount"), $"amount {context.Amount(entry.AmountMinorUnits)} must be more than 0; a ledger records receipts and expenses as positive amounts");
        }

        if (context.YearsKnown && workbook.FiscalYearStartMonth is >= 1 and <= 12)
        {
            var fiscalYear = ModelText.FiscalYearOf(entry.Date, workbook.FiscalYearStartMonth);
            if (!context.Years.Contains(fiscalYear))
            {
                var first = new DateOnly(context.Years.From, workbook.FiscalYearStartMonth, 1);
                var last = new DateOnly(context.Years.To, workbook.FiscalYearStartMonth, 1).AddYears(1).AddDays(-1);
                issues.Warning(at("date"), $"date {ModelText.FormatDate(entry.Date)} is in fiscal year {fiscalYear}, outside the workbook's years {context.Years.From}-{context.Years.To} ({ModelText.FormatDate(first)} to {ModelText.FormatDate(last)}); the entry is kept, and tracking and re-forecasts count it only for a year within them");
            }
        }

        if (entry.StreamId is { } streamId && !streams.Contains(streamId))
        {
            issues.Error(at("stream"), $"stream '{streamId}' does not exist in {context.StreamsSource}{Suggestions.DidYouMean(streamId, streams)}");
        }

        if (entry.ProgramId is { } programId && !programs.Contains(programId))
        {
            issues.Error(at("program"), $"program '{programId}' does not exist in {context.ProgramsSource}{Suggestions.DidYouMean(programId, programs)}");
        }

        if (entry.Type == LedgerEntryType.Receipt)
        {
            if (entry.StreamId is null)
            {
                issues.Error(at("stream"), $"a receipt needs the stream the money came from; fill in stream");
            }

            if (entry.ProgramId is not null)
            {
                issues.Error(at("program"), $"a receipt names program '{entry.ProgramId}'; receipts come from a stream (record what a program spends as an expense); leave program blank");
            }
        }

        // An expense with a blank program is overhead (DESIGN.md "Budget tracking"): valid.
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
        public void Check(LedgerEntry entry, Func<string, Pos> at, IssueList issues) =>
            CheckLedgerEntry(workbook, entry, at, issues, context, streams, programs);
    }

    internal sealed record Context(YearRange Years, bool YearsKnown, Currency Currency)
    {
        /// <summary>Where the streams come from, as messages name it.</summary>
        public string StreamsSource { get; init; } = "streams.csv";

        /// <summary>Where the programs come from, as messages name it.</summary>
        public string ProgramsSource { get; init; } = "programs.csv";

        public string Amount(long minorUnits) => AmountText.Format(minorUnits, Currency);
    }
}

namespace EduFunds.Model;

/// <content>The rules of scenarios and their changes.</content>
internal static partial class WorkbookRules
{
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
}

using EduFunds.Localization;

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
                        issues.Error(at.AddedRow(s, c, "id"), "ScenarioAddsExistingProgram", scenario.Name, add.Program.Id);
                    }

                    break;
                case AddStreamChange add:
                    addedStreams.Add((c, add.Stream));
                    if (add.Stream.Id.Length > 0 && !streams.Add(add.Stream.Id))
                    {
                        issues.Error(at.AddedRow(s, c, "id"), "ScenarioAddsExistingStream", scenario.Name, add.Stream.Id);
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
            CheckStream(stream, column => at.AddedRow(s, c, column), issues, context, programs, new CoreMessage("ProgramsSourceOrAdded", at.ProgramsSource));
        }

        for (var c = 0; c < scenario.Changes.Count; c++)
        {
            var change = scenario.Changes[c];
            var index = c;
            Pos Key(string key) => at.Change(s, index, key);

            if (change.From is < MinYear or > MaxYear)
            {
                issues.Error(Key("from"), "ChangeFromImplausible", change.From, MinYear, MaxYear);
            }
            else if (context.YearsKnown && change.From < context.Years.From)
            {
                issues.Warning(Key("from"), "ChangeFromBeforeYears", change.From, context.Years.From, context.Years.From - change.From + 1);
            }
            else if (context.YearsKnown && change.From > context.Years.To)
            {
                issues.Warning(Key("from"), "ChangeFromAfterYears", change.From, context.Years.To, context.Years.From);
            }

            switch (change)
            {
                case ScaleChange scale:
                    CheckTarget(scale.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    if (scale.Factor < 0m)
                    {
                        issues.Error(Key("factor"), "ScaleFactorNegative", scale.Factor);
                    }

                    break;
                case TrendChange trend:
                    CheckTarget(trend.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    if (trend.AnnualChange < -1m)
                    {
                        issues.Error(Key("annualChange"), "TrendAnnualChangeBelowMinusOne", trend.AnnualChange);
                    }

                    break;
                case RateChange rate:
                    CheckTarget(rate.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    if (rate.AnnualChange < -1m)
                    {
                        issues.Error(Key("annualChange"), "RateAnnualChangeBelowMinusOne", rate.AnnualChange);
                    }

                    break;
                case StopChange stop:
                    CheckTarget(stop.Target, Key, streams, kinds, issues, missingKindIsError, at.StreamsSource);
                    break;
                case SetPolicyChange policy:
                    CheckPolicy(policy.Policy, Key("policy"), issues);
                    break;
                case SetFlagshipWeightChange weight when weight.FlagshipWeight <= 0m:
                    issues.Error(Key("flagshipWeight"), "ChangeFlagshipWeightNotPositive", weight.FlagshipWeight);
                    break;
                case SetMinFundingRatioChange ratio:
                    CheckProgramReference(ratio.ProgramId, Key("program"), programs, issues, at.ProgramsSource);
                    if (ratio.MinFundingRatio is <= 0m or > 1m)
                    {
                        issues.Error(Key("minFundingRatio"), "ChangeMinFundingRatioOutOfRange", ratio.MinFundingRatio);
                    }

                    break;
                case SetPriorityChange priority:
                    CheckProgramReference(priority.ProgramId, Key("program"), programs, issues, at.ProgramsSource);
                    if (priority.Priority < 1)
                    {
                        issues.Error(Key("priority"), "ChangePriorityOutOfRange", priority.Priority);
                    }

                    break;
            }
        }
    }

    private static void CheckTarget(StreamTarget target, Func<string, Pos> key, HashSet<string> streams, HashSet<StreamKind> kinds, IssueList issues, bool missingKindIsError, object streamsSource)
    {
        if (target.StreamId is { } id && !streams.Contains(id))
        {
            issues.Error(key("stream"), "ChangeStreamUnknown", id, streamsSource, Suggestions.DidYouMean(id, streams));
        }
        else if (target.Kind is { } kind && !kinds.Contains(kind) && missingKindIsError)
        {
            issues.Error(key("kind"), "ChangeKindWithoutStreams", WorkbookNames.ToName(kind));
        }
        else if (target.Kind is { } kind2 && !kinds.Contains(kind2))
        {
            issues.Warning(key("kind"), "ChangeKindWithoutStreamsInFile", WorkbookNames.ToName(kind2), streamsSource);
        }
    }

    private static void CheckProgramReference(string id, Pos pos, HashSet<string> programs, IssueList issues, object programsSource)
    {
        if (!programs.Contains(id))
        {
            issues.Error(pos, "ChangeProgramUnknown", id, programsSource, Suggestions.DidYouMean(id, programs));
        }
    }
}

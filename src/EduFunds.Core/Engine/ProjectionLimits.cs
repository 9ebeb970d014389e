using EduFunds.Model;
using static EduFunds.Monetary.ExactMath;

namespace EduFunds.Engine;

/// <summary>
/// What a projection of a workbook would find too large to count exactly, found before any
/// projection runs, so that <c>validate</c> reports what <c>project</c> would hit, at the change
/// or row that causes it. Every money figure of a projection is a part of the money the streams
/// pay over the years (pool, carry-over, reserves, stranded money) or of a year's needs, so these
/// checks bound them all.
/// </summary>
internal static class ProjectionLimits
{
    /// <summary>What is too large.</summary>
    internal enum Kind
    {
        /// <summary>One stream's amount in one year does not fit in 64 bits of minor units.</summary>
        StreamAmount,

        /// <summary>The streams' amounts over the years add up beyond 64 bits.</summary>
        StreamTotal,

        /// <summary>The programs' needs of one year add up beyond 64 bits.</summary>
        NeedTotal,
    }

    /// <summary>One finding.</summary>
    /// <param name="Kind">What is too large.</param>
    /// <param name="Scenario">The scenario's index, or -1 for the base case.</param>
    /// <param name="Index">The stream's (or program's) index among the workbook's and then the scenario's added ones.</param>
    /// <param name="Year">The year.</param>
    /// <param name="Change">The index in the scenario's changes of the change that makes it too large, or of the add change of an added row; null when the workbook's own row is the cause.</param>
    /// <param name="Id">The stream's or program's id.</param>
    internal readonly record struct Finding(Kind Kind, int Scenario, int Index, int Year, int? Change, string Id);

    /// <summary>Checks the base case and every scenario; at most one finding per case.</summary>
    /// <param name="workbook">A workbook that passed the rules (valid years, targets and ranges).</param>
    /// <returns>The findings.</returns>
    internal static List<Finding> Check(Workbook workbook)
    {
        var findings = new List<Finding>();
        if (Check(workbook, -1, []) is { } baseFinding)
        {
            findings.Add(baseFinding);
            return findings; // every scenario would repeat it
        }

        for (var s = 0; s < workbook.Scenarios.Count; s++)
        {
            if (Check(workbook, s, workbook.Scenarios[s].Changes) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private static Finding? Check(Workbook workbook, int scenario, IReadOnlyList<ScenarioChange> changes)
    {
        var years = workbook.Years;
        var streams = new List<(FundingStream Stream, int From, int? Change)>(workbook.Streams.Select(x => (x, int.MinValue, (int?)null)));
        var programs = new List<(EducationProgram Program, int From, int? Change)>(workbook.Programs.Select(x => (x, int.MinValue, (int?)null)));
        for (var c = 0; c < changes.Count; c++)
        {
            switch (changes[c])
            {
                case AddStreamChange add:
                    streams.Add((add.Stream, add.From, c));
                    break;
                case AddProgramChange add:
                    programs.Add((add.Program, add.From, c));
                    break;
            }
        }

        var ordered = changes.OrderBy(c => c.From).ToArray();
        var total = System.Numerics.BigInteger.Zero;
        for (var i = 0; i < streams.Count; i++)
        {
            var (stream, from, added) = streams[i];
            for (var year = years.From; year <= years.To; year++)
            {
                if (!stream.IsActiveIn(year) || year < from || ScenarioRules.IsStopped(stream, year, ordered))
                {
                    continue;
                }

                if (!TryRound(ScenarioRules.ScenarioAmount(stream, year, ordered), workbook.Rounding, out var amount))
                {
                    return new Finding(Kind.StreamAmount, scenario, i, year, Culprit(workbook, stream, year, changes) ?? added, stream.Id);
                }

                total += amount;
                if (total > long.MaxValue)
                {
                    return new Finding(Kind.StreamTotal, scenario, i, year, added, stream.Id);
                }
            }
        }

        for (var year = years.From; year <= years.To; year++)
        {
            var needs = System.Numerics.BigInteger.Zero;
            for (var p = 0; p < programs.Count; p++)
            {
                var (program, from, added) = programs[p];
                if (!program.IsScheduledIn(year) || year < from)
                {
                    continue;
                }

                var growth = Fraction.From(program.CostChange).OnePlus().Pow(year - program.StartYear);
                if (!TryRound(Fraction.From(program.CostMinorUnits).Multiply(growth), workbook.Rounding, out var need))
                {
                    // The rules report a cost that grows too large; counted here as a sum beyond the limit.
                    return new Finding(Kind.NeedTotal, scenario, p, year, added, program.Id);
                }

                needs += need;
                if (needs > long.MaxValue)
                {
                    return new Finding(Kind.NeedTotal, scenario, p, year, added, program.Id);
                }
            }
        }

        return null;
    }

    /// <summary>The first change (in list order) whose addition makes the stream's amount in the year too large.</summary>
    private static int? Culprit(Workbook workbook, FundingStream stream, int year, IReadOnlyList<ScenarioChange> changes)
    {
        var prefix = new List<ScenarioChange>();
        for (var c = 0; c < changes.Count; c++)
        {
            var target = changes[c] switch
            {
                ScaleChange scale => scale.Target,
                TrendChange trend => trend.Target,
                RateChange rate => rate.Target,
                _ => (StreamTarget?)null,
            };
            if (target is not { } t || !t.Matches(stream))
            {
                continue;
            }

            prefix.Add(changes[c]);
            var ordered = prefix.OrderBy(x => x.From).ToArray();
            if (!TryRound(ScenarioRules.ScenarioAmount(stream, year, ordered), workbook.Rounding, out _))
            {
                return c;
            }
        }

        return null;
    }
}

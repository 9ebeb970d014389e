using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Risk;

/// <summary>The deterministic indicators of one program, computed from a projection.</summary>
internal sealed record ProgramIndicators(
    int ProgramIndex,
    EducationProgram Program,
    long Received,
    long[] ReceivedBySource,
    IReadOnlyList<StreamContribution> Sources,
    double? OneOffShare,
    double? Concentration,
    int? FirstYear,
    double? FirstCoverage,
    double? LowestCoverage,
    int? LowestCoverageYear,
    double? Headroom,
    long? StructuralGap,
    FundingCliff? Cliff,
    FundingCliff? ReasonCliff,
    int? FirstStallYear,
    int? ShelvedYear,
    bool HasPayingRecurringRestriction,
    bool DigitalSkillsPattern);

/// <summary>
/// Computes the deterministic risk indicators of DESIGN.md from a projection: attribution of
/// the money each program received to the streams, shares, concentration, coverage, headroom,
/// structural gap, funding cliff and the digital-skills pattern.
/// </summary>
internal static class RiskIndicators
{
    /// <summary>What the indicators of all programs share: the pool's trend.</summary>
    /// <param name="FirstUnrestricted">Unrestricted stream money of the first year.</param>
    /// <param name="LastUnrestricted">Unrestricted stream money of the last year.</param>
    public readonly record struct PoolTrend(long FirstUnrestricted, long LastUnrestricted)
    {
        /// <summary>True when the last year's unrestricted money is below the first year's.</summary>
        public bool Shrinks => LastUnrestricted < FirstUnrestricted;
    }

    /// <summary>The funding-cliff order: earlier last year, then the larger covered part (exact), then the stream id (ordinal).</summary>
    /// <param name="lastYear">The candidate's last paying year.</param>
    /// <param name="got">Minor units of need it covered (at most <paramref name="need"/>).</param>
    /// <param name="need">The need that year.</param>
    /// <param name="id">The candidate's stream id.</param>
    /// <param name="bestLastYear">The current cliff's last year.</param>
    /// <param name="bestGot">Its covered minor units.</param>
    /// <param name="bestNeed">Its need.</param>
    /// <param name="bestId">Its stream id.</param>
    /// <returns>True when the candidate comes first.</returns>
    internal static bool IsBetterCliff(int lastYear, long got, long need, string id, int bestLastYear, long bestGot, long bestNeed, string bestId)
    {
        if (lastYear != bestLastYear)
        {
            return lastYear < bestLastYear;
        }

        var left = (Int128)got * bestNeed;
        var right = (Int128)bestGot * need;
        if (left != right)
        {
            return left > right;
        }

        return string.CompareOrdinal(id, bestId) < 0;
    }

    /// <summary>Computes every program's indicators.</summary>
    /// <param name="projection">The deterministic projection.</param>
    /// <param name="thresholds">The thresholds (for the pattern).</param>
    /// <param name="trend">Receives the pool's trend.</param>
    /// <returns>One entry per program, in projection order.</returns>
    public static ProgramIndicators[] Compute(ProjectionResult projection, RiskThresholds thresholds, out PoolTrend trend)
    {
        var streams = projection.Streams;
        var programs = projection.Programs;
        var years = projection.Years;
        var streamCount = streams.Count;
        var programCount = programs.Count;
        var sources = streamCount + 1; // the last source is carry-over
        var streamIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < streamCount; s++)
        {
            streamIndex[streams[s].Id] = s;
        }

        var programIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < programCount; p++)
        {
            programIndex[programs[p].Program.Id] = p;
        }

        var firstActive = new int[programCount];
        Array.Fill(firstActive, -1);
        var lastPaying = new int[streamCount];
        Array.Fill(lastPaying, -1);
        for (var y = 0; y < years.Count; y++)
        {
            for (var p = 0; p < programCount; p++)
            {
                if (firstActive[p] < 0 && years[y].Programs[p].IsActive)
                {
                    firstActive[p] = y;
                }
            }

            for (var s = 0; s < streamCount; s++)
            {
                if (years[y].Streams[s].AmountMinorUnits > 0)
                {
                    lastPaying[s] = y;
                }
            }
        }

        var received = new long[programCount * sources];
        var receivedInLastYear = new long[programCount * streamCount];
        var recurringInFirstYear = new long[programCount];
        var recurringRestrictionPays = new bool[programCount];
        // Largest-remainder ties go to the stream id in ordinal order (carry-over last), as the
        // pool's ties go by id: the attribution does not depend on the order of streams.csv.
        var tieOrder = new int[sources];
        for (var i = 0; i < sources; i++)
        {
            tieOrder[i] = i;
        }

        Array.Sort(tieOrder, 0, streamCount, Comparer<int>.Create((a, b) => string.CompareOrdinal(streams[a].Id, streams[b].Id)));
        var orderedParts = new long[sources];
        var weights = new Int128[sources];
        var numerators = new Int128[sources];
        var parts = new long[sources];
        for (var y = 0; y < years.Count; y++)
        {
            var year = years[y];
            foreach (var arrival in year.Arrivals)
            {
                if (!streamIndex.TryGetValue(arrival.StreamId, out var s) || !programIndex.TryGetValue(arrival.ProgramId, out var p))
                {
                    continue;
                }

                if (!year.Programs[p].IsActive || arrival.AmountMinorUnits <= 0)
                {
                    continue;
                }

                Credit(p, s, y, arrival.AmountMinorUnits);
                if (streams[s].Recurrence == Recurrence.Recurring)
                {
                    recurringRestrictionPays[p] = true;
                }
            }

            // Pool money: the year's unrestricted stream money is spent first, in proportion to
            // the streams' amounts; only what the programs got beyond it is carried-over money.
            long unrestricted = 0;
            for (var s = 0; s < streamCount; s++)
            {
                if (!streams[s].IsRestricted)
                {
                    unrestricted += year.Streams[s].AmountMinorUnits;
                }
            }

            // Weights: each stream's amount, plus carry-over for what was given beyond the year's
            // stream money (A - U when A > U); the common factor min(A, U) cancels out.
            var allocated = year.AllocatedMinorUnits;
            Array.Clear(weights);
            Int128 weightSum = 0;
            if (unrestricted > 0)
            {
                for (var s = 0; s < streamCount; s++)
                {
                    if (!streams[s].IsRestricted)
                    {
                        weights[s] = year.Streams[s].AmountMinorUnits;
                    }
                }

                weights[streamCount] = Math.Max(0, allocated - unrestricted);
                weightSum = unrestricted + weights[streamCount];
            }
            else
            {
                weights[streamCount] = 1;
                weightSum = 1;
            }

            for (var p = 0; p < programCount; p++)
            {
                var programYear = year.Programs[p];
                if (!programYear.IsActive || programYear.PoolShareMinorUnits <= 0)
                {
                    continue;
                }

                for (var k = 0; k < sources; k++)
                {
                    numerators[k] = programYear.PoolShareMinorUnits * weights[tieOrder[k]];
                }

                LargestRemainder.Distribute(programYear.PoolShareMinorUnits, numerators, weightSum, orderedParts);
                for (var k = 0; k < sources; k++)
                {
                    parts[tieOrder[k]] = orderedParts[k];
                }

                for (var s = 0; s < sources; s++)
                {
                    if (parts[s] > 0)
                    {
                        Credit(p, s, y, parts[s]);
                    }
                }
            }
        }

        var poolTrend = new PoolTrend(years.Count == 0 ? 0 : years[0].UnrestrictedMinorUnits, years.Count == 0 ? 0 : years[^1].UnrestrictedMinorUnits);
        trend = poolTrend;
        var result = new ProgramIndicators[programCount];
        for (var p = 0; p < programCount; p++)
        {
            result[p] = Build(p);
        }

        return result;

        void Credit(int p, int s, int y, long amount)
        {
            received[(p * sources) + s] += amount;
            if (s < streamCount)
            {
                if (y == lastPaying[s])
                {
                    receivedInLastYear[(p * streamCount) + s] += amount;
                }

                if (y == firstActive[p] && streams[s].Recurrence == Recurrence.Recurring)
                {
                    recurringInFirstYear[p] += amount;
                }
            }
        }

        ProgramIndicators Build(int p)
        {
            var summary = programs[p];
            var bySource = received.AsSpan(p * sources, sources).ToArray();
            long total = 0;
            long oneOff = 0;
            foreach (var amount in bySource)
            {
                total += amount;
            }

            for (var s = 0; s < streamCount; s++)
            {
                if (streams[s].Recurrence == Recurrence.OneOff)
                {
                    oneOff += bySource[s];
                }
            }

            var contributions = new List<StreamContribution>();
            double? concentration = null;
            if (total > 0)
            {
                var h = 0.0;
                for (var s = 0; s < sources; s++)
                {
                    if (bySource[s] <= 0)
                    {
                        continue;
                    }

                    var share = (double)bySource[s] / total;
                    h += share * share;
                    contributions.Add(s < streamCount
                        ? new StreamContribution(streams[s].Id, streams[s].Name, streams[s].Recurrence, bySource[s], share)
                        : new StreamContribution(StreamContribution.CarryOverId, "Carried-over pool money", null, bySource[s], share));
                }

                concentration = h;
            }

            // Largest first; equal amounts in stream order (the list was built in stream order and the sort is stable).
            var ordered = contributions.OrderByDescending(c => c.AmountMinorUnits).ToArray();

            int? firstYear = null;
            double? firstCoverage = null;
            double? lowest = null;
            int? lowestYear = null;
            double? headroom = null;
            long? gap = null;
            if (firstActive[p] >= 0)
            {
                var first = years[firstActive[p]].Programs[p];
                firstYear = first.Year;
                if (first.NeedMinorUnits > 0)
                {
                    firstCoverage = (double)first.FundedMinorUnits / first.NeedMinorUnits;
                    headroom = (double)(first.FundedMinorUnits - first.MinimumMinorUnits) / first.NeedMinorUnits;
                }

                var shortfall = first.NeedMinorUnits - recurringInFirstYear[p];
                gap = shortfall > 0 ? shortfall : null;
                for (var y = firstActive[p]; y < years.Count; y++)
                {
                    var r = years[y].Programs[p];
                    if (!r.IsActive || r.NeedMinorUnits <= 0)
                    {
                        continue;
                    }

                    var coverage = (double)r.FundedMinorUnits / r.NeedMinorUnits;
                    if (lowest is null || coverage < lowest)
                    {
                        lowest = coverage;
                        lowestYear = r.Year;
                    }
                }
            }

            // DESIGN.md: the cliff is the one-off stream that ends first; ties go to the larger
            // part of the need it covered (compared exactly), then to the stream id (ordinal).
            // The reason names the first cliff in the same order that is large enough to be a
            // reason (by default 20% of the need), so a small early cliff does not hide a large one.
            FundingCliff? cliff = null;
            long cliffGot = 0;
            long cliffNeed = 1;
            FundingCliff? reasonCliff = null;
            long reasonGot = 0;
            long reasonNeed = 1;
            for (var s = 0; s < streamCount; s++)
            {
                var last = lastPaying[s];
                if (streams[s].Recurrence != Recurrence.OneOff || last < 0 || last >= years.Count - 1)
                {
                    continue;
                }

                var got = receivedInLastYear[(p * streamCount) + s];
                var need = years[last].Programs[p].NeedMinorUnits;
                var cliffYear = years[last].Year + 1;
                if (got <= 0 || need <= 0 || !summary.Program.IsScheduledIn(cliffYear))
                {
                    continue;
                }

                var part = Math.Min(got, need);
                if (cliff is null || IsBetterCliff(years[last].Year, part, need, streams[s].Id, cliff.LastYear, cliffGot, cliffNeed, cliff.StreamId))
                {
                    cliff = new FundingCliff(streams[s].Id, streams[s].Name, years[last].Year, cliffYear, (double)part / need);
                    cliffGot = part;
                    cliffNeed = need;
                }

                if ((double)part / need >= thresholds.CliffReasonShare
                    && (reasonCliff is null || IsBetterCliff(years[last].Year, part, need, streams[s].Id, reasonCliff.LastYear, reasonGot, reasonNeed, reasonCliff.StreamId)))
                {
                    reasonCliff = new FundingCliff(streams[s].Id, streams[s].Name, years[last].Year, cliffYear, (double)part / need);
                    reasonGot = part;
                    reasonNeed = need;
                }
            }

            double? oneOffShare = total > 0 ? (double)oneOff / total : null;
            var pattern = summary.Program.Category == ProgramCategory.Basic
                && oneOffShare >= thresholds.PatternOneOffShare
                && !recurringRestrictionPays[p]
                && poolTrend.Shrinks;

            return new ProgramIndicators(
                p,
                summary.Program,
                total,
                bySource,
                ordered,
                oneOffShare,
                concentration,
                firstYear,
                firstCoverage,
                lowest,
                lowestYear,
                headroom,
                gap,
                cliff,
                reasonCliff,
                summary.FirstStallYear,
                summary.ShelvedYear,
                recurringRestrictionPays[p],
                pattern);
        }
    }
}

using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Risk;

/// <summary>The deterministic indicators of one program, computed from a projection.</summary>
internal sealed record ProgramIndicators(
    int ProgramIndex,
    EducationProgram Program,
    long Received,
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
/// structural gap, funding cliff and the digital-skills pattern. One program at a time
/// (<see cref="Compute(int, RiskAttribution.Buffers)"/>): the money by source lives in the
/// caller's buffers until the next program, and a program's list of sources is worked out
/// again when it is first read, so no programs x streams table is ever held.
/// </summary>
internal sealed class RiskIndicators
{
    private readonly ProjectionResult projection;
    private readonly RiskThresholds thresholds;
    private readonly RiskAttribution attribution;

    /// <summary>Prepares the indicators of a projection.</summary>
    /// <param name="projection">The deterministic projection.</param>
    /// <param name="thresholds">The thresholds (for the pattern and the cliff reason).</param>
    public RiskIndicators(ProjectionResult projection, RiskThresholds thresholds)
    {
        this.projection = projection;
        this.thresholds = thresholds;
        attribution = new RiskAttribution(projection);
        var years = projection.Years;
        Trend = new PoolTrend(years.Count == 0 ? 0 : years[0].UnrestrictedMinorUnits, years.Count == 0 ? 0 : years[^1].UnrestrictedMinorUnits);
    }

    /// <summary>The pool's trend.</summary>
    public PoolTrend Trend { get; }

    /// <summary>New buffers for <see cref="Compute(int, RiskAttribution.Buffers)"/>.</summary>
    /// <returns>The buffers.</returns>
    public RiskAttribution.Buffers CreateBuffers() => attribution.CreateBuffers();

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

    /// <summary>Computes one program's indicators; <paramref name="buffers"/> then hold its money by source (<see cref="RiskAttribution.Buffers.BySource"/>).</summary>
    /// <param name="p">The program index.</param>
    /// <param name="buffers">Buffers from <see cref="CreateBuffers"/>, overwritten.</param>
    /// <returns>The indicators.</returns>
    public ProgramIndicators Compute(int p, RiskAttribution.Buffers buffers)
    {
        attribution.Attribute(p, buffers);
        var streams = projection.Streams;
        var years = projection.Years;
        var streamCount = streams.Count;
        var sources = streamCount + 1;
        var summary = projection.Programs[p];
        var bySource = buffers.BySource;
        long total = 0;
        long oneOff = 0;
        foreach (var amount in bySource)
        {
            total += amount;
        }

        for (var s = 0; s < streamCount; s++)
        {
            if (attribution.IsOneOff(s))
            {
                oneOff += bySource[s];
            }
        }

        double? concentration = null;
        if (total > 0)
        {
            var h = 0.0;
            for (var s = 0; s < sources; s++)
            {
                if (bySource[s] > 0)
                {
                    var share = (double)bySource[s] / total;
                    h += share * share;
                }
            }

            concentration = h;
        }

        var firstActive = attribution.FirstActive;
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

            var shortfall = first.NeedMinorUnits - buffers.RecurringInFirstYear;
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
        var lastPaying = attribution.LastPaying;
        for (var s = 0; s < streamCount; s++)
        {
            var last = lastPaying[s];
            if (!attribution.IsOneOff(s) || last < 0 || last >= years.Count - 1)
            {
                continue;
            }

            var got = buffers.InLastPayingYear[s];
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
            && !buffers.RecurringRestrictionPays
            && Trend.Shrinks;

        return new ProgramIndicators(
            p,
            summary.Program,
            total,
            new LazyList<StreamContribution>(() => SourcesOf(p)),
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
            buffers.RecurringRestrictionPays,
            pattern);
    }

    /// <summary>What a program received by source, largest first (equal amounts in source order), worked out again.</summary>
    /// <param name="p">The program index.</param>
    /// <returns>The sources with money.</returns>
    public StreamContribution[] SourcesOf(int p)
    {
        var buffers = CreateBuffers();
        attribution.Attribute(p, buffers);
        var streams = projection.Streams;
        var bySource = buffers.BySource;
        long total = 0;
        foreach (var amount in bySource)
        {
            total += amount;
        }

        var contributions = new List<StreamContribution>();
        if (total > 0)
        {
            for (var s = 0; s < bySource.Length; s++)
            {
                if (bySource[s] <= 0)
                {
                    continue;
                }

                var share = (double)bySource[s] / total;
                contributions.Add(s < streams.Count
                    ? new StreamContribution(streams[s].Id, streams[s].Name, streams[s].Recurrence, bySource[s], share)
                    : new StreamContribution(StreamContribution.CarryOverId, "Carried-over pool money", null, bySource[s], share));
            }
        }

        // Largest first; equal amounts in stream order (the list was built in stream order and the sort is stable).
        return [.. contributions.OrderByDescending(c => c.AmountMinorUnits)];
    }

    /// <summary>What a program received from each source (streams, then carry-over), worked out again into new buffers.</summary>
    /// <param name="p">The program index.</param>
    /// <returns>The buffers.</returns>
    public RiskAttribution.Buffers ReceivedBy(int p)
    {
        var buffers = CreateBuffers();
        attribution.Attribute(p, buffers);
        return buffers;
    }
}

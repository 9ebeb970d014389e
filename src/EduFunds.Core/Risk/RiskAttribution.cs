using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Risk;

/// <summary>
/// What each program received from each source in a projection (DESIGN.md "Risk indicators"):
/// restricted money that arrived for it, plus its pool shares attributed to the streams in
/// proportion to their unrestricted amounts that year by largest remainder (carry-over last).
/// Worked out one program at a time into buffers the caller reuses, so that the analysis never
/// holds programs x streams numbers: what is kept is per year (the weights) and per arrival.
/// </summary>
internal sealed class RiskAttribution
{
    private readonly ProjectionResult projection;
    private readonly int[][] weightSources;     // per year: sources with a positive weight, in tie order
    private readonly Int128[][] weightValues;   // per year: their weights
    private readonly Int128[] weightSums;       // per year
    private readonly long[][] weightLongs;      // per year: the weights as 64-bit integers
    private readonly long[] shareLimit;         // per year: the largest share whose split runs on 64-bit integers (-1 = none)
    private readonly int[] arrivalOffsets;      // per program: its arrivals in [offsets[p], offsets[p + 1])
    private readonly (int Year, int Stream, long Amount)[] arrivals;
    private readonly bool[] oneOff;
    private readonly bool[] recurring;

    public RiskAttribution(ProjectionResult projection)
    {
        this.projection = projection;
        var streams = projection.Streams;
        var years = projection.Years;
        StreamCount = streams.Count;
        ProgramCount = projection.Programs.Count;
        var streamIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < StreamCount; s++)
        {
            streamIndex[streams[s].Id] = s;
        }

        var programIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < ProgramCount; p++)
        {
            programIndex[projection.Programs[p].Program.Id] = p;
        }

        oneOff = [.. streams.Select(s => s.Recurrence == Recurrence.OneOff)];
        recurring = [.. streams.Select(s => s.Recurrence == Recurrence.Recurring)];
        FirstActive = new int[ProgramCount];
        Array.Fill(FirstActive, -1);
        LastPaying = new int[StreamCount];
        Array.Fill(LastPaying, -1);
        for (var y = 0; y < years.Count; y++)
        {
            for (var p = 0; p < ProgramCount; p++)
            {
                if (FirstActive[p] < 0 && years[y].Programs[p].IsActive)
                {
                    FirstActive[p] = y;
                }
            }

            for (var s = 0; s < StreamCount; s++)
            {
                if (years[y].Streams[s].AmountMinorUnits > 0)
                {
                    LastPaying[s] = y;
                }
            }
        }

        // Restricted arrivals by program (only those that count: the program active, money > 0).
        var counts = new int[ProgramCount + 1];
        var found = new List<(int Program, int Year, int Stream, long Amount)>();
        for (var y = 0; y < years.Count; y++)
        {
            foreach (var arrival in years[y].Arrivals)
            {
                if (streamIndex.TryGetValue(arrival.StreamId, out var s)
                    && programIndex.TryGetValue(arrival.ProgramId, out var p)
                    && years[y].Programs[p].IsActive
                    && arrival.AmountMinorUnits > 0)
                {
                    found.Add((p, y, s, arrival.AmountMinorUnits));
                    counts[p + 1]++;
                }
            }
        }

        arrivalOffsets = new int[ProgramCount + 1];
        for (var p = 0; p < ProgramCount; p++)
        {
            arrivalOffsets[p + 1] = arrivalOffsets[p] + counts[p + 1];
        }

        arrivals = new (int, int, long)[found.Count];
        var next = arrivalOffsets[..^1];
        foreach (var (p, y, s, amount) in found)
        {
            arrivals[next[p]++] = (y, s, amount);
        }

        // Largest-remainder ties go to the stream id in ordinal order (carry-over last), as the
        // pool's ties go by id: the attribution does not depend on the order of streams.csv.
        // Sources without weight never get a unit (a unit goes only to a positive remainder), so
        // each year keeps only the sources with a positive weight, in that order.
        var tieOrder = Enumerable.Range(0, StreamCount).ToArray();
        Array.Sort(tieOrder, Comparer<int>.Create((a, b) => string.CompareOrdinal(streams[a].Id, streams[b].Id)));
        weightSources = new int[years.Count][];
        weightValues = new Int128[years.Count][];
        weightSums = new Int128[years.Count];
        weightLongs = new long[years.Count][];
        shareLimit = new long[years.Count];
        for (var y = 0; y < years.Count; y++)
        {
            var year = years[y];
            long unrestricted = 0;
            for (var s = 0; s < StreamCount; s++)
            {
                if (!streams[s].IsRestricted)
                {
                    unrestricted += year.Streams[s].AmountMinorUnits;
                }
            }

            // Weights: each stream's amount, plus carry-over for what was given beyond the year's
            // stream money (A - U when A > U); the common factor min(A, U) cancels out.
            var sources = new List<int>();
            var values = new List<Int128>();
            if (unrestricted > 0)
            {
                foreach (var s in tieOrder)
                {
                    if (!streams[s].IsRestricted && year.Streams[s].AmountMinorUnits > 0)
                    {
                        sources.Add(s);
                        values.Add(year.Streams[s].AmountMinorUnits);
                    }
                }

                var carry = Math.Max(0, year.AllocatedMinorUnits - unrestricted);
                if (carry > 0)
                {
                    sources.Add(StreamCount);
                    values.Add(carry);
                }

                weightSums[y] = unrestricted + (Int128)carry;
            }
            else
            {
                sources.Add(StreamCount);
                values.Add(1);
                weightSums[y] = 1;
            }

            weightSources[y] = [.. sources];
            weightValues[y] = [.. values];

            // The split of a share runs on 64-bit integers (as LargestRemainder.Distribute's own
            // fast path) when the sum of the weights is at most long.MaxValue / count and every
            // share x weight fits: share <= long.MaxValue / the largest weight.
            weightLongs[y] = [.. values.Select(v => (long)v)];
            shareLimit[y] = weightSums[y] <= long.MaxValue / values.Count
                ? long.MaxValue / Math.Max(1, weightLongs[y].Max())
                : -1;
        }
    }

    /// <summary>Streams; source <see cref="StreamCount"/> is carried-over pool money.</summary>
    public int StreamCount { get; }

    /// <summary>Programs.</summary>
    public int ProgramCount { get; }

    /// <summary>Per program: the index of its first active year, or -1.</summary>
    public int[] FirstActive { get; }

    /// <summary>Per stream: the index of the last year it pays anything, or -1.</summary>
    public int[] LastPaying { get; }

    /// <summary>New buffers for <see cref="Attribute"/>.</summary>
    /// <returns>The buffers.</returns>
    public Buffers CreateBuffers() => new(StreamCount, weightSources.Length == 0 ? 0 : weightSources.Max(w => w.Length));

    /// <summary>Works out what program <paramref name="p"/> received, by source, into <paramref name="buffers"/>.</summary>
    /// <param name="p">The program.</param>
    /// <param name="buffers">Buffers from <see cref="CreateBuffers"/>, overwritten.</param>
    public void Attribute(int p, Buffers buffers)
    {
        var bySource = buffers.BySource;
        var lastYear = buffers.InLastPayingYear;
        Array.Clear(bySource);
        Array.Clear(lastYear);
        buffers.RecurringInFirstYear = 0;
        buffers.RecurringRestrictionPays = false;
        for (var i = arrivalOffsets[p]; i < arrivalOffsets[p + 1]; i++)
        {
            var (y, s, amount) = arrivals[i];
            Credit(buffers, p, s, y, amount);
            if (recurring[s])
            {
                buffers.RecurringRestrictionPays = true;
            }
        }

        var years = projection.Years;
        for (var y = 0; y < years.Count; y++)
        {
            var programYear = years[y].Programs[p];
            var share = programYear.PoolShareMinorUnits;
            if (!programYear.IsActive || share <= 0)
            {
                continue;
            }

            var sources = weightSources[y];
            var parts = buffers.Parts.AsSpan(0, sources.Length);
            if (share <= shareLimit[y])
            {
                SplitShare(share, weightLongs[y], (long)weightSums[y], parts, buffers.Remainders.AsSpan(0, sources.Length));
            }
            else
            {
                var weights = weightValues[y];
                var numerators = buffers.Numerators.AsSpan(0, sources.Length);
                for (var k = 0; k < sources.Length; k++)
                {
                    numerators[k] = share * weights[k];
                }

                LargestRemainder.Distribute(share, numerators, weightSums[y], parts);
            }

            for (var k = 0; k < sources.Length; k++)
            {
                if (parts[k] > 0)
                {
                    Credit(buffers, p, sources[k], y, parts[k]);
                }
            }
        }
    }

    /// <summary>
    /// A share split over the year's sources in proportion to their weights by the largest
    /// remainder rule, on 64-bit integers: the floors from one multiplication by the reciprocal of
    /// the sum each, then the units left to the largest remainders (ties in the sources' order);
    /// the same parts as <see cref="LargestRemainder.Distribute"/>, whose own 64-bit path this is.
    /// </summary>
    internal static void SplitShare(long share, long[] weights, long sum, Span<long> parts, Span<long> remainders)
    {
        var reciprocal = 1.0 / sum;
        long floors = 0;
        for (var k = 0; k < weights.Length; k++)
        {
            parts[k] = LargestRemainder.FloorDiv(share * weights[k], sum, reciprocal, out remainders[k]);
            floors += parts[k];
        }

        LargestRemainder.GiveLeftover(parts, remainders, sum, share - floors);
    }

    /// <summary>Whether a stream is one-off.</summary>
    /// <param name="s">Stream index.</param>
    /// <returns>True for one-off.</returns>
    public bool IsOneOff(int s) => oneOff[s];

    private void Credit(Buffers buffers, int p, int s, int y, long amount)
    {
        buffers.BySource[s] += amount;
        if (s < StreamCount)
        {
            if (y == LastPaying[s])
            {
                buffers.InLastPayingYear[s] += amount;
            }

            if (y == FirstActive[p] && recurring[s])
            {
                buffers.RecurringInFirstYear += amount;
            }
        }
    }

    /// <summary>One program's money by source, reused from program to program.</summary>
    internal sealed class Buffers(int streams, int maxSources)
    {
        /// <summary>Received per source (streams, then carry-over).</summary>
        public long[] BySource { get; } = new long[streams + 1];

        /// <summary>Received per stream in the stream's last paying year.</summary>
        public long[] InLastPayingYear { get; } = new long[streams];

        /// <summary>Received from recurring streams in the program's first active year.</summary>
        public long RecurringInFirstYear { get; set; }

        /// <summary>True when a recurring stream restricted to it paid it anything.</summary>
        public bool RecurringRestrictionPays { get; set; }

        /// <summary>Scratch: numerators of one year's split.</summary>
        public Int128[] Numerators { get; } = new Int128[Math.Max(1, maxSources)];

        /// <summary>Scratch: parts of one year's split.</summary>
        public long[] Parts { get; } = new long[Math.Max(1, maxSources)];

        /// <summary>Scratch: remainders of one year's split.</summary>
        public long[] Remainders { get; } = new long[Math.Max(1, maxSources)];
    }
}

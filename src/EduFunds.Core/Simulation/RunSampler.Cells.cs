using System.Runtime.Intrinsics;

namespace EduFunds.Simulation;

/// <content>
/// The keyed starts and renewal uniforms of a run's cells (each stream-year with draws), drawn in
/// one tight pass before the first pass of <see cref="RunSampler.Fill"/> reads them: two SplitMix64
/// mixes per cell, independent of each other cell's, so the processor (or the vector unit) overlaps
/// them instead of waiting on each before a renewal's branch.
/// </content>
internal sealed partial class RunSampler
{
    private readonly ulong[] yearTerms; // per cell: its fiscal year x RandomMapping.YearGamma

    /// <summary>Per cell of the plans, in plan order then year, the year's term of its key.</summary>
    private ulong[] YearTerms(StreamPlan[] streamPlans, int cellCount)
    {
        var terms = new ulong[cellCount];
        foreach (var plan in streamPlans)
        {
            for (var y = plan.FirstIndex; y <= plan.LastIndex; y++)
            {
                terms[plan.CellFrom + y - plan.FirstIndex] = unchecked((ulong)(long)(firstYear + y) * RandomMapping.YearGamma);
            }
        }

        return terms;
    }

    /// <summary>
    /// Every cell's start, <see cref="RandomMapping.Cell"/> of its stream's key in the run and its
    /// year, and its renewal uniform, into <see cref="Scratch.CellStart"/> and
    /// <see cref="Scratch.CellUniform"/>: the same numbers, cell by cell, as drawing each where it
    /// is read. Four at a time where the hardware multiplies 64-bit integers in vectors.
    /// </summary>
    private void DrawCells(ulong runKey, Scratch scratch)
    {
        var keys = scratch.CellKey;
        foreach (ref readonly var plan in plans.AsSpan())
        {
            keys.AsSpan(plan.CellFrom, plan.LastIndex - plan.FirstIndex + 1).Fill(RandomMapping.StreamRunKey(runKey, plan.Key));
        }

        var starts = scratch.CellStart;
        var uniforms = scratch.CellUniform;
        var terms = yearTerms;
        var c = 0;
        if (vectorNoise)
        {
            var gamma = Vector256.Create(SplitMix64.Gamma);
            var scale = Vector256.Create(Ziggurat.TwoPowMinus53);
            for (; c + 4 <= terms.Length; c += 4)
            {
                var start = SplitMix64.Mix(Vector256.Create<ulong>(keys.AsSpan(c, 4)) + Vector256.Create<ulong>(terms.AsSpan(c, 4)));
                start.CopyTo(starts.AsSpan(c, 4));
                var renewal = SplitMix64.Mix(start + gamma) >> 11;
                (Vector256.ConvertToDouble(renewal.AsInt64()) * scale).CopyTo(uniforms.AsSpan(c, 4));
            }
        }

        for (; c < terms.Length; c++)
        {
            var cell = new CellRandom(SplitMix64.Mix(unchecked(keys[c] + terms[c])));
            starts[c] = cell.Start;
            uniforms[c] = cell.RenewalUniform();
        }
    }
}

using EduFunds.Localization;

namespace EduFunds.Engine;

/// <content>A run cut short at one program's first stall, for searches that only ask whether it stalls.</content>
public sealed partial class ProjectionModel
{
    /// <summary>
    /// Projects with the given amounts until <paramref name="program"/> first stalls: whether it
    /// stalls at least once by the last year, exactly as a whole run says
    /// (<see cref="ProjectionWorkspace.FirstStallYearIndex"/>), without the years after that stall.
    /// </summary>
    /// <param name="streamAmounts">Amounts laid out as <see cref="PlannedAmounts"/>.</param>
    /// <param name="workspace">A workspace of this model (its later years are left as they were).</param>
    /// <param name="program">The program index.</param>
    /// <returns>True when it stalls at least once.</returns>
    /// <exception cref="ArgumentException">Wrong number of amounts, or a workspace of another shape.</exception>
    /// <exception cref="OverflowException">The money of a year adds up beyond the range of minor units.</exception>
    internal bool StallsAtLeastOnce(ReadOnlySpan<long> streamAmounts, ProjectionWorkspace workspace, int program) =>
        StallsAtLeastOnce(streamAmounts, workspace, program, YearCount - 1);

    /// <summary>
    /// The last year index in which <paramref name="program"/> can stall with the given amounts,
    /// or -1: a year in which the money restricted to it alone reaches its minimum cannot be a
    /// stall (DESIGN.md step 6: the reserve and restricted money it secures, min(B + r, N), are
    /// then at least M whatever the pool gives), nor can a year it is not scheduled.
    /// </summary>
    /// <param name="streamAmounts">Amounts laid out as <see cref="PlannedAmounts"/>.</param>
    /// <param name="program">The program index.</param>
    /// <param name="ownStreams">The streams restricted to the program alone (<see cref="StreamsRestrictedOnlyTo"/>).</param>
    /// <returns>The year index, or -1 when it cannot stall at all.</returns>
    internal int LastYearItCanStall(ReadOnlySpan<long> streamAmounts, int program, ReadOnlySpan<int> ownStreams)
    {
        for (var y = YearCount - 1; y >= 0; y--)
        {
            var cell = (y * ProgramCount) + program;
            if (!scheduled[cell])
            {
                continue;
            }

            long own = 0;
            var row = y * StreamCount;
            foreach (var s in ownStreams)
            {
                own += streamAmounts[row + s];
            }

            if (own < minimum[cell])
            {
                return y;
            }
        }

        return -1;
    }

    /// <summary>The streams restricted to one program and no other.</summary>
    /// <param name="program">The program index.</param>
    /// <returns>Their indices.</returns>
    internal int[] StreamsRestrictedOnlyTo(int program) =>
        [.. Enumerable.Range(0, StreamCount).Where(s => targets[s].Length == 1 && targets[s][0] == program)];

    /// <summary>As <see cref="StallsAtLeastOnce(ReadOnlySpan{long}, ProjectionWorkspace, int)"/>, projecting no further than year index <paramref name="lastYear"/>.</summary>
    /// <param name="streamAmounts">Amounts laid out as <see cref="PlannedAmounts"/>.</param>
    /// <param name="workspace">A workspace of this model.</param>
    /// <param name="program">The program index.</param>
    /// <param name="lastYear">The last year index to project (the program cannot stall after it).</param>
    /// <returns>True when it stalls by that year.</returns>
    internal bool StallsAtLeastOnce(ReadOnlySpan<long> streamAmounts, ProjectionWorkspace workspace, int program, int lastYear)
    {
        if (streamAmounts.Length != YearCount * StreamCount)
        {
            throw new ArgumentException($"Expected {YearCount * StreamCount} amounts, got {streamAmounts.Length}.", nameof(streamAmounts));
        }

        if (!workspace.Fits(YearCount, ProgramCount, maxTargets))
        {
            throw new ArgumentException("The workspace was made for another model.", nameof(workspace));
        }

        workspace.Reset();
        long carry = 0;
        var y = 0;
        try
        {
            for (; y <= lastYear; y++)
            {
                RunYear(y, streamAmounts, workspace, null, ref carry);
                if (workspace.FirstStall[program] >= 0)
                {
                    return true;
                }
            }
        }
        catch (OverflowException e) when (!Messages.IsWorded(e))
        {
            throw YearOverflow(y, e);
        }

        return false;
    }
}

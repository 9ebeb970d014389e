using EduFunds.Engine;

namespace EduFunds.Simulation;

/// <summary>A simulation with the per-run outcomes a comparison of policies weighs.</summary>
/// <param name="Result">The simulation result (stall probabilities, expected stalled programs).</param>
/// <param name="ParticipantsServed">Expected participants served over the projection (participants of each program in the years it runs; a blank count is 0), with its 95% half-width.</param>
/// <param name="MoneyLapsed">Expected pool money that lapses over the projection, in minor units, with its 95% half-width (0 when the pool carries over).</param>
/// <param name="ProgramsWithoutParticipants">Programs with no participant count (counted as 0).</param>
internal sealed record SimulationOutcomes(
    SimulationResult Result,
    (double Mean, double HalfWidth95) ParticipantsServed,
    (double Mean, double HalfWidth95) MoneyLapsed,
    int ProgramsWithoutParticipants);

/// <summary>Sum and sum of squares of one per-run value: its mean and the 95% half-width of the mean.</summary>
internal sealed class RunMoments
{
    private long runs;
    private double sum;
    private double sumSquares;

    /// <summary>Adds one run's value.</summary>
    /// <param name="value">The value.</param>
    public void Add(double value)
    {
        runs++;
        sum += value;
        sumSquares += value * value;
    }

    /// <summary>Adds the moments of other runs.</summary>
    /// <param name="other">The other moments.</param>
    public void Add(RunMoments other)
    {
        runs += other.runs;
        sum += other.sum;
        sumSquares += other.sumSquares;
    }

    /// <summary>The mean and 1.96 x s / sqrt(runs).</summary>
    /// <returns>Mean and half-width.</returns>
    public (double Mean, double HalfWidth95) MeanAndHalfWidth()
    {
        if (runs == 0)
        {
            return (0.0, 0.0);
        }

        var mean = sum / runs;
        if (runs < 2)
        {
            return (mean, 0.0);
        }

        var variance = Math.Max(0.0, (sumSquares - (runs * mean * mean)) / (runs - 1));
        return (mean, Proportion.Z95 * Math.Sqrt(variance / runs));
    }
}

/// <summary>Tallies participants served and money lapsed per run.</summary>
/// <param name="participants">Participants per program (0 when blank).</param>
/// <param name="lapses">True when unallocated pool money lapses at year end (no carry-over).</param>
internal sealed class OutcomeTally(long[] participants, bool lapses)
{
    /// <summary>Participants served per run.</summary>
    public RunMoments Served { get; } = new();

    /// <summary>Money lapsed per run (minor units).</summary>
    public RunMoments Lapsed { get; } = new();

    /// <summary>Tallies one run.</summary>
    /// <param name="workspace">The workspace after the run.</param>
    public void Record(ProjectionWorkspace workspace)
    {
        var status = workspace.Status;
        var programs = participants.Length;
        long served = 0;
        for (var i = 0; i < status.Length; i++)
        {
            if (status[i] is ProgramStatus.Funded or ProgramStatus.Underfunded)
            {
                served += participants[i % programs];
            }
        }

        long lapsed = 0;
        if (lapses)
        {
            foreach (var amount in workspace.Unallocated)
            {
                lapsed += amount;
            }
        }

        Served.Add(served);
        Lapsed.Add(lapsed);
    }

    /// <summary>Adds another tally.</summary>
    /// <param name="other">The other tally.</param>
    public void Add(OutcomeTally other)
    {
        Served.Add(other.Served);
        Lapsed.Add(other.Lapsed);
    }
}

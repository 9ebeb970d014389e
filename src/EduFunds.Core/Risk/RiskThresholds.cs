namespace EduFunds.Risk;

/// <summary>The thresholds of the risk indicators (DESIGN.md "Risk indicators"); the defaults are DESIGN.md's.</summary>
public sealed record RiskThresholds
{
    /// <summary>High risk from this stall probability on (default 0.5).</summary>
    public double HighStallProbability { get; init; } = 0.5;

    /// <summary>Elevated risk from this stall probability on (default 0.2).</summary>
    public double ElevatedStallProbability { get; init; } = 0.2;

    /// <summary>Elevated risk from this one-off share on (default 0.5).</summary>
    public double ElevatedOneOffShare { get; init; } = 0.5;

    /// <summary>Elevated risk below this first-year headroom (default 0.1).</summary>
    public double ElevatedHeadroom { get; init; } = 0.1;

    /// <summary>The digital-skills pattern needs at least this one-off share (default 0.5).</summary>
    public double PatternOneOffShare { get; init; } = 0.5;

    /// <summary>
    /// When no single stream's loss makes a program stall earlier, the stream whose loss raises
    /// its Monte Carlo stall probability most is its key dependency, if it raises it at all and by
    /// at least this much (default 0: any increase, as DESIGN.md says).
    /// </summary>
    public double KeyDependencyMinEffect { get; init; }

    /// <summary>
    /// A funding cliff is given as a reason when the ending stream covered at least this part of
    /// the program's need in its last year (default 0.2): the reason names the first such cliff,
    /// while the indicator is the first cliff of any size.
    /// </summary>
    public double CliffReasonShare { get; init; } = 0.2;

    /// <summary>
    /// A structural gap is given as a reason when it is at least this part of the program's
    /// need in its first active year (default 0.2); smaller gaps are still reported as the
    /// indicator.
    /// </summary>
    public double GapReasonShare { get; init; } = 0.2;

    /// <summary>Checks the thresholds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A probability or share outside [0, 1].</exception>
    public void Validate()
    {
        CheckFraction(HighStallProbability, nameof(HighStallProbability));
        CheckFraction(ElevatedStallProbability, nameof(ElevatedStallProbability));
        CheckFraction(ElevatedOneOffShare, nameof(ElevatedOneOffShare));
        CheckFraction(PatternOneOffShare, nameof(PatternOneOffShare));
        CheckFraction(KeyDependencyMinEffect, nameof(KeyDependencyMinEffect));
        CheckFraction(CliffReasonShare, nameof(CliffReasonShare));
        CheckFraction(GapReasonShare, nameof(GapReasonShare));
        if (!double.IsFinite(ElevatedHeadroom))
        {
            throw new ArgumentOutOfRangeException(nameof(ElevatedHeadroom), ElevatedHeadroom, "The headroom threshold must be a finite number.");
        }
    }

    private static void CheckFraction(double value, string name)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(name, value, "A probability or share threshold must be between 0 and 1.");
        }
    }
}

namespace EduFunds.Simulation;

/// <summary>
/// A probability estimated from Monte Carlo runs: <see cref="Count"/> of <see cref="Runs"/>
/// runs had the event. Exact counts, so estimates of split run ranges add up exactly.
/// </summary>
/// <param name="Count">Runs with the event.</param>
/// <param name="Runs">Runs in all.</param>
public readonly record struct Proportion(long Count, long Runs)
{
    /// <summary>The z value of a two-sided 95% interval.</summary>
    public const double Z95 = 1.96;

    /// <summary>The estimate Count / Runs (0 when there are no runs).</summary>
    public double Value => Runs == 0 ? 0.0 : (double)Count / Runs;

    /// <summary>The 95% half-width of the normal-approximation interval, 1.96 x sqrt(p (1 - p) / runs).</summary>
    public double HalfWidth95 => HalfWidth(Value, Runs);

    /// <summary>The 95% half-width 1.96 x sqrt(p (1 - p) / runs).</summary>
    /// <param name="p">The probability.</param>
    /// <param name="runs">The number of runs.</param>
    /// <returns>The half-width (0 when there are no runs).</returns>
    public static double HalfWidth(double p, long runs) => runs <= 0 ? 0.0 : Z95 * Math.Sqrt(p * (1.0 - p) / runs);

    /// <summary>Adds the counts of two disjoint sets of runs.</summary>
    /// <param name="left">One estimate.</param>
    /// <param name="right">The other.</param>
    /// <returns>The combined estimate.</returns>
    public static Proportion operator +(Proportion left, Proportion right) =>
        new(checked(left.Count + right.Count), checked(left.Runs + right.Runs));

    /// <summary>Adds the counts of two disjoint sets of runs (the named form of <c>+</c>).</summary>
    /// <param name="other">The other estimate.</param>
    /// <returns>The combined estimate.</returns>
    public Proportion Add(Proportion other) => this + other;

    /// <summary>
    /// The invariant number format that shows an estimate and its half-width with two decimals,
    /// or as many more (up to six) as it takes for a non-zero half-width not to read as 0
    /// ("0.988 +/- 0.005" rather than "0.99 +/- 0.00").
    /// </summary>
    /// <param name="halfWidth">The half-width to show.</param>
    /// <returns>A format such as "0.00" or "0.000".</returns>
    public static string DisplayFormat(double halfWidth)
    {
        var decimals = 2;
        while (halfWidth > 0.0 && decimals < 6 && Math.Round(halfWidth, decimals, MidpointRounding.ToEven) == 0.0)
        {
            decimals++;
        }

        return "0." + new string('0', decimals);
    }
}

using EduFunds.Model;

namespace EduFunds.Simulation;

/// <summary>The shape of an uncertain trend's distribution.</summary>
public enum TrendShape
{
    /// <summary>Triangular distribution on [min, max] with its peak at the most likely value.</summary>
    Triangular,

    /// <summary>
    /// PERT (a scaled Beta distribution with alpha = 1 + 4 (mode - min) / (max - min) and
    /// beta = 1 + 4 (max - mode) / (max - min)): smoother than the triangular, mean
    /// (min + 4 mode + max) / 6, as @RISK and Crystal Ball define it.
    /// </summary>
    Pert,
}

/// <summary>
/// An uncertain extra annual change for every stream of a kind (for example "district grants
/// change between -15% and +2% a year, most likely -5%"). Each Monte Carlo run draws g once
/// and multiplies the amounts of those streams by (1 + g)^(y - from + 1) for every year
/// y &gt;= from, as a scenario's trend change does.
/// </summary>
/// <param name="Kind">The kind of stream it applies to (including streams a scenario adds).</param>
/// <param name="Shape">Triangular or PERT.</param>
/// <param name="Min">Smallest annual change (-0.15 = 15% less a year); greater than -1.</param>
/// <param name="MostLikely">Most likely annual change, between <paramref name="Min"/> and <paramref name="Max"/>.</param>
/// <param name="Max">Largest annual change.</param>
/// <param name="From">First year of the trend (already changed once), or null for the first year of the projection.</param>
public sealed record UncertainTrend(StreamKind Kind, TrendShape Shape, double Min, double MostLikely, double Max, int? From = null)
{
    /// <summary>
    /// False (default) for an uncertain trend (<c>--trend</c>): an extra annual change on top of the
    /// streams' own. True for an uncertain rate (<c>--rate</c>): the drawn g <em>replaces</em> the
    /// annual change of every stream of the kind from <see cref="From"/> on, as a scenario's
    /// <c>rate</c> change listed after all of the scenario's changes would (DESIGN.md "Scenarios":
    /// the latest year wins, so a scenario rate dated later still wins from its year); scale and
    /// trend changes multiply the path, stop wins. The draw depends only on (seed, run, kind), apart
    /// from the trend's draw of the same kind.
    /// </summary>
    public bool ReplacesAnnualChange { get; init; }

    /// <summary>Checks the parameters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">min &lt;= -1, or min &lt;= most likely &lt;= max does not hold, or a value is not finite.</exception>
    public void Validate()
    {
        if (!double.IsFinite(Min) || !double.IsFinite(MostLikely) || !double.IsFinite(Max))
        {
            throw new ArgumentOutOfRangeException(nameof(Min), "An uncertain trend needs finite min, most likely and max values.");
        }

        if (Min <= -1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(Min), Min, "The smallest annual change must be greater than -1 (-100% a year).");
        }

        if (!(Min <= MostLikely && MostLikely <= Max))
        {
            throw new ArgumentOutOfRangeException(nameof(MostLikely), MostLikely, "An uncertain trend needs min <= most likely <= max.");
        }
    }

    /// <summary>Draws one annual change.</summary>
    /// <param name="random">The generator.</param>
    /// <returns>The change g.</returns>
    internal double Sample(ref RandomSource random)
    {
        var range = Max - Min;
        if (range == 0.0)
        {
            return Min;
        }

        if (Shape == TrendShape.Triangular)
        {
            // Inverse of the triangular CDF.
            var u = random.NextDouble();
            var f = (MostLikely - Min) / range;
            return u < f
                ? Min + Math.Sqrt(u * range * (MostLikely - Min))
                : Max - Math.Sqrt((1.0 - u) * range * (Max - MostLikely));
        }

        var alpha = 1.0 + (4.0 * (MostLikely - Min) / range);
        var beta = 1.0 + (4.0 * (Max - MostLikely) / range);
        var x = random.NextGamma(alpha);
        var y = random.NextGamma(beta);
        return Min + (range * (x / (x + y)));
    }
}

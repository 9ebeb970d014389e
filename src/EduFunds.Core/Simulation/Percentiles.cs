namespace EduFunds.Simulation;

/// <summary>Percentiles interpolated between order statistics as Excel's PERCENTILE.INC does.</summary>
internal static class Percentiles
{
    /// <summary>
    /// PERCENTILE.INC of sorted values: with h = (n - 1) p, the value x[floor h] + (h - floor h)
    /// x (x[floor h + 1] - x[floor h]) (0-based), so p = 0 is the minimum and p = 1 the maximum.
    /// </summary>
    /// <param name="sorted">Values in ascending order; at least one.</param>
    /// <param name="p">The percentile as a fraction, 0 &lt;= p &lt;= 1.</param>
    /// <returns>The interpolated value.</returns>
    /// <exception cref="ArgumentException">No values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> outside [0, 1].</exception>
    public static double Inc(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("PERCENTILE.INC needs at least one value.", nameof(sorted));
        }

        var (rank, fraction) = Rank(sorted.Length, p);
        var lower = (int)rank;
        if (fraction == 0.0 || lower == sorted.Length - 1)
        {
            return sorted[lower];
        }

        return sorted[lower] + (fraction * (sorted[lower + 1] - sorted[lower]));
    }

    /// <summary>
    /// The position of PERCENTILE.INC among n sorted values: the 0-based index of the lower
    /// order statistic and the interpolation fraction towards the next one.
    /// </summary>
    /// <param name="count">Number of values, at least 1.</param>
    /// <param name="p">The percentile as a fraction, 0 &lt;= p &lt;= 1.</param>
    /// <returns>The lower index and the fraction in [0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> &lt; 1 or <paramref name="p"/> outside [0, 1].</exception>
    public static (long Lower, double Fraction) Rank(long count, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(p >= 0.0 && p <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile must be between 0 and 1.");
        }

        var h = (count - 1) * p;
        var lower = (long)Math.Floor(h);
        if (lower >= count - 1)
        {
            return (count - 1, 0.0);
        }

        return (lower, h - lower);
    }
}

using EduFunds.Model;
using static EduFunds.Monetary.ExactMath;

namespace EduFunds.Engine;

/// <summary>What Monte Carlo needs of the scenario rules for an uncertain rate (<c>--rate</c>).</summary>
public sealed partial class ProjectionModel
{
    /// <summary>
    /// For Monte Carlo's uncertain rate of a kind from a year on: a stream's exact amount per year
    /// with that rate left open (appended after the scenario's changes, so it is the later in the
    /// list), as a double, and the number of years it grows by the open rate. The amount with a
    /// drawn g is <c>baseAmounts[y] x (1 + g)^openYears[y]</c>; 0 where the stream pays nothing.
    /// </summary>
    /// <param name="s">The stream index.</param>
    /// <param name="kind">The kind the uncertain rate applies to.</param>
    /// <param name="from">Its first year.</param>
    /// <param name="baseAmounts">Receives one amount per year, in minor units.</param>
    /// <param name="openYears">Receives one exponent per year.</param>
    internal void OpenRatePath(int s, StreamKind kind, int from, Span<double> baseAmounts, Span<int> openYears)
    {
        var stream = streams[s];
        var open = new RateChange(from, StreamTarget.OfKind(kind), 0m);
        var withOpen = orderedChanges.Append(open).OrderBy(c => c.From).ToArray();
        for (var y = 0; y < YearCount; y++)
        {
            var year = Years.From + y;
            baseAmounts[y] = 0;
            openYears[y] = 0;
            if (!stream.IsActiveIn(year) || year < streamFrom[s] || ScenarioRules.IsStopped(stream, year, orderedChanges))
            {
                continue;
            }

            // Not rounded here: the run rounds once, after the drawn (1 + g)^k and the noise.
            baseAmounts[y] = ToDouble(ScenarioRules.ScenarioAmount(stream, year, withOpen, open, out var k));
            openYears[y] = k;
        }
    }

    /// <summary>The nearest double of an exact fraction, also when its numerator and denominator are beyond double's range.</summary>
    private static double ToDouble(Fraction value)
    {
        var numerator = value.Numerator;
        var denominator = value.Denominator;
        var excess = denominator.GetBitLength() - 960;
        if (excess > 0)
        {
            numerator >>= (int)excess;
            denominator >>= (int)excess;
        }

        var whole = System.Numerics.BigInteger.DivRem(numerator, denominator, out var remainder);
        return (double)whole + ((double)remainder / (double)denominator);
    }
}

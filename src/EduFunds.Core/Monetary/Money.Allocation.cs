namespace EduFunds.Monetary;

/// <content>Splitting money in whole minor units by the largest remainder rule.</content>
public readonly partial struct Money
{
    /// <summary>
    /// Splits this amount into parts in proportion to <paramref name="weights"/>, exactly, in whole
    /// minor units, by the largest remainder rule: each part gets the floor of its exact share,
    /// and the minor units left over go one each to the largest fractional parts; equal fractions
    /// go by index order, so order the weights by the tie-break rule of the caller (for example
    /// priority, then id). The parts always add up to this amount.
    /// </summary>
    /// <param name="weights">
    /// One weight per part, not negative, at least one positive. Decimal weights are scaled to
    /// integers exactly (0.5 : 0.25 is 2 : 1), so shares are judged on exact values.
    /// </param>
    /// <returns>One part per weight, each in whole minor units. A zero weight gets zero.</returns>
    /// <remarks>
    /// A positive amount gives parts that are all zero or positive. A negative amount is split
    /// symmetrically: its parts are the negated parts of the positive amount, all zero or negative.
    /// </remarks>
    /// <exception cref="InvalidOperationException">This amount is not a whole number of minor units; round it first.</exception>
    /// <exception cref="ArgumentException">
    /// There are no weights, none is positive, or they span so many orders of magnitude that
    /// their integer ratio does not fit in 63 bits.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative.</exception>
    public Money[] Allocate(params ReadOnlySpan<decimal> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("Give at least one weight to allocate over.", nameof(weights));
        }

        var total = ToMinorUnits();
        var parts = new long[weights.Length];
        AllocateMinorUnits(total, weights, parts);

        var result = new Money[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = FromMinorUnits(parts[i], currency);
        }

        return result;
    }

    /// <summary>
    /// Splits <paramref name="totalMinorUnits"/> whole minor units in proportion to
    /// <paramref name="weights"/> by the same largest remainder rule as <see cref="Allocate"/>,
    /// into a span the caller owns: the split an
    /// <c>IAllocationPolicy</c> of your own needs for its shares of the pool (weights such as
    /// each claim's remaining need, in the request's tie-break order). The parts always add up to
    /// the total.
    /// </summary>
    /// <param name="totalMinorUnits">The amount to split, in whole minor units.</param>
    /// <param name="weights">
    /// One weight per part, not negative, at least one positive; scaled to integers exactly, as
    /// for <see cref="Allocate"/>.
    /// </param>
    /// <param name="parts">Receives one part per weight, in minor units; as long as <paramref name="weights"/>.</param>
    /// <exception cref="ArgumentException">
    /// There are no weights, none is positive, they span too many orders of magnitude (see
    /// <see cref="Allocate"/>), or <paramref name="parts"/> is not as long as <paramref name="weights"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative.</exception>
    /// <example>
    /// <code>
    /// Span&lt;long&gt; parts = stackalloc long[3];
    /// Money.AllocateMinorUnits(10, [1m, 1m, 1m], parts);   // 4, 3, 3
    /// </code>
    /// </example>
    public static void AllocateMinorUnits(long totalMinorUnits, ReadOnlySpan<decimal> weights, Span<long> parts)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("Give at least one weight to allocate over.", nameof(weights));
        }

        if (parts.Length != weights.Length)
        {
            throw new ArgumentException("There must be one part per weight.", nameof(parts));
        }

        Span<Int128> integerWeights = weights.Length <= 64 ? stackalloc Int128[weights.Length] : new Int128[weights.Length];
        var weightSum = ToIntegerWeights(weights, integerWeights);

        // The rule is stated for a positive total; a negative one is its mirror image.
        var magnitude = Math.Abs(totalMinorUnits);
        for (var i = 0; i < integerWeights.Length; i++)
        {
            integerWeights[i] *= magnitude;
        }

        LargestRemainder.Distribute(magnitude, integerWeights, (Int128)weightSum, parts);
        if (totalMinorUnits < 0)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = -parts[i];
            }
        }
    }

    /// <summary>
    /// Splits this amount into <paramref name="count"/> parts as equal as whole minor units allow:
    /// CNY 0.04 over 7 gives 0.01, 0.01, 0.01, 0.01, 0.00, 0.00, 0.00 (earlier parts get the extra
    /// minor units). The parts always add up to this amount.
    /// </summary>
    /// <param name="count">The number of parts, at least 1.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">This amount is not a whole number of minor units; round it first.</exception>
    public Money[] Split(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var weights = new decimal[count];
        weights.AsSpan().Fill(1m);
        return Allocate(weights);
    }

    private static UInt128 ToIntegerWeights(ReadOnlySpan<decimal> weights, Span<Int128> integers)
    {
        var maxScale = 0;
        foreach (var weight in weights)
        {
            if (weight < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, "Allocation weights should not be negative.");
            }

            maxScale = Math.Max(maxScale, DecimalParts.Canonical(weight).Scale);
        }

        Span<UInt128> scaled = weights.Length <= 64 ? stackalloc UInt128[weights.Length] : new UInt128[weights.Length];
        UInt128 divisor = 0;
        try
        {
            for (var i = 0; i < weights.Length; i++)
            {
                var parts = DecimalParts.Canonical(weights[i]);
                var value = parts.Coefficient;
                for (var s = parts.Scale; s < maxScale; s++)
                {
                    value = checked(value * 10);
                }

                scaled[i] = value;
                divisor = Gcd(divisor, value);
            }
        }
        catch (OverflowException)
        {
            throw new ArgumentException("The weights span too many orders of magnitude to be split exactly; scale them to a narrower range.", nameof(weights));
        }

        if (divisor == 0)
        {
            throw new ArgumentException("At least one allocation weight should be positive.", nameof(weights));
        }

        UInt128 sum = 0;
        for (var i = 0; i < scaled.Length; i++)
        {
            var reduced = scaled[i] / divisor;
            sum += reduced;
            if (sum > MaxIntegerWeight)
            {
                throw new ArgumentException("The weights span too many orders of magnitude to be split exactly; scale them to a narrower range.", nameof(weights));
            }

            integers[i] = (Int128)reduced;
        }

        return sum;
    }

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static UInt128 Gcd(UInt128 a, UInt128 b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}

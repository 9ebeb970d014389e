using System.Numerics;

namespace EduFunds.Monetary;

/// <summary>Exact rational arithmetic for the one rounding of each amount.</summary>
internal static class ExactMath
{
    /// <summary>An exact fraction num / den with den &gt; 0.</summary>
    internal readonly record struct Fraction(BigInteger Numerator, BigInteger Denominator)
    {
        public static Fraction One => new(BigInteger.One, BigInteger.One);

        public static Fraction From(long value) => new(value, BigInteger.One);

        public static Fraction From(decimal value)
        {
            var bits = decimal.GetBits(value);
            var scale = (bits[3] >> 16) & 0xFF;
            var negative = bits[3] < 0;
            // The three words are unsigned bit patterns: a checked (uint) cast of a word with its top
            // bit set would throw (a factor such as 1.000000000000000000000001 has one).
            var mantissa = ((BigInteger)unchecked((uint)bits[2]) << 64) | ((BigInteger)unchecked((uint)bits[1]) << 32) | unchecked((uint)bits[0]);
            return new(negative ? -mantissa : mantissa, BigInteger.Pow(10, scale));
        }

        public Fraction Multiply(Fraction other) => new(Numerator * other.Numerator, Denominator * other.Denominator);

        public Fraction Pow(int exponent)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(exponent);
            return new(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent));
        }

        /// <summary>1 + this.</summary>
        public Fraction OnePlus() => new(Denominator + Numerator, Denominator);
    }

    /// <summary>Rounds a fraction to a whole number with the given mode.</summary>
    /// <exception cref="OverflowException">The result does not fit in 64 bits.</exception>
    public static long Round(Fraction value, RoundingMode mode) =>
        TryRound(value, mode, out var rounded) ? rounded : throw new OverflowException("The amount does not fit in 64 bits of minor units.");

    /// <summary>Rounds a fraction to a whole number with the given mode; false when it does not fit in 64 bits.</summary>
    public static bool TryRound(Fraction value, RoundingMode mode, out long rounded)
    {
        var negative = value.Numerator.Sign < 0;
        var magnitude = BigInteger.Abs(value.Numerator);
        var quotient = BigInteger.DivRem(magnitude, value.Denominator, out var remainder);
        var twice = remainder * 2;
        var comparison = twice.CompareTo(value.Denominator);
        if (comparison > 0 || (comparison == 0 && (mode == RoundingMode.HalfAwayFromZero || !quotient.IsEven)))
        {
            quotient += 1;
        }

        var result = negative ? -quotient : quotient;
        if (result < long.MinValue || result > long.MaxValue)
        {
            rounded = 0;
            return false;
        }

        rounded = (long)result;
        return true;
    }

    /// <summary>The smallest whole number at or above the fraction.</summary>
    public static long Ceiling(Fraction value)
    {
        var quotient = BigInteger.DivRem(value.Numerator, value.Denominator, out var remainder);
        if (remainder.Sign > 0)
        {
            quotient += 1;
        }

        return checked((long)quotient);
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EduFunds.Simulation;

/// <summary>
/// exp and log from IEEE-754 additions, multiplications and divisions only, in a fixed order, so
/// that they give the same bits on every machine, operating system and .NET version.
/// <see cref="Math.Exp(double)"/> and <see cref="Math.Log(double)"/> call the platform's C library, whose last
/// bit may differ between systems; a random draw that passes through them could then round to
/// another minor unit on another machine. Accurate to a few units in the last place.
/// </summary>
internal static class DeterministicMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // the high bits of ln 2 (exact in 32 bits)
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 - Ln2Hi
    private const double InvLn2 = 1.44269504088896338700e+00;
    internal const double RoundingShift = 6755399441055744.0; // 1.5 x 2^52: t + it rounds t to an integer, ties to even

    /// <summary>2^51: below it in magnitude <see cref="RoundToEven"/> is <see cref="Math.Round(double)"/>.</summary>
    internal const double RoundToEvenLimit = 2251799813685248.0;

    /// <summary>e^x.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e^x; 0 below -745, +infinity above 709.78.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x)
    {
        if (!(x > -745.0))
        {
            return double.IsNaN(x) ? double.NaN : 0.0;
        }

        if (x > 709.78)
        {
            return double.PositiveInfinity;
        }

        // x = k ln 2 + r with |r| <= ln 2 / 2; e^r by its Taylor series to r^13 (error < 2e-17).
        var k = RoundToEven(x * InvLn2);
        var r = (x - (k * Ln2Hi)) - (k * Ln2Lo);
        var p = 1.0 + (r * (1.0 + (r * (1.0 / 2 + (r * (1.0 / 6 + (r * (1.0 / 24 + (r * (1.0 / 120 + (r * (1.0 / 720 +
                (r * (1.0 / 5040 + (r * (1.0 / 40320 + (r * (1.0 / 362880 + (r * (1.0 / 3628800 + (r * (1.0 / 39916800 +
                (r * (1.0 / 479001600 + (r * (1.0 / 6227020800))))))))))))))))))))))))));
        return Scale(p, unchecked((int)k)); // |k| <= 1076
    }

    /// <summary>
    /// <see cref="Math.Round(double)"/> (to the nearest integer, ties to even) for |t| &lt; 2^51, from
    /// one addition and one subtraction: t + 1.5 x 2^52 lies where doubles are whole numbers, so the
    /// addition rounds t in the IEEE default mode (ties to even, as 1.5 x 2^52 is even) and the
    /// subtraction is exact. The same bits as Math.Round, except that -0.5 &lt; t &lt; 0 gives +0 (for
    /// which a conversion to an integer does not care); no SSE4.1 instruction, which the Native AOT
    /// tool (built for the x64 baseline) would otherwise call a software routine for.
    /// </summary>
    /// <param name="t">The value, |t| &lt; 2^51.</param>
    /// <returns>The nearest integer.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RoundToEven(double t) => (t + RoundingShift) - RoundingShift;

    /// <summary>
    /// e^x of every value, in place: the same bits as <see cref="Exp"/> value by value. Four values
    /// at a time with 256-bit vectors where the hardware has them: the same IEEE operations in
    /// the same order on each lane (no fused multiply-add), the power of two built from the bits;
    /// a group with a value beyond +-690 is left to <see cref="Exp"/>.
    /// </summary>
    /// <param name="values">The exponents; receives e^x.</param>
    public static void ExpInPlace(Span<double> values)
    {
        var i = Vector256.IsHardwareAccelerated ? ExpVector256(values) : Vector128.IsHardwareAccelerated ? ExpVector128(values) : 0;
        for (; i < values.Length; i++)
        {
            values[i] = Exp(values[i]);
        }
    }

    /// <summary>The groups of four of <see cref="ExpInPlace"/> with 256-bit vectors.</summary>
    /// <returns>How many values it did (the rest are left to <see cref="Exp"/>).</returns>
    internal static int ExpVector256(Span<double> values)
    {
        var limit = Vector256.Create(690.0);
        var i = 0;
        for (; i + 4 <= values.Length; i += 4)
        {
            var x = Vector256.Create<double>(values.Slice(i, 4));
            if (!Vector256.LessThanAll(Vector256.Abs(x), limit))
            {
                for (var j = i; j < i + 4; j++)
                {
                    values[j] = Exp(values[j]);
                }

                continue;
            }

            Exp4(x).CopyTo(values.Slice(i, 4));
        }

        return i;
    }

    /// <summary>
    /// e^x of four lanes, each the same bits as <see cref="Exp"/>: x = k ln 2 + r, the Taylor
    /// series of e^r by Horner's rule (the same IEEE operations in the same order, no fused
    /// multiply-add), times 2^k built from the bits.
    /// </summary>
    /// <param name="x">Four exponents, each within +-690.</param>
    /// <returns>e^x, lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Exp4(Vector256<double> x)
    {
        var shift = Vector256.Create(RoundingShift);
        var one = Vector256.Create(1.0);
        var k = ((x * Vector256.Create(InvLn2)) + shift) - shift;
        var r = (x - (k * Vector256.Create(Ln2Hi))) - (k * Vector256.Create(Ln2Lo));
        // Exp's Horner steps, innermost first: q = c + r x q.
        var q = Vector256.Create(1.0 / 6227020800);
        q = Vector256.Create(1.0 / 479001600) + (r * q);
        q = Vector256.Create(1.0 / 39916800) + (r * q);
        q = Vector256.Create(1.0 / 3628800) + (r * q);
        q = Vector256.Create(1.0 / 362880) + (r * q);
        q = Vector256.Create(1.0 / 40320) + (r * q);
        q = Vector256.Create(1.0 / 5040) + (r * q);
        q = Vector256.Create(1.0 / 720) + (r * q);
        q = Vector256.Create(1.0 / 120) + (r * q);
        q = Vector256.Create(1.0 / 24) + (r * q);
        q = Vector256.Create(1.0 / 6) + (r * q);
        q = Vector256.Create(1.0 / 2) + (r * q);
        q = one + (r * q);
        var p = one + (r * q);
        var power = Vector256.ShiftLeft((k + Vector256.Create(4503599627371519.0)).AsUInt64(), 52).AsDouble(); // 2^52 + 1023: k + 1023 lands in the low bits
        return p * power;
    }

    /// <summary>
    /// The pairs of <see cref="ExpInPlace"/> with 128-bit vectors, for machines (and the Native AOT
    /// tool, built for the x64 baseline) without 256-bit ones: the same steps as
    /// <see cref="ExpVector256"/>, every one an SSE2 instruction.
    /// </summary>
    /// <returns>How many values it did (the rest are left to <see cref="Exp"/>).</returns>
    internal static int ExpVector128(Span<double> values)
    {
        var limit = Vector128.Create(690.0);
        var i = 0;
        for (; i + 2 <= values.Length; i += 2)
        {
            var x = Vector128.Create<double>(values.Slice(i, 2));
            if (!Vector128.LessThanAll(Vector128.Abs(x), limit))
            {
                values[i] = Exp(values[i]);
                values[i + 1] = Exp(values[i + 1]);
                continue;
            }

            ExpPair(x).CopyTo(values.Slice(i, 2));
        }

        return i;
    }

    /// <summary>
    /// e^x of both lanes, each the same bits as <see cref="Exp"/>: <see cref="Exp4"/>'s steps on
    /// 128-bit vectors, every one an SSE2 instruction.
    /// </summary>
    /// <param name="x">Two exponents, each within +-690.</param>
    /// <returns>e^x, lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<double> ExpPair(Vector128<double> x)
    {
        var shift = Vector128.Create(RoundingShift);
        var one = Vector128.Create(1.0);
        var k = ((x * Vector128.Create(InvLn2)) + shift) - shift;
        var r = (x - (k * Vector128.Create(Ln2Hi))) - (k * Vector128.Create(Ln2Lo));
        var q = Vector128.Create(1.0 / 6227020800);
        q = Vector128.Create(1.0 / 479001600) + (r * q);
        q = Vector128.Create(1.0 / 39916800) + (r * q);
        q = Vector128.Create(1.0 / 3628800) + (r * q);
        q = Vector128.Create(1.0 / 362880) + (r * q);
        q = Vector128.Create(1.0 / 40320) + (r * q);
        q = Vector128.Create(1.0 / 5040) + (r * q);
        q = Vector128.Create(1.0 / 720) + (r * q);
        q = Vector128.Create(1.0 / 120) + (r * q);
        q = Vector128.Create(1.0 / 24) + (r * q);
        q = Vector128.Create(1.0 / 6) + (r * q);
        q = Vector128.Create(1.0 / 2) + (r * q);
        q = one + (r * q);
        var p = one + (r * q);
        var power = Vector128.ShiftLeft((k + Vector128.Create(4503599627371519.0)).AsUInt64(), 52).AsDouble();
        return p * power;
    }

    /// <summary>The natural logarithm.</summary>
    /// <param name="x">A positive, finite value.</param>
    /// <returns>ln x; NaN for a negative or NaN argument, -infinity for 0.</returns>
    public static double Log(double x)
    {
        if (!(x > 0.0))
        {
            return x == 0.0 ? double.NegativeInfinity : double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        var exponent = 0;
        if (x < double.Epsilon * (1L << 53))
        {
            // Subnormal: bring it into the normal range first.
            x *= 18014398509481984.0; // 2^54
            exponent = -54;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        exponent += (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L); // [1, 2)
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            exponent++;
        }

        // ln m = 2 atanh(f), f = (m - 1) / (m + 1), |f| <= 0.1716: the odd series to f^23.
        var f = (m - 1.0) / (m + 1.0);
        var f2 = f * f;
        var s = f2 * (1.0 / 3 + (f2 * (1.0 / 5 + (f2 * (1.0 / 7 + (f2 * (1.0 / 9 + (f2 * (1.0 / 11 + (f2 * (1.0 / 13 +
                (f2 * (1.0 / 15 + (f2 * (1.0 / 17 + (f2 * (1.0 / 19 + (f2 * (1.0 / 21 + (f2 * (1.0 / 23)))))))))))))))))))));
        var lnM = (2.0 * f) + (2.0 * f * s);
        return ((exponent * Ln2Hi) + lnM) + (exponent * Ln2Lo);
    }

    /// <summary>x^y for x &gt; 0: e^(y ln x).</summary>
    /// <param name="x">The base, positive.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>The power.</returns>
    public static double Pow(double x, double y) => Exp(y * Log(x));

    /// <summary>p x 2^k, exact (two steps keep the intermediate factor normal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Scale(double p, int k)
    {
        if (k > 1023)
        {
            p *= BitConverter.Int64BitsToDouble((long)(1023 + 1023) << 52);
            k -= 1023;
        }
        else if (k < -1000)
        {
            p *= BitConverter.Int64BitsToDouble((long)(1023 - 1000) << 52);
            k += 1000;
        }

        return p * BitConverter.Int64BitsToDouble((long)(1023 + k) << 52);
    }
}

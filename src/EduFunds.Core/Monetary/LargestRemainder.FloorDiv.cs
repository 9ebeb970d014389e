namespace EduFunds.Monetary;

/// <content>
/// Floors and remainders of exact shares without a division per share: a quotient estimated
/// through the denominator's reciprocal in double precision, then corrected to the exact integer.
/// </content>
internal static partial class LargestRemainder
{
    /// <summary>
    /// numerator / denominator rounded down, and the remainder, for 0 &lt;= numerator and
    /// 0 &lt; denominator: a quotient estimated through the reciprocal in double precision, then
    /// corrected by whole steps so that 0 &lt;= remainder &lt; denominator holds exactly. Falls
    /// back to integer division when the quotient is too large for the estimate to be near.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static long FloorDiv(long numerator, long denominator, double reciprocal, out long remainder)
    {
        var estimate = numerator * reciprocal;
        if (!(estimate < 1e15))
        {
            var exact = Math.DivRem(numerator, denominator, out remainder);
            return exact;
        }

        // |error| of the estimate is below 1 for quotients under 1e15; correct to the exact floor.
        // The true values of r below lie in (-denominator, 2 x denominator): they fit in 64 bits,
        // so wrapping arithmetic gives them exactly even where q x denominator alone would not fit.
        unchecked
        {
            var q = (long)estimate;
            return Corrected(q, numerator - (q * denominator), denominator, out remainder);
        }
    }

    /// <summary>
    /// floor(a x b / denominator) and its remainder, for 0 &lt;= a, b and 0 &lt; denominator
    /// &lt;= long.MaxValue / 2, when the quotient fits in 64 bits but the product a x b need not
    /// (the pool times a remaining need of a large workbook): a quotient estimated in double
    /// precision, corrected by whole steps on the product's low 64 bits. The estimate is within 1
    /// of the quotient while it is below 1e15, so the true remainder of the estimate lies in
    /// (-denominator, 2 x denominator) and wrapping arithmetic gives it exactly; a larger quotient
    /// takes 128-bit division.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static long FloorDivProduct(long a, long b, long denominator, double reciprocal, out long remainder)
    {
        var estimate = (double)a * b * reciprocal;
        if (!(estimate < 1e15))
        {
            var product = (Int128)a * b;
            var exact = (long)(product / denominator);
            remainder = (long)(product - ((Int128)exact * denominator));
            return exact;
        }

        unchecked
        {
            var q = (long)estimate;
            return Corrected(q, (a * b) - (q * denominator), denominator, out remainder);
        }
    }

    /// <summary>
    /// The exact floor from an estimate <paramref name="q"/> within 1 of it and its remainder
    /// <paramref name="r"/> (in (-denominator, 2 x denominator)): whole steps until
    /// 0 &lt;= remainder &lt; denominator.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static long Corrected(long q, long r, long denominator, out long remainder)
    {
        unchecked
        {
            while (r < 0)
            {
                q--;
                r += denominator;
            }

            while (r >= denominator)
            {
                q++;
                r -= denominator;
            }

            remainder = r;
            return q;
        }
    }
}

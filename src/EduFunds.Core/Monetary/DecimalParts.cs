namespace EduFunds.Monetary;

/// <summary>
/// A decimal taken apart: sign, 96-bit coefficient and scale, with trailing zeros removed, so
/// that equal values (1.0 and 1.00) have identical parts.
/// </summary>
internal readonly record struct DecimalParts(bool Negative, UInt128 Coefficient, int Scale)
{
    /// <summary>Takes <paramref name="value"/> apart and strips trailing zeros from the coefficient.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The canonical parts; zero is always (false, 0, 0).</returns>
    public static DecimalParts Canonical(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        // The words are unsigned bit patterns stored in ints: reinterpret, do not convert.
        var coefficient = unchecked(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        if (coefficient == 0)
        {
            return default;
        }

        var scale = (bits[3] >> 16) & 0xFF;
        while (scale > 0 && coefficient % 10 == 0)
        {
            coefficient /= 10;
            scale--;
        }

        return new DecimalParts(bits[3] < 0, coefficient, scale);
    }

    /// <summary>The value with trailing zeros removed (and a negative zero made positive).</summary>
    /// <param name="value">The value.</param>
    /// <returns>An equal value with the smallest scale.</returns>
    public static decimal Normalize(decimal value) => Canonical(value).ToDecimal();

    /// <summary>Builds the decimal back from its parts.</summary>
    /// <returns>The value.</returns>
    public decimal ToDecimal() => unchecked(new(
        (int)(uint)Coefficient,
        (int)(uint)(Coefficient >> 32),
        (int)(uint)(Coefficient >> 64),
        Negative,
        (byte)Scale));
}

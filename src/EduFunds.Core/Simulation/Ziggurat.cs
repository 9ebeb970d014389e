using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EduFunds.Simulation;

/// <summary>A source of uniformly distributed 64-bit values.</summary>
internal interface IRandomBits
{
    /// <summary>The next 64 random bits.</summary>
    /// <returns>The value.</returns>
    ulong NextUInt64();
}

/// <summary>
/// Standard normal variates by the ziggurat method (Marsaglia and Tsang, 2000, in Doornik's
/// ZIGNOR form, 2005): 128 layers; one 64-bit draw gives the layer (its low 7 bits) and a
/// uniform (its high 53 bits), and about 98.8% of draws are accepted with one multiplication
/// and one comparison. The tables and the rare wedge and tail tests use
/// <see cref="DeterministicMath"/>, so the variates are the same bits on every machine.
/// </summary>
internal static class Ziggurat
{
    internal const int Layers = 128;
    private const double R = 3.442619855899;            // start of the tail
    private const double V = 9.91256303526217e-3;       // area of each layer
    internal const double TwoPowMinus53 = 1.0 / (1UL << 53);

    internal static readonly double[] X = BuildX();        // layer edges x[0..128], x[128] = 0
    internal static readonly double[] Ratio = BuildRatio(); // x[i + 1] / x[i]
    private static readonly double[] Square = BuildSquare(); // x[i] x x[i], the same product the wedge test would compute

    /// <summary>A standard normal variate.</summary>
    /// <typeparam name="T">The generator.</typeparam>
    /// <param name="random">The generator, advanced by one draw in most calls.</param>
    /// <returns>The variate.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Normal<T>(ref T random)
        where T : struct, IRandomBits
    {
        var bits = random.NextUInt64();
        var i = (int)(bits & (Layers - 1));
        var u = (2.0 * (unchecked((long)(bits >> 11)) * TwoPowMinus53)) - 1.0;
        var ratio = Ratio;
        if ((uint)i < (uint)ratio.Length && Math.Abs(u) < ratio[i])
        {
            return u * X[i];
        }

        return Slow(ref random, i, u);
    }

    /// <summary>The rest of <see cref="Normal"/> when its first draw (layer <paramref name="i"/>, uniform <paramref name="u"/>) is not accepted at once.</summary>
    /// <typeparam name="T">The generator.</typeparam>
    /// <param name="random">The generator, just after that first draw.</param>
    /// <param name="i">The layer of the first draw.</param>
    /// <param name="u">The uniform in (-1, 1) of the first draw.</param>
    /// <returns>The variate.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Slow<T>(ref T random, int i, double u)
        where T : struct, IRandomBits
    {
        while (true)
        {
            if (i == 0)
            {
                // The tail beyond R (Marsaglia, 1964).
                double x;
                double y;
                do
                {
                    x = DeterministicMath.Log(Uniform(ref random)) / R;
                    y = DeterministicMath.Log(Uniform(ref random));
                }
                while (-2.0 * y < x * x);

                return u < 0 ? x - R : R - x;
            }

            // The wedge between layer i's rectangle and the curve: f0 = e^(-(x[i]^2 - c^2) / 2) and
            // f1 = e^(-(x[i + 1]^2 - c^2) / 2) side by side (arguments within -7..0; each lane the
            // bits of DeterministicMath.Exp).
            var candidate = u * X[i];
            var squared = candidate * candidate;
            var f = DeterministicMath.ExpPair(Vector128.Create(-0.5 * (Square[i] - squared), -0.5 * (Square[i + 1] - squared)));
            var f0 = f.GetElement(0);
            var f1 = f.GetElement(1);
            if (f1 + (Uniform(ref random) * (f0 - f1)) < 1.0)
            {
                return candidate;
            }

            var bits = random.NextUInt64();
            i = (int)(bits & (Layers - 1));
            u = (2.0 * (unchecked((long)(bits >> 11)) * TwoPowMinus53)) - 1.0;
            if (Math.Abs(u) < Ratio[i])
            {
                return u * X[i];
            }
        }
    }

    /// <summary>A uniform in (0, 1]: never 0, so its logarithm is finite.</summary>
    private static double Uniform<T>(ref T random)
        where T : struct, IRandomBits => unchecked((long)((random.NextUInt64() >> 11) + 1)) * TwoPowMinus53;

    private static double[] BuildX()
    {
        var x = new double[Layers + 1];
        var f = DeterministicMath.Exp(-0.5 * R * R);
        x[0] = V / f;
        x[1] = R;
        for (var i = 2; i < Layers; i++)
        {
            x[i] = Math.Sqrt(-2.0 * DeterministicMath.Log((V / x[i - 1]) + f));
            f = DeterministicMath.Exp(-0.5 * x[i] * x[i]);
        }

        x[Layers] = 0.0;
        return x;
    }

    private static double[] BuildSquare()
    {
        var square = new double[Layers + 1];
        for (var i = 0; i <= Layers; i++)
        {
            square[i] = X[i] * X[i];
        }

        return square;
    }

    private static double[] BuildRatio()
    {
        var ratio = new double[Layers];
        for (var i = 0; i < Layers; i++)
        {
            ratio[i] = X[i + 1] / X[i];
        }

        return ratio;
    }
}

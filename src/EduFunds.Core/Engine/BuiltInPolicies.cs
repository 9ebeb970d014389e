using System.Buffers;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Engine;

/// <summary>A buffer rented from the shared pool and cleared, so that a policy does not allocate per call.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal readonly ref struct PooledBuffer<T>
{
    private readonly T[] rented;

    public PooledBuffer(int length)
    {
        rented = ArrayPool<T>.Shared.Rent(Math.Max(1, length));
        Span = rented.AsSpan(0, length);
        Span.Clear();
    }

    public Span<T> Span { get; }

    public void Dispose() => ArrayPool<T>.Shared.Return(rented);
}

/// <summary>Shared steps of the built-in policies.</summary>
internal static class PolicyMath
{
    /// <summary>Sum of remaining needs (checked).</summary>
    public static long TotalRemaining(ReadOnlySpan<AllocationClaim> claims)
    {
        long sum = 0;
        foreach (var claim in claims)
        {
            sum = checked(sum + claim.Remaining);
        }

        return sum;
    }

    /// <summary>Everyone gets their remaining need (the pool covers all).</summary>
    public static void FillAll(ReadOnlySpan<AllocationClaim> claims, Span<long> shares)
    {
        for (var i = 0; i < claims.Length; i++)
        {
            shares[i] = claims[i].Remaining;
        }
    }

    /// <summary>
    /// Adds to <paramref name="shares"/> the pool split in proportion to <paramref name="weights"/>,
    /// exactly by largest remainder. Callers only use it when the pool is below the sum of the
    /// weights, so no share passes its weight.
    /// </summary>
    public static void AddProportional(long pool, ReadOnlySpan<long> weights, Span<long> shares)
    {
        Int128 total = 0;
        foreach (var weight in weights)
        {
            total = checked(total + weight);
        }

        if (pool == 0 || total == 0)
        {
            return;
        }

        using var numerators = new PooledBuffer<Int128>(weights.Length);
        using var parts = new PooledBuffer<long>(weights.Length);
        for (var i = 0; i < weights.Length; i++)
        {
            numerators.Span[i] = checked((Int128)pool * weights[i]);
        }

        LargestRemainder.Distribute(pool, numerators.Span, total, parts.Span);
        for (var i = 0; i < weights.Length; i++)
        {
            shares[i] = checked(shares[i] + parts.Span[i]);
        }
    }
}

/// <summary>Proportional: share = pool x R / sum(R); everyone gets R when the pool covers all.</summary>
internal sealed class ProportionalPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => PolicyNames.Proportional;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var claims = request.Claims;
        if (request.Pool >= PolicyMath.TotalRemaining(claims))
        {
            PolicyMath.FillAll(claims, shares);
            return;
        }

        using var remaining = new PooledBuffer<long>(claims.Length);
        for (var i = 0; i < claims.Length; i++)
        {
            remaining.Span[i] = claims[i].Remaining;
        }

        PolicyMath.AddProportional(request.Pool, remaining.Span, shares);
    }
}

/// <summary>Priority: in order of priority then id, each is filled completely before the next gets anything.</summary>
internal sealed class PriorityPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => PolicyNames.Priority;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var left = request.Pool;
        var claims = request.Claims;
        for (var i = 0; i < claims.Length && left > 0; i++)
        {
            var share = Math.Min(claims[i].Remaining, left);
            shares[i] = share;
            left -= share;
        }
    }
}

/// <summary>
/// Viability-first: in order of priority then id, a program that the rest of the pool can lift to
/// its minimum gets exactly that lift; one that cannot be lifted is skipped and gets nothing.
/// What is left is shared in proportion to the needs still open, among the programs not skipped.
/// </summary>
internal sealed class ViabilityFirstPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => PolicyNames.ViabilityFirst;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var claims = request.Claims;
        using var open = new PooledBuffer<long>(claims.Length); // stays 0 for a skipped program
        var left = request.Pool;
        long openTotal = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            var lift = claims[i].Shortfall;
            if (lift <= left)
            {
                shares[i] = lift;
                left -= lift;
                open.Span[i] = claims[i].Remaining - lift;
                openTotal = checked(openTotal + open.Span[i]);
            }
        }

        if (left >= openTotal)
        {
            for (var i = 0; i < claims.Length; i++)
            {
                shares[i] += open.Span[i];
            }
        }
        else
        {
            PolicyMath.AddProportional(left, open.Span, shares);
        }
    }
}

/// <summary>Equal: share = min(R, L), the level L chosen so that the shares add up to the pool (water-filling).</summary>
internal sealed class EqualPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => PolicyNames.Equal;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var claims = request.Claims;
        if (request.Pool >= PolicyMath.TotalRemaining(claims))
        {
            PolicyMath.FillAll(claims, shares);
            return;
        }

        using var orderBuffer = new PooledBuffer<int>(claims.Length);
        using var keyBuffer = new PooledBuffer<long>(claims.Length);
        using var numerators = new PooledBuffer<Int128>(claims.Length);

        // Claims with nothing to receive take no part in the level.
        var count = 0;
        for (var i = 0; i < claims.Length; i++)
        {
            if (claims[i].Remaining > 0)
            {
                keyBuffer.Span[count] = claims[i].Remaining;
                orderBuffer.Span[count++] = i;
            }
        }

        // Equal needs are capped together, so the order among them does not matter.
        var keys = keyBuffer.Span[..count];
        var order = orderBuffer.Span[..count];
        keys.Sort(order);

        // Cap the smallest needs while the level P / k reaches them.
        long pool = request.Pool;
        long k = count;
        var capped = 0;
        while (capped < count && (Int128)keys[capped] * k <= pool)
        {
            pool -= keys[capped];
            k--;
            capped++;
        }

        // Exact shares over the denominator k: capped get R (= R k / k), the rest the level P / k.
        for (var j = 0; j < count; j++)
        {
            numerators.Span[order[j]] = j < capped ? checked((Int128)keys[j] * k) : pool;
        }

        LargestRemainder.Distribute(request.Pool, numerators.Span, k, shares);
    }
}

/// <summary>
/// Visibility-weighted: share = min(R, L x w x R), w = the flagship weight for a flagship program
/// and 1 for a basic one, L chosen so the shares add up to the pool. Models the bias toward
/// visible events.
/// </summary>
internal sealed class VisibilityWeightedPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => PolicyNames.VisibilityWeighted;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var claims = request.Claims;
        if (request.Pool >= PolicyMath.TotalRemaining(claims))
        {
            PolicyMath.FillAll(claims, shares);
            return;
        }

        // Weights as integers: flagship = W x 10^s, basic = 10^s, where W has s decimals.
        var (flagshipWeight, basicWeight) = ScaledWeights(request.FlagshipWeight);
        try
        {
            AllocateWeighted(request, shares, flagshipWeight, basicWeight);
        }
        catch (OverflowException)
        {
            // A weight with many decimals, or needs near the 64-bit limit, can outgrow 128 bits:
            // the same shares, computed with unbounded integers (rare, so the hot path stays 128-bit).
            AllocateWeightedExactly(request, shares, flagshipWeight, basicWeight);
        }
    }

    private static void AllocateWeighted(in AllocationRequest request, Span<long> shares, Int128 flagshipWeight, Int128 basicWeight)
    {
        var claims = request.Claims;

        // A class of equal weight w is capped when the level reaches 1 / w: L' = P / S, capped when P x w >= S,
        // with S = sum of w x R over the uncapped. Try the heavier class first.
        Int128 weightedFlagship = 0, weightedBasic = 0;
        long remainingFlagship = 0, remainingBasic = 0;
        foreach (var claim in claims)
        {
            if (claim.Category == ProgramCategory.Flagship)
            {
                weightedFlagship = checked(weightedFlagship + (Int128)claim.Remaining * flagshipWeight);
                remainingFlagship = checked(remainingFlagship + claim.Remaining);
            }
            else
            {
                weightedBasic = checked(weightedBasic + (Int128)claim.Remaining * basicWeight);
                remainingBasic = checked(remainingBasic + claim.Remaining);
            }
        }

        var heavierIsFlagship = flagshipWeight >= basicWeight;
        var heavyWeight = heavierIsFlagship ? flagshipWeight : basicWeight;
        var heavyWeighted = heavierIsFlagship ? weightedFlagship : weightedBasic;
        var heavyRemaining = heavierIsFlagship ? remainingFlagship : remainingBasic;
        var uncappedWeighted = checked(weightedFlagship + weightedBasic);
        Int128 pool = request.Pool;
        var heavyCapped = heavyWeighted > 0 && checked(pool * heavyWeight) >= uncappedWeighted;
        if (heavyCapped)
        {
            pool -= heavyRemaining;
            uncappedWeighted -= heavyWeighted;
        }

        // The lighter class cannot be capped too: the pool is below the sum of all needs.
        using var scratch = new PooledBuffer<Int128>(claims.Length);
        var numerators = scratch.Span;
        for (var i = 0; i < claims.Length; i++)
        {
            var claim = claims[i];
            var isHeavy = (claim.Category == ProgramCategory.Flagship) == heavierIsFlagship;
            var weight = claim.Category == ProgramCategory.Flagship ? flagshipWeight : basicWeight;
            numerators[i] = heavyCapped && isHeavy
                ? checked((Int128)claim.Remaining * uncappedWeighted)
                : checked(pool * claim.Remaining * weight);
        }

        LargestRemainder.Distribute(request.Pool, numerators, uncappedWeighted, shares);
    }

    /// <summary><see cref="AllocateWeighted"/> step by step in <see cref="System.Numerics.BigInteger"/>: never overflows.</summary>
    private static void AllocateWeightedExactly(in AllocationRequest request, Span<long> shares, Int128 flagshipWeightScaled, Int128 basicWeightScaled)
    {
        var claims = request.Claims;
        System.Numerics.BigInteger flagshipWeight = flagshipWeightScaled, basicWeight = basicWeightScaled;
        System.Numerics.BigInteger weightedFlagship = 0, weightedBasic = 0, remainingFlagship = 0, remainingBasic = 0;
        foreach (var claim in claims)
        {
            if (claim.Category == ProgramCategory.Flagship)
            {
                weightedFlagship += claim.Remaining * flagshipWeight;
                remainingFlagship += claim.Remaining;
            }
            else
            {
                weightedBasic += claim.Remaining * basicWeight;
                remainingBasic += claim.Remaining;
            }
        }

        var heavierIsFlagship = flagshipWeight >= basicWeight;
        var heavyWeight = heavierIsFlagship ? flagshipWeight : basicWeight;
        var heavyWeighted = heavierIsFlagship ? weightedFlagship : weightedBasic;
        var heavyRemaining = heavierIsFlagship ? remainingFlagship : remainingBasic;
        var uncappedWeighted = weightedFlagship + weightedBasic;
        System.Numerics.BigInteger pool = request.Pool;
        var heavyCapped = heavyWeighted > 0 && pool * heavyWeight >= uncappedWeighted;
        if (heavyCapped)
        {
            pool -= heavyRemaining;
            uncappedWeighted -= heavyWeighted;
        }

        var numerators = new System.Numerics.BigInteger[claims.Length];
        for (var i = 0; i < claims.Length; i++)
        {
            var claim = claims[i];
            var isHeavy = (claim.Category == ProgramCategory.Flagship) == heavierIsFlagship;
            var weight = claim.Category == ProgramCategory.Flagship ? flagshipWeight : basicWeight;
            numerators[i] = heavyCapped && isHeavy ? claim.Remaining * uncappedWeighted : pool * claim.Remaining * weight;
        }

        LargestRemainderExact.DistributeExactly(request.Pool, numerators, uncappedWeighted, shares);
    }

    private static (Int128 Flagship, Int128 Basic) ScaledWeights(decimal flagshipWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(flagshipWeight);
        var bits = decimal.GetBits(flagshipWeight);
        var scale = (bits[3] >> 16) & 0xFF;

        // The words are unsigned bit patterns (a checked cast of one with its top bit set would throw).
        Int128 mantissa = ((Int128)unchecked((uint)bits[2]) << 64) | ((Int128)unchecked((uint)bits[1]) << 32) | unchecked((uint)bits[0]);
        Int128 basic = 1;
        for (var i = 0; i < scale; i++)
        {
            basic *= 10;
        }

        return (mantissa, basic);
    }
}

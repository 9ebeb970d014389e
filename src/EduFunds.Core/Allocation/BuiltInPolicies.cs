using System.Buffers;
using EduFunds.Programs;

namespace EduFunds.Allocation;

/// <summary>Scratch buffers for exact shares, rented so that a policy does not allocate per call.</summary>
internal ref struct ShareScratch
{
    private const int StackLimit = 64;
    private Int128[]? rented;

    public ShareScratch(int length, Span<Int128> stackBuffer)
    {
        Numerators = length <= stackBuffer.Length
            ? stackBuffer[..length]
            : (rented = ArrayPool<Int128>.Shared.Rent(length)).AsSpan(0, length);
        Numerators.Clear();
    }

    public static int StackSize => StackLimit;

    public Span<Int128> Numerators { get; }

    public readonly void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<Int128>.Shared.Return(rented);
        }
    }
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
    /// Shares <paramref name="pool"/> in proportion to <paramref name="weights"/> (whole minor
    /// units, largest remainder), adding to <paramref name="shares"/>. The caller guarantees that
    /// the pool is below the sum of the weights when weights are the caps.
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

        Span<Int128> stack = stackalloc Int128[ShareScratch.StackSize];
        using var scratch = new ShareScratch(weights.Length, stack);
        var numerators = scratch.Numerators;
        for (var i = 0; i < weights.Length; i++)
        {
            numerators[i] = checked((Int128)pool * weights[i]);
        }

        long[]? rentedParts = null;
        var parts = weights.Length <= ShareScratch.StackSize
            ? stackalloc long[weights.Length]
            : (rentedParts = ArrayPool<long>.Shared.Rent(weights.Length)).AsSpan(0, weights.Length);
        try
        {
            LargestRemainder.Distribute(pool, numerators, total, parts);
            for (var i = 0; i < parts.Length; i++)
            {
                shares[i] = checked(shares[i] + parts[i]);
            }
        }
        finally
        {
            if (rentedParts is not null)
            {
                ArrayPool<long>.Shared.Return(rentedParts);
            }
        }
    }
}

/// <summary>Proportional: share = pool x R / sum(R); everyone gets R when the pool covers all.</summary>
public sealed class ProportionalPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => AllocationPolicies.Proportional;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var claims = request.Claims;
        if (request.Pool >= PolicyMath.TotalRemaining(claims))
        {
            PolicyMath.FillAll(claims, shares);
            return;
        }

        long[]? rented = null;
        var remaining = claims.Length <= ShareScratch.StackSize
            ? stackalloc long[claims.Length]
            : (rented = ArrayPool<long>.Shared.Rent(claims.Length)).AsSpan(0, claims.Length);
        try
        {
            for (var i = 0; i < claims.Length; i++)
            {
                remaining[i] = claims[i].Remaining;
            }

            PolicyMath.AddProportional(request.Pool, remaining, shares);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>Priority: in order of priority then id, each is filled completely before the next gets anything.</summary>
public sealed class PriorityPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => AllocationPolicies.Priority;

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
public sealed class ViabilityFirstPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => AllocationPolicies.ViabilityFirst;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var claims = request.Claims;
        long[]? rented = null;
        var open = claims.Length <= ShareScratch.StackSize
            ? stackalloc long[claims.Length]
            : (rented = ArrayPool<long>.Shared.Rent(claims.Length)).AsSpan(0, claims.Length);
        try
        {
            var left = request.Pool;
            long openTotal = 0;
            for (var i = 0; i < claims.Length; i++)
            {
                var lift = claims[i].Shortfall;
                if (lift <= left)
                {
                    shares[i] = lift;
                    left -= lift;
                    open[i] = claims[i].Remaining - lift;
                    openTotal = checked(openTotal + open[i]);
                }
                else
                {
                    open[i] = 0; // skipped: nothing more this year
                }
            }

            if (left >= openTotal)
            {
                for (var i = 0; i < claims.Length; i++)
                {
                    shares[i] += open[i];
                }
            }
            else
            {
                PolicyMath.AddProportional(left, open, shares);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>Equal: share = min(R, L), the level L chosen so that the shares add up to the pool (water-filling).</summary>
public sealed class EqualPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => AllocationPolicies.Equal;

    /// <inheritdoc />
    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var claims = request.Claims;
        if (request.Pool >= PolicyMath.TotalRemaining(claims))
        {
            PolicyMath.FillAll(claims, shares);
            return;
        }

        var n = claims.Length;
        int[]? rentedIndex = null;
        long[]? rentedKeys = null;
        var order = n <= ShareScratch.StackSize ? stackalloc int[n] : (rentedIndex = ArrayPool<int>.Shared.Rent(n)).AsSpan(0, n);
        var keys = n <= ShareScratch.StackSize ? stackalloc long[n] : (rentedKeys = ArrayPool<long>.Shared.Rent(n)).AsSpan(0, n);
        Span<Int128> stack = stackalloc Int128[ShareScratch.StackSize];
        using var scratch = new ShareScratch(n, stack);
        try
        {
            // Claims with nothing to receive take no part in the level.
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                if (claims[i].Remaining > 0)
                {
                    keys[count] = claims[i].Remaining;
                    order[count++] = i;
                }
            }

            // Equal needs are capped together, so the order among them does not matter.
            keys[..count].Sort(order[..count]);

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
            var numerators = scratch.Numerators;
            for (var j = 0; j < count; j++)
            {
                numerators[order[j]] = j < capped ? checked((Int128)keys[j] * k) : pool;
            }

            LargestRemainder.Distribute(request.Pool, numerators, k, shares);
        }
        finally
        {
            if (rentedIndex is not null)
            {
                ArrayPool<int>.Shared.Return(rentedIndex);
            }

            if (rentedKeys is not null)
            {
                ArrayPool<long>.Shared.Return(rentedKeys);
            }
        }
    }
}

/// <summary>
/// Visibility-weighted: share = min(R, L x w x R), w = the flagship weight for a flagship program
/// and 1 for a basic one, L chosen so the shares add up to the pool. Models the bias toward
/// visible events.
/// </summary>
public sealed class VisibilityWeightedPolicy : IAllocationPolicy
{
    /// <inheritdoc />
    public string Name => AllocationPolicies.VisibilityWeighted;

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
        Span<Int128> stack = stackalloc Int128[ShareScratch.StackSize];
        using var scratch = new ShareScratch(claims.Length, stack);
        var numerators = scratch.Numerators;
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

    private static (Int128 Flagship, Int128 Basic) ScaledWeights(decimal flagshipWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(flagshipWeight);
        var bits = decimal.GetBits(flagshipWeight);
        var scale = (bits[3] >> 16) & 0xFF;
        Int128 mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        Int128 basic = 1;
        for (var i = 0; i < scale; i++)
        {
            basic *= 10;
        }

        return (mantissa, basic);
    }
}

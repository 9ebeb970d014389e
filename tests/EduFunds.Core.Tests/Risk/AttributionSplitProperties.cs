using EduFunds.Risk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Risk;

/// <summary>
/// The indicators split each program-year's pool share over the year's streams on 64-bit
/// integers (<see cref="RiskAttribution.SplitShare"/>); the parts must be the largest remainder
/// rule's by definition: floors of share x weight / sum, then one unit each to the largest
/// remainders, ties to the lower index.
/// </summary>
public class AttributionSplitProperties
{
    [Property(MaxTest = 500)]
    public Property SplitShare_GivesTheLargestRemainderParts(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(1, random.Next(2) == 0 ? 20 : 2_000);
        var magnitude = new[] { 10L, 1_000_000L, 1_000_000_000_000L }[random.Next(3)];
        var weights = Enumerable.Range(0, count).Select(_ => random.Next(4) == 0 ? magnitude : random.NextInt64(1, magnitude + 1)).ToArray();
        var sum = weights.Sum();
        var share = Math.Min(random.NextInt64(1, 100_000_000_000), long.MaxValue / weights.Max());
        var parts = new long[count];
        RiskAttribution.SplitShare(share, weights, sum, parts, new long[count]);

        var numerators = weights.Select(w => (Int128)share * w).ToArray();
        var expected = numerators.Select(x => (long)(x / sum)).ToArray();
        var order = Enumerable.Range(0, count).OrderByDescending(i => numerators[i] % sum).ThenBy(i => i).ToArray();
        var left = share - expected.Sum();
        for (var k = 0; k < left; k++)
        {
            expected[order[k]]++;
        }

        return parts.SequenceEqual(expected).Label($"seed {seed}: {count} weights of up to {magnitude}, share {share}");
    }
}

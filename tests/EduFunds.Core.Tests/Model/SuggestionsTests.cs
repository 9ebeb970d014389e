using System.Diagnostics;
using EduFunds.Model;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Model;

/// <summary>"Did you mean": bounded work whatever the input.</summary>
public sealed class SuggestionsTests
{
    [Property(MaxTest = 300)]
    public bool Distance_EqualsTheFullMatrix(string? a, string? b)
    {
        a = (a ?? string.Empty)[..Math.Min((a ?? string.Empty).Length, 30)];
        b = (b ?? string.Empty)[..Math.Min((b ?? string.Empty).Length, 30)];
        return Suggestions.Distance(a, b) == FullMatrix(a, b);
    }

    [Fact]
    public void Closest_OfAHugeText_IsNoneAndFast()
    {
        var huge = new string('x', 50_000);
        var watch = Stopwatch.StartNew();

        Assert.Null(Suggestions.Closest(huge, Enumerable.Range(0, 1000).Select(i => new string('x', 49_990 + (i % 20)))));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("district-grant", Suggestions.Closest("distrct-grant", ["district-grant", "donation"]));
    }

    private static int FullMatrix(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}

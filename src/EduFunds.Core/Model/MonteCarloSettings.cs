namespace EduFunds.Model;

/// <summary>Monte Carlo defaults of a workbook.</summary>
public sealed record MonteCarloSettings
{
    /// <summary>Creates the settings.</summary>
    /// <param name="runs">Number of runs, at least 1 (default 10,000).</param>
    /// <param name="seed">Seed (default 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runs"/> is less than 1.</exception>
    public MonteCarloSettings(int runs = 10_000, long seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        Runs = runs;
        Seed = seed;
    }

    private MonteCarloSettings(int runs, long seed, bool trusted)
    {
        _ = trusted;
        Runs = runs;
        Seed = seed;
    }

    /// <summary>Number of runs, at least 1.</summary>
    public int Runs { get; }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>Settings as read, not yet checked; the caller reports what is wrong with them.</summary>
    internal static MonteCarloSettings Unchecked(int runs, long seed) => new(runs, seed, trusted: true);
}


namespace EduFunds.Simulation;

/// <summary>
/// The version of the mapping from (seed, run, stream, year) to random numbers (DESIGN.md
/// "Monte Carlo": "the mapping from seed to numbers is versioned"). Results of different
/// versions are different samples: saved results record it, and merging refuses to mix them.
/// </summary>
public static class RandomMapping
{
    /// <summary>
    /// The current version. Raise it in the same change that alters any draw (the generator,
    /// how a seed and run index become its state, the order or number of draws, the
    /// distributions' algorithms).
    /// </summary>
    public const int Version = 1;
}

namespace EduFunds.Simulation;

/// <summary>The results looked up as a user holds them: by program id and fiscal year.</summary>
public sealed partial class SimulationResult
{
    /// <summary>Probability that the program stalls at least once in the projection (by the horizon).</summary>
    /// <param name="programId">The program id.</param>
    /// <returns>The estimate with its sampling error.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    public Proportion StallProbability(string programId) => StallProbabilityAt(ProgramIndex(programId));

    /// <summary>Probability that the program is shelved by the end of the projection.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns>The estimate with its sampling error.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    public Proportion ShelveProbability(string programId) => ShelveProbabilityAt(ProgramIndex(programId));

    /// <summary>Probability that the program has stalled at least once by the end of <paramref name="year"/>.</summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">A fiscal year of the projection.</param>
    /// <returns>The estimate with its sampling error.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the projection.</exception>
    public Proportion StalledBy(string programId, int year) => StalledByAt(ProgramIndex(programId), YearIndex(year));

    /// <summary>Probability that the program is shelved by the end of <paramref name="year"/> (its shelved year is that year or earlier).</summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">A fiscal year of the projection.</param>
    /// <returns>The estimate with its sampling error.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the projection.</exception>
    public Proportion ShelvedBy(string programId, int year) => ShelvedByAt(ProgramIndex(programId), YearIndex(year));

    /// <summary>Probability that the program first stalls in <paramref name="year"/>.</summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">A fiscal year of the projection.</param>
    /// <returns>The estimate with its sampling error.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the projection.</exception>
    public Proportion FirstStallIn(string programId, int year) => FirstStallInAt(ProgramIndex(programId), YearIndex(year));

    /// <summary>Probability that the program never stalls in the projection.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns>The estimate with its sampling error.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    public Proportion NeverStalls(string programId) => NeverStallsAt(ProgramIndex(programId));

    /// <summary>
    /// A percentile of the program's funding ratio F / N in a year over the runs (PERCENTILE.INC
    /// of the ratios rounded to 0.001); a stalled or shelved year counts as 0.
    /// </summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">A fiscal year of the projection.</param>
    /// <param name="p">The percentile as a fraction (0.1, 0.5, 0.9).</param>
    /// <returns>The percentile, or null when the program is inactive that year.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the projection.</exception>
    public double? FundingRatioPercentile(string programId, int year, double p) =>
        FundingRatioPercentileAt(ProgramIndex(programId), YearIndex(year), p);

    /// <summary>A percentile of the year's pool over the runs, in minor units of the workbook currency (PERCENTILE.INC, rounded half to even to a whole minor unit).</summary>
    /// <param name="year">A fiscal year of the projection.</param>
    /// <param name="p">The percentile as a fraction.</param>
    /// <returns>The percentile in minor units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the projection.</exception>
    public long PoolPercentileMinorUnits(int year, double p) => PoolPercentileAt(YearIndex(year), p);

    private int ProgramIndex(string programId)
    {
        ArgumentNullException.ThrowIfNull(programId);
        var index = IndexOf(programId);
        return index >= 0 ? index : throw new KeyNotFoundException($"No program '{programId}' in the simulation.");
    }

    private int YearIndex(int year) =>
        Years.Contains(year)
            ? year - Years.From
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"The simulation covers {Years.From}-{Years.To}.");
}

using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Engine;

/// <summary>A deterministic multi-year projection of a workbook under a scenario and policy.</summary>
public sealed class ProjectionResult
{
    private readonly Dictionary<string, int> programIndex;
    private readonly Dictionary<string, int> streamIndex;

    /// <summary>Creates a result.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="scenarioName">The scenario, or null for the base case.</param>
    /// <param name="policyOverride">The policy given by the caller, overriding the workbook's and the scenario's, or null.</param>
    /// <param name="streams">The streams (including added ones).</param>
    /// <param name="summaries">One summary per program (including added ones), in program order.</param>
    /// <param name="years">One result per year.</param>
    public ProjectionResult(
        Workbook workbook,
        string? scenarioName,
        string? policyOverride,
        IReadOnlyList<FundingStream> streams,
        IReadOnlyList<ProgramSummary> summaries,
        IReadOnlyList<YearResult> years)
    {
        Workbook = workbook;
        ScenarioName = scenarioName;
        PolicyOverride = policyOverride;
        Streams = streams;
        Programs = summaries;
        Years = years;
        programIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < summaries.Count; i++)
        {
            programIndex[summaries[i].Program.Id] = i;
        }

        streamIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < streams.Count; i++)
        {
            streamIndex[streams[i].Id] = i;
        }
    }

    /// <summary>The workbook projected.</summary>
    public Workbook Workbook { get; }

    /// <summary>The scenario, or null for the base case.</summary>
    public string? ScenarioName { get; }

    /// <summary>The policy that overrode the workbook's and scenario's, or null.</summary>
    public string? PolicyOverride { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency => Workbook.Currency;

    /// <summary>The streams, including those the scenario adds.</summary>
    public IReadOnlyList<FundingStream> Streams { get; }

    /// <summary>The programs with their summaries, including those the scenario adds.</summary>
    public IReadOnlyList<ProgramSummary> Programs { get; }

    /// <summary>The years, in order.</summary>
    public IReadOnlyList<YearResult> Years { get; }

    /// <summary>Returns one program's result in one year.</summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">The fiscal year.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">Unknown program.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Year outside the projection.</exception>
    public ProgramYearResult Get(string programId, int year)
    {
        if (!programIndex.TryGetValue(programId, out var index))
        {
            throw new KeyNotFoundException($"No program '{programId}' in the projection.");
        }

        return GetYear(year).Programs[index];
    }

    /// <summary>Returns one year of the projection.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>The year's result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Year outside the projection.</exception>
    public YearResult GetYear(int year)
    {
        var offset = Years.Count == 0 ? -1 : year - Years[0].Year;
        if (offset < 0 || offset >= Years.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The projection covers {Workbook.Years.From}-{Workbook.Years.To}.");
        }

        return Years[offset];
    }

    /// <summary>Returns one stream's money in one year, after the scenario's changes.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="year">The fiscal year.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="KeyNotFoundException">Unknown stream.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Year outside the projection.</exception>
    public Money GetStreamAmount(string streamId, int year)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        var yearResult = GetYear(year);
        return streamIndex.TryGetValue(streamId, out var index)
            ? Money.FromMinorUnits(yearResult.Streams[index].AmountMinorUnits, Currency)
            : throw new KeyNotFoundException($"No stream '{streamId}' in the projection.");
    }

    /// <summary>Returns one program's summary.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="KeyNotFoundException">Unknown program.</exception>
    public ProgramSummary GetSummary(string programId) =>
        programIndex.TryGetValue(programId, out var index)
            ? Programs[index]
            : throw new KeyNotFoundException($"No program '{programId}' in the projection.");
}

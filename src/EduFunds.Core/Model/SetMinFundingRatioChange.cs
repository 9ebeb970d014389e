namespace EduFunds.Model;

/// <summary>Change a program's minimum funding ratio from From on.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record SetMinFundingRatioChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="programId">The program.</param>
    /// <param name="minFundingRatio">The ratio, 0 &lt; m &lt;= 1.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public SetMinFundingRatioChange(int from, string programId, decimal minFundingRatio)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Id(programId, nameof(programId)), Preconditions.Ratio(minFundingRatio, nameof(minFundingRatio)), trusted: true)
    {
    }

    private SetMinFundingRatioChange(int from, string programId, decimal minFundingRatio, bool trusted)
        : base(from)
    {
        _ = trusted;
        ProgramId = programId;
        MinFundingRatio = minFundingRatio;
    }

    /// <summary>The program.</summary>
    public override string ProgramId { get; }

    /// <summary>The ratio, 0 &lt; m &lt;= 1.</summary>
    public decimal MinFundingRatio { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.SetMinFundingRatio;

    /// <inheritdoc/>
    public override decimal? Value => MinFundingRatio;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static SetMinFundingRatioChange Unchecked(int from, string programId, decimal minFundingRatio) => new(from, programId, minFundingRatio, trusted: true);
}

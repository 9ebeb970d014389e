using System.Globalization;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <summary>Every risk indicator of one program (DESIGN.md "Risk indicators"). Ratios with nothing to divide by are null.</summary>
public sealed record ProgramRisk
{
    /// <summary>Rank in the report, 1 = most at risk.</summary>
    public required int Rank { get; init; }

    /// <summary>The program.</summary>
    public required EducationProgram Program { get; init; }

    /// <summary>The risk level.</summary>
    public required RiskLevel Level { get; init; }

    /// <summary>All it received over its active years (minor units).</summary>
    public required long ReceivedMinorUnits { get; init; }

    /// <summary>What it received by source, largest first.</summary>
    public required IReadOnlyList<StreamContribution> Sources { get; init; }

    /// <summary>Part of what it received that came from one-off streams.</summary>
    public required double? OneOffShare { get; init; }

    /// <summary>Herfindahl index of what it received by source (1 = a single source).</summary>
    public required double? Concentration { get; init; }

    /// <summary>1 / concentration: the effective number of sources.</summary>
    public double? EffectiveSources => Concentration is { } h && h > 0 ? 1.0 / h : null;

    /// <summary>The first active year in the projection, or null if never active.</summary>
    public required int? FirstYear { get; init; }

    /// <summary>F / N in its first active year.</summary>
    public required double? FirstCoverage { get; init; }

    /// <summary>The lowest F / N over its active years (a stall year counts 0).</summary>
    public required double? LowestCoverage { get; init; }

    /// <summary>The year of the lowest coverage (the first such year).</summary>
    public required int? LowestCoverageYear { get; init; }

    /// <summary>(F - M) / N in its first active year.</summary>
    public required double? Headroom { get; init; }

    /// <summary>N minus the money received from recurring streams in its first active year, when positive (minor units); null otherwise.</summary>
    public required long? StructuralGapMinorUnits { get; init; }

    /// <summary>
    /// The funding cliff (DESIGN.md): the one-off stream it received money from that ends first
    /// within the projection, ties to the larger part of its need covered, then the stream id
    /// (ordinal); or null. The reason text names the first cliff in the same order that covered at
    /// least <see cref="RiskThresholds.CliffReasonShare"/>.
    /// </summary>
    public required FundingCliff? Cliff { get; init; }

    /// <summary>First stall year in the deterministic projection.</summary>
    public required int? FirstStallYear { get; init; }

    /// <summary>Shelved year in the deterministic projection.</summary>
    public required int? ShelvedYear { get; init; }

    /// <summary>Monte Carlo probability of stalling at least once by the horizon, or null without a simulation.</summary>
    public required Proportion? StallProbability { get; init; }

    /// <summary>Monte Carlo probability of being shelved by the horizon, or null.</summary>
    public required Proportion? ShelveProbability { get; init; }

    /// <summary>The stream whose loss makes it stall soonest (or, failing that, raises its stall probability most), or null.</summary>
    public required TornadoEntry? KeyDependency { get; init; }

    /// <summary>The effect of losing each stream, largest effect first (streams with no effect on it and no money to it are left out).</summary>
    public required IReadOnlyList<TornadoEntry> Tornado { get; init; }

    /// <summary>True when it shows the digital-skills pattern.</summary>
    public required bool DigitalSkillsPattern { get; init; }

    /// <summary>The reasons, in reading order.</summary>
    public required IReadOnlyList<RiskReason> Reasons { get; init; }

    /// <summary>The reasons as one sentence, joined by "; " (empty for a low-risk program without reasons).</summary>
    public string Summary => string.Join("; ", Reasons.Select(r => r.Text));

    /// <summary>The reasons as one sentence in the language of <paramref name="culture"/> ("; " in English, "；" in Chinese).</summary>
    /// <param name="culture">The language; the current culture is never read.</param>
    /// <returns>The sentence (empty for a program without reasons).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string GetSummary(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return string.Join(new CoreMessage("ReasonSeparator").Format(culture), Reasons.Select(r => r.GetText(culture)));
    }
}

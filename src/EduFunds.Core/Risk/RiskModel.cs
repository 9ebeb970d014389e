using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <summary>How much a program is at risk of stalling.</summary>
public enum RiskLevel
{
    /// <summary>No flag raised.</summary>
    Low,

    /// <summary>Stall probability &gt;= 0.2, one-off share &gt;= 0.5 or first-year headroom &lt; 0.1.</summary>
    Elevated,

    /// <summary>Stalls in the deterministic projection, or stall probability &gt;= 0.5.</summary>
    High,
}

/// <summary>The kind of a risk reason.</summary>
public enum RiskReasonKind
{
    /// <summary>Most of its money is one-off.</summary>
    OneOffShare,

    /// <summary>A one-off stream it depends on ends within the projection.</summary>
    FundingCliff,

    /// <summary>Recurring money does not cover its need in its first active year.</summary>
    StructuralGap,

    /// <summary>It stalls (and maybe is shelved) in the deterministic projection.</summary>
    Stalls,

    /// <summary>Its Monte Carlo stall probability is at or above a threshold.</summary>
    StallProbability,

    /// <summary>Its first-year funding is close to (or below) its minimum.</summary>
    LowHeadroom,

    /// <summary>Losing one stream makes it stall (early).</summary>
    KeyDependency,

    /// <summary>It has the profile of the program that stalled in the case study.</summary>
    DigitalSkillsPattern,
}

/// <summary>
/// One reason why a program is at risk, as text and as numbers. Fields that do not apply to
/// the kind are null.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">Plain-language text built from the numbers (invariant formatting).</param>
/// <param name="Value">The main figure: a share, a probability, a headroom (fractions), or null.</param>
/// <param name="HalfWidth95">The 95% half-width of <paramref name="Value"/> when it is a Monte Carlo estimate.</param>
/// <param name="Year">The year the reason is about (stall year, last year of a cliff stream, first active year), or null.</param>
/// <param name="SecondYear">A second year (shelved year, year the stall happens without the key stream), or null.</param>
/// <param name="StreamId">The stream the reason is about, or null.</param>
/// <param name="Amount">An amount in minor units (structural gap), or null.</param>
public sealed record RiskReason(
    RiskReasonKind Kind,
    string Text,
    double? Value = null,
    double? HalfWidth95 = null,
    int? Year = null,
    int? SecondYear = null,
    string? StreamId = null,
    long? Amount = null);

/// <summary>
/// Money a program received from one source over its active years: restricted money that
/// arrived for it plus its attributed pool shares.
/// </summary>
/// <param name="StreamId">The stream id, or <see cref="CarryOverId"/> for carried-over pool money.</param>
/// <param name="StreamName">The stream name.</param>
/// <param name="Recurrence">Recurring or one-off; null for carried-over pool money (neither).</param>
/// <param name="Amount">Minor units.</param>
/// <param name="Share">Part of all the program received.</param>
public sealed record StreamContribution(string StreamId, string StreamName, Recurrence? Recurrence, long Amount, double Share)
{
    /// <summary>The id of the pseudo-source for pool money carried over from earlier years.</summary>
    public const string CarryOverId = "carry-over";
}

/// <summary>A one-off stream a program depends on that ends within the projection.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="StreamName">Its name.</param>
/// <param name="LastYear">The last year the stream pays.</param>
/// <param name="Year">The cliff: the first year without it (<paramref name="LastYear"/> + 1).</param>
/// <param name="CoveredShare">The part of the program's need it covered in its last year (at most 1).</param>
public sealed record FundingCliff(string StreamId, string StreamName, int LastYear, int Year, double CoveredShare);

/// <summary>The effect on one program of losing one stream from the first year.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="StreamName">Its name.</param>
/// <param name="Received">What the program received from it in the projection (minor units).</param>
/// <param name="FirstStallYear">The program's first stall year without the stream, or null if it never stalls.</param>
/// <param name="ShelvedYear">Its shelved year without the stream, or null.</param>
/// <param name="StallProbability">Its Monte Carlo stall probability without the stream, or null when the tornado had no Monte Carlo part for it.</param>
/// <param name="StallProbabilityEffect">That probability minus the base probability of the same tornado runs, or null.</param>
public sealed record TornadoEntry(
    string StreamId,
    string StreamName,
    long Received,
    int? FirstStallYear,
    int? ShelvedYear,
    Proportion? StallProbability,
    double? StallProbabilityEffect);

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
    public required long Received { get; init; }

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
    public required long? StructuralGap { get; init; }

    /// <summary>The funding cliff with the largest covered share, or null.</summary>
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
}

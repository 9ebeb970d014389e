namespace EduFunds.Risk;

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
/// <param name="AmountMinorUnits">An amount in minor units (structural gap), or null.</param>
public sealed record RiskReason(
    RiskReasonKind Kind,
    string Text,
    double? Value = null,
    double? HalfWidth95 = null,
    int? Year = null,
    int? SecondYear = null,
    string? StreamId = null,
    long? AmountMinorUnits = null);

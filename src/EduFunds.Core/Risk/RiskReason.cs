using System.Globalization;
using EduFunds.Localization;

namespace EduFunds.Risk;

/// <summary>
/// One reason why a program is at risk, as text and as numbers. Fields that do not apply to
/// the kind are null.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">Plain-language text built from the numbers, in English (invariant formatting); <see cref="GetText"/> gives it in another language.</param>
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
    long? AmountMinorUnits = null)
{
    private CoreMessage? words;

    /// <summary>Plain-language text built from the numbers, in English (invariant formatting).</summary>
    public string Text
    {
        get;
        init
        {
            field = value;
            words = null;
        }
    } = Text;

    /// <summary>The text in the language of <paramref name="culture"/> (Simplified Chinese for zh-CN, else English); numbers keep their invariant spelling.</summary>
    /// <param name="culture">The language; the current culture is never read.</param>
    /// <returns>The text (<see cref="Text"/> for a reason made by a caller).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string GetText(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return words?.Format(culture) ?? Text;
    }

    /// <summary>Equal when every field is equal (the words follow from <see cref="Text"/>).</summary>
    /// <param name="other">The other reason.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RiskReason? other) =>
        other is not null && Kind == other.Kind && Text == other.Text && Value == other.Value && HalfWidth95 == other.HalfWidth95
        && Year == other.Year && SecondYear == other.SecondYear && StreamId == other.StreamId && AmountMinorUnits == other.AmountMinorUnits;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Text, Value, HalfWidth95, Year, SecondYear, StreamId, AmountMinorUnits);

    /// <summary>A reason whose text comes from the core's resources.</summary>
    internal static RiskReason Create(
        RiskReasonKind kind,
        CoreMessage text,
        double? Value = null,
        double? HalfWidth95 = null,
        int? Year = null,
        int? SecondYear = null,
        string? StreamId = null,
        long? AmountMinorUnits = null) =>
        new(kind, text.ToString(), Value, HalfWidth95, Year, SecondYear, StreamId, AmountMinorUnits) { words = text };
}

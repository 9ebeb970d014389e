using EduFunds.Cli.Localization;
using EduFunds.Model;

namespace EduFunds.Cli.Output;

/// <summary>
/// The kebab-case names reports use for kinds, recurrences, categories and rounding modes: the
/// spelling of the workbook files (docs/workbook-format.md), each capital of the member's name
/// starting a new word (<c>StreamKind.InKind</c> is <c>in-kind</c>).
/// </summary>
internal static class Names
{
    /// <summary>The kinds in report order.</summary>
    public static IReadOnlyList<StreamKind> Kinds { get; } = Enum.GetValues<StreamKind>();

    /// <summary>The workbook name of a stream kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>district-grant, project-fund, donation, sponsorship, in-kind or other.</returns>
    public static string Of(StreamKind kind) => Kebab(kind);

    /// <summary>The workbook name of a recurrence.</summary>
    /// <param name="recurrence">The recurrence.</param>
    /// <returns>recurring or one-off.</returns>
    public static string Of(Recurrence recurrence) => Kebab(recurrence);

    /// <summary>The workbook name of a category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>basic or flagship.</returns>
    public static string Of(ProgramCategory category) => Kebab(category);

    /// <summary>The workbook name of a rounding mode.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>half-even or half-away-from-zero.</returns>
    public static string Of(EduFunds.Monetary.RoundingMode mode) => Kebab(mode);

    /// <summary>Reads a stream kind by its workbook name (case and surrounding white space ignored).</summary>
    /// <param name="text">The name, for example <c>district-grant</c>.</param>
    /// <param name="kind">The kind when the name is known.</param>
    /// <returns>True when <paramref name="text"/> names a kind.</returns>
    public static bool TryParse(string? text, out StreamKind kind)
    {
        foreach (var candidate in Kinds)
        {
            if (string.Equals(Of(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// The kebab-case spelling of an enum member (the workbook names above, and report enums such
    /// as risk level and reason kind): each capital starts a new word, as in <c>DigitalSkillsPattern</c> -> <c>digital-skills-pattern</c>.
    /// </summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The name.</returns>
    public static string Kebab<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var pascal = value.ToString();
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    /// <summary>A stream kind as people read it in their language.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="t">The texts.</param>
    /// <returns>The name.</returns>
    public static string Human(StreamKind kind, Texts t) => t["kind." + Of(kind)];

    /// <summary>A recurrence as people read it in their language.</summary>
    /// <param name="recurrence">The recurrence.</param>
    /// <param name="t">The texts.</param>
    /// <returns>The name.</returns>
    public static string Human(Recurrence recurrence, Texts t) => t["recurrence." + Of(recurrence)];

    /// <summary>A program category as people read it in their language.</summary>
    /// <param name="category">The category.</param>
    /// <param name="t">The texts.</param>
    /// <returns>The name.</returns>
    public static string Human(ProgramCategory category, Texts t) => t["category." + Of(category)];

    /// <summary>The snake_case column name of a kind's money (district_grant, in_kind).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The column name.</returns>
    public static string Column(StreamKind kind) => Of(kind).Replace('-', '_');
}

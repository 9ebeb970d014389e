using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace EduFunds.Model;

/// <summary>
/// The kebab-case names under which enum values are written in workbook files and reports:
/// <c>district-grant</c>, <c>project-fund</c>, <c>in-kind</c>, <c>one-off</c>, <c>flagship</c>,
/// <c>half-away-from-zero</c>. The name of a member is its C# name split at capitals and joined
/// with hyphens in lower case (<c>StreamKind.DistrictGrant</c> is <c>district-grant</c>).
/// </summary>
/// <remarks>
/// Used by the workbook reader and writer and by the reports, so that every file spells a value
/// the same way. Parsing ignores case and surrounding white space; writing always gives the
/// lower-case form.
/// </remarks>
internal static class WorkbookNames
{
    /// <summary>The kebab-case name of <paramref name="value"/>.</summary>
    /// <typeparam name="TEnum">The enum type, for example <see cref="StreamKind"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The name, for example <c>district-grant</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined member.</exception>
    public static string ToName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        NameTable<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name} value.");

    /// <summary>Reads a kebab-case name (case and surrounding white space ignored).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The name, for example <c>one-off</c>.</param>
    /// <param name="value">The value when the name is known.</param>
    /// <returns>True when <paramref name="text"/> names a member of <typeparamref name="TEnum"/>.</returns>
    public static bool TryParse<TEnum>([NotNullWhen(true)] string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        if (text is not null && NameTable<TEnum>.ByName.TryGetValue(text.Trim(), out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a kebab-case name (case and surrounding white space ignored).</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="text">The name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The name is unknown; the message lists the valid names.</exception>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a valid {typeof(TEnum).Name}; expected one of {Describe<TEnum>()}.");
    }

    /// <summary>Every valid name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The names, for example <c>basic</c>, <c>flagship</c>.</returns>
    public static IReadOnlyList<string> Names<TEnum>()
        where TEnum : struct, Enum => NameTable<TEnum>.Names;

    /// <summary>The valid names as a list for messages: <c>basic, flagship</c>.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <returns>The names separated by commas.</returns>
    public static string Describe<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", NameTable<TEnum>.Names);

    /// <summary>Turns a PascalCase identifier into kebab case: <c>HalfAwayFromZero</c> becomes <c>half-away-from-zero</c>.</summary>
    /// <param name="identifier">The identifier.</param>
    /// <returns>The kebab-case form.</returns>
    internal static string ToKebabCase(string identifier)
    {
        var builder = new StringBuilder(identifier.Length + 4);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Immutable lookup tables, built once per enum type.
    private static class NameTable<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Names;
        public static readonly FrozenDictionary<TEnum, string> ByValue;
        public static readonly FrozenDictionary<string, TEnum> ByName;

        static NameTable()
        {
            var values = Enum.GetValues<TEnum>();
            var names = new string[values.Length];
            var byValue = new Dictionary<TEnum, string>();
            var byName = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < values.Length; i++)
            {
                var name = ToKebabCase(values[i].ToString());
                names[i] = name;
                byValue[values[i]] = name;
                byName[name] = values[i];
            }

            Names = names;
            ByValue = byValue.ToFrozenDictionary();
            ByName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
    }
}

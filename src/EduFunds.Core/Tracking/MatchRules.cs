using System.Text.RegularExpressions;
using EduFunds.Localization;

namespace EduFunds.Tracking;

/// <summary>How a rule's pattern is compared with a cell.</summary>
internal enum MatchKind
{
    /// <summary>The cell contains the pattern (case-insensitive, ordinal).</summary>
    Contains,

    /// <summary>The cell equals the pattern (case-insensitive, ordinal; surrounding spaces ignored).</summary>
    Exact,

    /// <summary>The pattern is a .NET regular expression that matches somewhere in the cell (case-insensitive, culture-invariant).</summary>
    Regex,
}

/// <summary>What a rule sets when it matches.</summary>
internal enum MatchTarget
{
    /// <summary>The stream id.</summary>
    Stream,

    /// <summary>The program id.</summary>
    Program,

    /// <summary>The entry type (receipt or expense).</summary>
    Type,
}

/// <summary>
/// One matching rule: when <see cref="Field"/> of an export row matches <see cref="Pattern"/>,
/// the row's stream, program or type is <see cref="Value"/>. Immutable and thread-safe.
/// </summary>
internal sealed class MatchRule : IEquatable<MatchRule>
{
    /// <summary>The longest a regular expression may take on one cell.</summary>
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex? regex;

    /// <summary>Creates a rule.</summary>
    /// <param name="field">A column of the export: a field name of the column map (memo, reference, ...), a header name of the export, or <c>*</c> for any column.</param>
    /// <param name="match">How the pattern is compared.</param>
    /// <param name="pattern">The text or regular expression.</param>
    /// <param name="target">What the rule sets.</param>
    /// <param name="value">The stream id, program id, or <c>receipt</c>/<c>expense</c>.</param>
    /// <param name="line">The rule's line in its file (for messages), or 0.</param>
    /// <exception cref="ArgumentException">The pattern is empty or not a valid regular expression.</exception>
    public MatchRule(string field, MatchKind match, string pattern, MatchTarget target, string value, int line = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(value);
        Field = field;
        Match = match;
        Pattern = pattern;
        Target = target;
        Value = value;
        Line = line;
        if (match == MatchKind.Regex)
        {
            regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }
    }

    /// <summary>The column the rule looks at (a map field name, an export header name, or <c>*</c>).</summary>
    public string Field { get; }

    /// <summary>How the pattern is compared.</summary>
    public MatchKind Match { get; }

    /// <summary>The text or regular expression.</summary>
    public string Pattern { get; }

    /// <summary>What the rule sets.</summary>
    public MatchTarget Target { get; }

    /// <summary>The stream id, program id, or entry type it sets.</summary>
    public string Value { get; }

    /// <summary>The rule's line in its file, or 0.</summary>
    public int Line { get; }

    /// <inheritdoc />
    public bool Equals(MatchRule? other) =>
        other is not null && Field == other.Field && Match == other.Match && Pattern == other.Pattern
        && Target == other.Target && Value == other.Value && Line == other.Line;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MatchRule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Field, Match, Pattern, Target, Value, Line);

    /// <summary>Whether the rule matches a cell.</summary>
    /// <param name="cell">The cell text.</param>
    /// <returns>True when it matches.</returns>
    public bool IsMatch(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return Match switch
        {
            MatchKind.Contains => cell.Contains(Pattern, StringComparison.OrdinalIgnoreCase),
            MatchKind.Exact => string.Equals(cell.Trim(), Pattern.Trim(), StringComparison.OrdinalIgnoreCase),
            _ => regex!.IsMatch(cell),
        };
    }
}

/// <summary>
/// An ordered list of rules that turn an export's text into stream ids, program ids or entry
/// types. For each target, the first rule in file order that matches wins. Read from a rules file
/// into an <see cref="ImportOptions"/> by <c>LedgerFile.ReadImportRules</c> (EduFunds.IO). Two lists
/// are equal when they hold the same rules in the same order.
/// </summary>
internal sealed class MatchRules : IEquatable<MatchRules>
{
    /// <summary>Creates the list.</summary>
    /// <param name="rules">The rules, in order.</param>
    internal MatchRules(IEnumerable<MatchRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToArray();
    }

    /// <summary>No rules.</summary>
    internal static MatchRules None { get; } = new([]);

    /// <summary>The rules, in order.</summary>
    internal IReadOnlyList<MatchRule> Rules { get; }

    /// <inheritdoc />
    public bool Equals(MatchRules? other) => other is not null && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MatchRules);

    /// <inheritdoc />
    public override int GetHashCode() => Rules.Count;

    /// <summary>Parses a rule target (<c>stream:ID</c>, <c>program:ID</c>, <c>type:receipt|expense</c>) against the workbook's ids.</summary>
    internal static bool TryParseTarget(string text, HashSet<string> streams, HashSet<string> programs, out MatchTarget target, out string value, out CoreMessage? problem)
    {
        target = default;
        value = string.Empty;
        problem = null;
        if (string.Equals(text.Trim(), "overhead", StringComparison.OrdinalIgnoreCase))
        {
            // An expense charged to no program (office supplies): recorded with a blank program.
            target = MatchTarget.Program;
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            problem = new CoreMessage("RuleTargetInvalid", text);
            return false;
        }

        var kind = text[..colon].Trim().ToLowerInvariant();
        value = text[(colon + 1)..].Trim();
        switch (kind)
        {
            case "stream":
                target = MatchTarget.Stream;
                if (!streams.Contains(value))
                {
                    problem = new CoreMessage("RuleTargetStreamUnknown", value);
                    return false;
                }

                return true;
            case "program":
                target = MatchTarget.Program;
                if (!programs.Contains(value))
                {
                    problem = new CoreMessage("RuleTargetProgramUnknown", value);
                    return false;
                }

                return true;
            case "type":
                target = MatchTarget.Type;
                value = value.ToLowerInvariant();
                if (value is not ("receipt" or "expense"))
                {
                    problem = new CoreMessage("RuleTargetTypeInvalid", value);
                    return false;
                }

                return true;
            default:
                problem = new CoreMessage("RuleTargetInvalid", text);
                return false;
        }
    }
}

using System.Text.RegularExpressions;
using EduFunds.Model;

namespace EduFunds.IO;

/// <summary>How a rule's pattern is compared with a cell.</summary>
public enum MatchKind
{
    /// <summary>The cell contains the pattern (case-insensitive, ordinal).</summary>
    Contains,

    /// <summary>The cell equals the pattern (case-insensitive, ordinal; surrounding spaces ignored).</summary>
    Exact,

    /// <summary>The pattern is a .NET regular expression that matches somewhere in the cell (case-insensitive, culture-invariant).</summary>
    Regex,
}

/// <summary>What a rule sets when it matches.</summary>
public enum MatchTarget
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
public sealed class MatchRule
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
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
/// types. For each target, the first rule in file order that matches wins.
/// </summary>
public sealed class MatchRules
{
    /// <summary>Creates the list.</summary>
    /// <param name="rules">The rules, in order.</param>
    public MatchRules(IEnumerable<MatchRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules.ToArray();
    }

    /// <summary>No rules.</summary>
    public static MatchRules None { get; } = new([]);

    /// <summary>The rules, in order.</summary>
    public IReadOnlyList<MatchRule> Rules { get; }

    /// <summary>
    /// Reads a rules file: CSV with the header <c>field,match,pattern,target</c>. <c>match</c> is
    /// contains, exact or regex; <c>target</c> is <c>stream:ID</c>, <c>program:ID</c> or
    /// <c>type:receipt</c>/<c>type:expense</c>. Stream and program ids must exist. Every problem
    /// is collected and reported together.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The file name for messages.</param>
    /// <param name="streamIds">Known stream ids.</param>
    /// <param name="programIds">Known program ids.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="LedgerInputException">The file is invalid.</exception>
    public static MatchRules Read(TextReader reader, string fileName, IReadOnlyCollection<string> streamIds, IReadOnlyCollection<string> programIds)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        var streams = new HashSet<string>(streamIds, StringComparer.Ordinal);
        var programs = new HashSet<string>(programIds, StringComparer.Ordinal);
        var csv = new CsvRecordReader(reader);
        var errors = new List<LedgerInputError>();
        if (!csv.Read())
        {
            throw new LedgerInputException([new LedgerInputError(fileName, 1, 0, "the file is empty; expected a header row 'field,match,pattern,target'")]);
        }

        var names = new[] { "field", "match", "pattern", "target" };
        var index = new int[4];
        for (var n = 0; n < names.Length; n++)
        {
            index[n] = -1;
            for (var i = 0; i < csv.FieldCount; i++)
            {
                if (string.Equals(csv.GetString(i), names[n], StringComparison.OrdinalIgnoreCase))
                {
                    index[n] = i;
                }
            }

            if (index[n] < 0)
            {
                errors.Add(new LedgerInputError(fileName, csv.LineNumber, 0, $"the header has no '{names[n]}' column; expected 'field,match,pattern,target'"));
            }
        }

        if (errors.Count > 0)
        {
            throw new LedgerInputException(errors);
        }

        var rules = new List<MatchRule>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.MalformedField > 0)
            {
                errors.Add(new LedgerInputError(fileName, line, csv.MalformedField, "a quoted field is not closed properly"));
                continue;
            }

            var field = csv.GetString(index[0]);
            var matchText = csv.GetString(index[1]);
            var pattern = csv.GetString(index[2]);
            var targetText = csv.GetString(index[3]);
            var ok = true;
            if (field.Length == 0)
            {
                errors.Add(new LedgerInputError(fileName, line, index[0] + 1, "field is empty; expected a column of the export (memo, reference, a header name) or *"));
                ok = false;
            }

            MatchKind match = default;
            if (!Enum.TryParse(matchText, ignoreCase: true, out match) || !Enum.IsDefined(match) || matchText.Any(char.IsDigit))
            {
                errors.Add(new LedgerInputError(fileName, line, index[1] + 1, $"match '{matchText}' is not one of contains, exact, regex"));
                ok = false;
            }

            if (pattern.Length == 0)
            {
                errors.Add(new LedgerInputError(fileName, line, index[2] + 1, "pattern is empty; expected the text to look for"));
                ok = false;
            }
            else if (ok && match == MatchKind.Regex)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant);
                }
                catch (ArgumentException e)
                {
                    errors.Add(new LedgerInputError(fileName, line, index[2] + 1, $"pattern '{pattern}' is not a valid regular expression: {e.Message}"));
                    ok = false;
                }
            }

            if (!TryParseTarget(targetText, streams, programs, out var target, out var value, out var problem))
            {
                errors.Add(new LedgerInputError(fileName, line, index[3] + 1, problem!));
                ok = false;
            }

            if (ok)
            {
                rules.Add(new MatchRule(field, match, pattern, target, value, line));
            }
        }

        if (errors.Count > 0)
        {
            throw new LedgerInputException(errors);
        }

        return new MatchRules(rules);
    }

    private static bool TryParseTarget(string text, HashSet<string> streams, HashSet<string> programs, out MatchTarget target, out string value, out string? problem)
    {
        target = default;
        value = string.Empty;
        problem = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            problem = $"target '{text}' is not 'stream:ID', 'program:ID' or 'type:receipt|expense'";
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
                    problem = $"target stream '{value}' is not a stream of the workbook";
                    return false;
                }

                return true;
            case "program":
                target = MatchTarget.Program;
                if (!programs.Contains(value))
                {
                    problem = $"target program '{value}' is not a program of the workbook";
                    return false;
                }

                return true;
            case "type":
                target = MatchTarget.Type;
                value = value.ToLowerInvariant();
                if (value is not ("receipt" or "expense"))
                {
                    problem = $"target type '{value}' is not receipt or expense";
                    return false;
                }

                return true;
            default:
                problem = $"target '{text}' is not 'stream:ID', 'program:ID' or 'type:receipt|expense'";
                return false;
        }
    }
}

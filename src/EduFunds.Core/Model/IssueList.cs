using EduFunds.Localization;

namespace EduFunds.Model;

/// <summary>A place in a workbook file: file name, 1-based line and column (0 = not tied to one).</summary>
internal readonly record struct Pos(string File, int Line, int Column);

/// <summary>Collects the problems of a workbook while it is read or built.</summary>
internal sealed class IssueList
{
    private readonly List<ValidationIssue> issues = [];
    private readonly HashSet<(string File, int Line)> suppressed = [];

    public bool HasErrors => ErrorCount > 0;

    /// <summary>Whether a file could not be read to its end (invalid bytes, an over-long record); reported as an error.</summary>
    public bool HasUnreadableFile { get; private set; }

    /// <summary>Adds the error that stopped reading a file.</summary>
    public void Unreadable(Pos pos, CoreMessage message)
    {
        HasUnreadableFile = true;
        Error(pos, message);
    }

    /// <summary>How many errors were added (suppressed ones included).</summary>
    public int ErrorCount { get; private set; }

    /// <summary>
    /// Drops later problems on a line whose cells are known to be shifted (a row with more cells
    /// than the header), so that one missing pair of quotes is reported once, not once per cell.
    /// </summary>
    public void SuppressLine(string file, int line) => suppressed.Add((file, line));

    /// <summary>Adds an error: its code (a key of the core's resources) and the arguments of its text.</summary>
    public void Error(Pos pos, string code, params object?[] args) => Error(pos, new CoreMessage(code, args));

    /// <summary>Adds an error whose message is already composed.</summary>
    public void Error(Pos pos, CoreMessage message)
    {
        if (suppressed.Contains((pos.File, pos.Line)))
        {
            ErrorCount++;
            return;
        }

        issues.Add(ValidationIssue.Create(pos.File, pos.Line, pos.Column, IssueSeverity.Error, message));
        ErrorCount++;
    }

    /// <summary>Adds a warning: its code (a key of the core's resources) and the arguments of its text.</summary>
    public void Warning(Pos pos, string code, params object?[] args) =>
        issues.Add(ValidationIssue.Create(pos.File, pos.Line, pos.Column, IssueSeverity.Warning, new CoreMessage(code, args)));

    /// <summary>Adds a warning whose message is already composed.</summary>
    public void Warning(Pos pos, CoreMessage message) =>
        issues.Add(ValidationIssue.Create(pos.File, pos.Line, pos.Column, IssueSeverity.Warning, message));

    /// <summary>Every issue ordered by file, line and column (stable: same place keeps the order found).</summary>
    public IReadOnlyList<ValidationIssue> Sorted() =>
        [.. issues.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line).ThenBy(i => i.Column)];

    /// <summary>Throws <see cref="InputValidationException"/> with every issue when there is an error.</summary>
    /// <exception cref="InputValidationException">There is at least one error.</exception>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new InputValidationException(Sorted());
        }
    }

    public IReadOnlyList<ValidationIssue> Warnings() =>
        [.. Sorted().Where(i => i.Severity == IssueSeverity.Warning)];
}

/// <summary>"Did you mean" suggestions by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate to <paramref name="text"/>, or null when none is close enough.</summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        var lowered = text.Trim().ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Close enough: at most a third of the longer word changed (and at least one edit allowed).
        return best is not null && bestDistance <= Math.Max(1, Math.Max(lowered.Length, best.Length) / 3) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or an empty message.</summary>
    public static CoreMessage DidYouMean(string text, IEnumerable<string> candidates) =>
        Closest(text, candidates) is { } best ? new CoreMessage("DidYouMean", best) : CoreMessage.Empty;

    /// <summary>Texts longer than this are not compared (a suggestion for them would not help, and the work is bounded).</summary>
    internal const int MaxCompared = 100;

    /// <summary>
    /// Levenshtein distance with adjacent transpositions (optimal string alignment), in three
    /// rolling rows; <see cref="int.MaxValue"/> when either text is longer than <see cref="MaxCompared"/>.
    /// </summary>
    public static int Distance(string a, string b)
    {
        if (a.Length > MaxCompared || b.Length > MaxCompared)
        {
            return int.MaxValue;
        }

        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}

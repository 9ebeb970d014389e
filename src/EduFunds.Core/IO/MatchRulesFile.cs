using System.Text.RegularExpressions;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Tracking;

namespace EduFunds.IO;

/// <summary>Reads a rules file for <see cref="LedgerImporter"/> into <see cref="MatchRules"/> (public as <see cref="LedgerFile.ReadImportRules"/>).</summary>
internal static class MatchRulesFile
{
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
    /// <exception cref="InputValidationException">The file is invalid.</exception>
    public static MatchRules Read(TextReader reader, string fileName, IReadOnlyCollection<string> streamIds, IReadOnlyCollection<string> programIds)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(TextInput.ToStream(reader), fileName, null, streamIds, programIds);
    }

    /// <summary>Reads a rules file from its bytes (see <see cref="Read(TextReader, string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>).</summary>
    /// <param name="stream">The file's bytes; disposed.</param>
    /// <param name="fileName">The file name for messages.</param>
    /// <param name="encoding">Its encoding when it has no byte order mark (utf-8, gb18030, ...; null: UTF-8).</param>
    /// <param name="streamIds">Known stream ids.</param>
    /// <param name="programIds">Known program ids.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="InputValidationException">The file is invalid.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public static MatchRules Read(Stream stream, string fileName, string? encoding, IReadOnlyCollection<string> streamIds, IReadOnlyCollection<string> programIds)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(streamIds);
        ArgumentNullException.ThrowIfNull(programIds);
        var streams = new HashSet<string>(streamIds, StringComparer.Ordinal);
        var programs = new HashSet<string>(programIds, StringComparer.Ordinal);
        var errors = new IssueList();
        using var csv = CsvInput.Open(stream, fileName, TextInput.Encoding(encoding), EncodingSource.CommandLine, errors);
        if (!csv.Read())
        {
            if (!errors.HasErrors)
            {
                errors.Error(new Pos(fileName, 1, 0), new CoreMessage("RulesFileEmpty"));
            }

            errors.ThrowIfErrors();
        }

        var names = new[] { "field", "match", "pattern", "target" };
        var index = new int[4];
        for (var n = 0; n < names.Length; n++)
        {
            index[n] = -1;
            for (var i = 0; i < csv.FieldCount; i++)
            {
                if (string.Equals(csv.Get(i), names[n], StringComparison.OrdinalIgnoreCase))
                {
                    index[n] = i;
                }
            }

            if (index[n] < 0)
            {
                errors.Error(new Pos(fileName, csv.Line, 0), new CoreMessage("RulesHeaderColumnMissing", names[n]));
            }
        }

        errors.ThrowIfErrors();
        var rules = new List<MatchRule>();
        while (csv.Read())
        {
            var line = csv.Line;
            if (csv.IsMalformed)
            {
                continue;
            }

            var field = csv.Get(index[0]);
            var matchText = csv.Get(index[1]);
            var pattern = csv.Get(index[2]);
            var targetText = csv.Get(index[3]);
            var ok = true;
            if (field.Length == 0)
            {
                errors.Error(new Pos(fileName, line, index[0] + 1), new CoreMessage("RulesFieldEmpty"));
                ok = false;
            }

            MatchKind match = default;
            if (!Enum.TryParse(matchText, ignoreCase: true, out match) || !Enum.IsDefined(match) || matchText.Any(char.IsDigit))
            {
                errors.Error(new Pos(fileName, line, index[1] + 1), new CoreMessage("RulesMatchUnknown", matchText));
                ok = false;
            }

            if (pattern.Length == 0)
            {
                errors.Error(new Pos(fileName, line, index[2] + 1), new CoreMessage("RulesPatternEmpty"));
                ok = false;
            }
            else if (ok && match == MatchKind.Regex)
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchRule.RegexTimeout);
                }
                catch (ArgumentException e)
                {
                    errors.Error(new Pos(fileName, line, index[2] + 1), new CoreMessage("RulesPatternInvalid", pattern, e.Message));
                    ok = false;
                }
            }

            if (!MatchRules.TryParseTarget(targetText, streams, programs, out var target, out var value, out var problem))
            {
                errors.Error(new Pos(fileName, line, index[3] + 1), problem!);
                ok = false;
            }

            if (ok)
            {
                rules.Add(new MatchRule(field, match, pattern, target, value, line));
            }
        }

        errors.ThrowIfErrors();
        return new MatchRules(rules);
    }
}

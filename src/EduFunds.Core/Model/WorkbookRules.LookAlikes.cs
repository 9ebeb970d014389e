using System.Globalization;
using System.Text;

namespace EduFunds.Model;

/// <content>Ids that look alike: equal once invisible characters are removed and Unicode is normalised.</content>
internal static partial class WorkbookRules
{
    /// <summary>
    /// Reports ids that differ only by a byte order mark, a zero-width character or Unicode
    /// normalisation (NFC against NFD): they look the same on screen and in print, so a reference
    /// to one would silently mean the other. Each is an error at the later id.
    /// </summary>
    private static void CheckLookAlikes(List<string> ids, Func<int, Pos> at, bool isStream, IssueList issues)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (id.Length == 0)
            {
                continue;
            }

            var key = LookAlikeKey(id);
            if (!first.TryAdd(key, i) && !string.Equals(ids[first[key]], id, StringComparison.Ordinal))
            {
                var other = ids[first[key]];
                issues.Error(at(i), isStream ? "StreamIdLookAlike" : "ProgramIdLookAlike", Visible(id), Visible(other), Describe(at(first[key])));
            }
        }
    }

    /// <summary>The id without byte order marks and zero-width characters, in Unicode normalisation form C.</summary>
    internal static string LookAlikeKey(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (!IsInvisible(c))
            {
                builder.Append(c);
            }
        }

        var text = builder.ToString();
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The id with its invisible characters and combining marks written as \uXXXX, so that a message shows how two look-alikes differ.</summary>
    internal static string Visible(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (IsInvisible(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) => c is '\uFEFF' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u00AD' or '\u180E';
}

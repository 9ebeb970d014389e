namespace EduFunds.IO;

/// <summary>
/// How every CSV file EduFunds writes (ledger, workbook, reports) spells a text cell: protected
/// from spreadsheet formulas. The CLI compiles this file in for its CSV reports, so there is one
/// spelling and the core does not publish it.
/// </summary>
internal static partial class WorkbookText
{
    /// <summary>The characters that make a spreadsheet treat a text cell as a formula.</summary>
    private static ReadOnlySpan<char> FormulaStarts => ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// Protects a text cell that a spreadsheet would run as a formula by putting an apostrophe in
    /// front (Excel shows such a cell as text): one that starts with a formula character, or holds
    /// a ';' followed by one (where ';' separates the cells, as in spreadsheets of many European
    /// locales, the part after it would be a cell of its own). A cell that itself starts with an
    /// apostrophe gets one too, so that <see cref="Unprotect"/> gives back exactly the text
    /// written, whatever it is.
    /// </summary>
    public static string Protect(string text) => NeedsProtection(text) ? "'" + text : text;

    /// <summary>Removes the apostrophe that <see cref="Protect"/> puts in front of a cell.</summary>
    public static string Unprotect(string text) =>
        text.Length > 1 && text[0] == '\'' && NeedsProtection(text.AsSpan(1)) ? text[1..] : text;

    private static bool NeedsProtection(ReadOnlySpan<char> text) =>
        text.Length > 0 && (text[0] == '\'' || FormulaStarts.Contains(text[0]) || HasFormulaAfterSeparator(text));

    /// <summary>Whether a ';' in the text is followed by a formula character.</summary>
    internal static bool HasFormulaAfterSeparator(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf(';'); i >= 0 && i + 1 < text.Length; i = text[(i + 1)..].IndexOf(';') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (FormulaStarts.Contains(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }
}

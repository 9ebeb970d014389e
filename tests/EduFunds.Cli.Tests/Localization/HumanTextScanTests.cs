using System.Text;
using System.Text.RegularExpressions;

namespace EduFunds.Cli.Tests.Localization;

/// <summary>
/// Human text lives in the resources (Strings.resx and its Chinese twin), never in string
/// literals in code: a source scan (no Roslyn) finds literals that read like prose (two words or
/// more, or any Chinese) outside comments. Command lines of help examples, formats and machine
/// names are not prose; the short allowlist below holds the few messages meant for developers.
/// </summary>
public sealed partial class HumanTextScanTests
{
    /// <summary>Literals that may stay in code: (file name, start of the literal).</summary>
    private static readonly (string File, string Start)[] Allowed =
    [
        ("ReportTable.cs", "Table '"),                  // a programming error (wrong cells), never shown to users
        ("JsonRenderer.cs", "Table '"),                 // idem
        ("Texts.cs", "No resource '"),                  // a missing key is a bug the resource tests catch
        ("HelpText.cs", "No help text for"),           // a missing help key is a bug the help tests catch
        ("ReportText.cs", "No report text '"),          // idem, for the HTML report's resources
        ("ChartCanvas.cs", "'Noto Sans"),               // a CSS font list
        ("ChartFonts.cs", "Noto Sans"),                 // font family names, the same list for PNG
        ("ChartFonts.cs", "Microsoft YaHei"),
        ("ChartFonts.cs", "PingFang SC"),
        ("PngChartWriter.cs", "SkiaSharp could not"),   // the drawing library failing on a loaded machine: an unexpected error
        ("ReportCommand.cs", "yyyy-MM-dd HH:mm"),       // a date format
        ("HtmlReport.cs", ":root"),                     // the report's CSS
        ("XlsxSheets.cs", "not an Excel .xlsx workbook"),   // technical detail inside workbook.xlsxUnreadable (from the file reader)
        ("XlsxWorkbookSource.cs", "it has no '"),            // idem
        ("XlsxWorkbookSource.cs", "The workbook "),          // a missing sheet the source said it had: a bug
        ("XlsxSheets.cs", "the workbook has no sheet"),     // technical detail inside workbook.xlsxUnreadable
        ("UsageException.cs", "The command line is wrong"), // the default message; the CLI always gives one
        ("ProjectCommand.cs", "base case"),                 // an argument of a log message
        ("ParseMessages.cs", "^'(.+)' was not matched"),   // System.CommandLine's English messages, recognised to be replaced
        ("ParseMessages.cs", "^Option '(.+)' is required"),
        ("StudyResults.cs", "edufunds version"),            // field names: keys of merge.field.* in the resources
        ("StudyResults.cs", "random-mapping version"),
        ("StudyResults.cs", "workbook "),
        ("StudyResults.cs", "work items"),
        ("StudyResults.cs", "as-of date"),
        ("StudyResults.cs", "tornado runs"),
        ("StudyResults.cs", "run range"),
    ];

    /// <summary>
    /// Literals the core may keep: messages of exceptions that only a programming mistake raises
    /// (an argument out of range, an unknown id passed by a caller, a broken invariant), which are
    /// for developers and, like .NET's own, stay in English; and the few listed below.
    /// </summary>
    private static bool CoreAllowed(string file, string literal, string statement) =>
        DeveloperException().IsMatch(statement)
        || statement.Contains("SuppressMessage(", StringComparison.Ordinal) // a code-analysis justification, for developers
        || CoreAllowedLiterals.Any(a => a.File == file && literal.TrimStart().StartsWith(a.Start, StringComparison.Ordinal));

    /// <summary>The statement a literal on a line belongs to, as far as the three lines before it show (from the last ';', '{' or '}').</summary>
    private static string Statement(string[] lines, int line)
    {
        var before = string.Join("\n", lines[Math.Max(0, line - 4)..(line - 1)]);
        var start = before.LastIndexOfAny([';', '{', '}']);
        return before[(start + 1)..] + "\n" + lines[line - 1];
    }

    private static readonly (string File, string Start)[] CoreAllowedLiterals =
    [
        ("CoreMessage.cs", "No core resource '"),         // a missing key is a bug the resource tests catch
        ("HledgerJournal.cs", "; EduFunds journal"),      // hledger journal comments: a machine format, English like its keywords
        ("HledgerJournal.cs", "; currency"),
        ("HledgerJournal.cs", " (scenario"),
        ("HledgerJournal.cs", "budget of fiscal year"),
        ("HledgerJournal.cs", "receipt from"),
        ("HledgerJournal.cs", "expense of"),
        ("HledgerJournal.cs", "every 1st"),
        ("HledgerJournal.Entries.cs", "receipt from"),
        ("HledgerJournal.Entries.cs", "expense of"),
        ("HledgerJournal.cs", ", replaced by the budget"),
        ("HledgerJournal.cs", "account assets:bank"),
        ("HledgerJournal.cs", "~ "),
        ("Money.Text.cs", ""),                             // Money's own parse and format API: a developer's input, English like .NET's
        ("Money.cs", ""),
        ("ExactMath.cs", "The amount does not fit"),       // an internal overflow, reworded with the year by the projection
        ("Currency.cs", "No currency"),                    // ToString of default(Currency), for debuggers
        ("Currency.cs", "iso4217.csv line"),               // the embedded ISO 4217 table is broken: a build error, not a user's
        ("AmountText.cs", "元"),                           // currency signs read in bank statements (data, not prose)
        ("AmountText.cs", "円"),
        ("ImportOptions.cs", "yyyy"),                      // date formats of bank exports
        ("ImportPlanner.Cells.cs", "grand total"),         // summary-row words of bank exports: data
        ("ImportPlanner.Cells.cs", "合计"),
        ("ImportPlanner.Cells.cs", "总计"),
        ("ImportPlanner.Cells.cs", "小计"),
        ("ImportPlanner.Cells.cs", "本页合计"),
        ("ImportPlanner.Cells.cs", "累计"),
        ("ImportPlanner.Cells.cs", "本日合计"),
        ("ImportPlanner.Cells.cs", "本月合计"),
        ("TextEncodings.cs", "utf-8, utf-16"),
        ("ColumnAliases.cs", ""),                          // the Chinese column names a workbook may use (data, not prose)             // encoding names
        ("SimulationInputs.cs", ""),                       // merge field keys (the CLI words them from merge.field.*) and the default message
        ("SimulationResult.cs", "run range"),              // a field key
        ("StreamLossResult.cs", ""),                       // field keys
        ("WorkbookNames.cs", "' "),                        // WorkbookNames.Parse: a developer's input (the CLI checks names first)
        ("FiscalCalendar.cs", "Fiscal years from month"),  // ToString, for debuggers
        ("ResultFileReader.cs", ""),                       // technical details inside "damaged result file" (the CLI words the message)
        ("IWorkbookFileSource.cs", ""),                    // a location label and a missing file that the reader checks first
        ("WorkbookReader.cs", "The workbook folder"),      // the CLI checks the folder first ("did you mean")
        ("AtomicFiles.cs", "the symbolic link"),           // an I/O failure's technical detail
        ("RiskIndicators.cs", "Carried-over pool money"),  // a name for library users; the CLI names it from its resources (risk.carryOverName)
        ("RescuePlanner.cs", "Rescue line for"),           // a default name; callers name the line (the CLI from rescue.stream-name)
    ];

    public static IEnumerable<string> SourceFiles(string project)
    {
        var root = Path.Combine(ResourceTests.RepositoryRoot(), "src", project);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [Fact]
    public void Cli_HasNoHumanTextInStringLiterals()
    {
        var found = new List<string>();
        foreach (var file in SourceFiles("EduFunds.Cli"))
        {
            foreach (var (line, literal) in Literals(File.ReadAllText(file)))
            {
                if (IsProse(literal) && !Allowed.Any(a => a.File == Path.GetFileName(file) && literal.TrimStart().StartsWith(a.Start, StringComparison.Ordinal)))
                {
                    found.Add($"{Path.GetFileName(file)}:{line}: \"{literal}\"");
                }
            }
        }

        Assert.True(found.Count == 0, "Human text in code; move it to Resources/Strings.resx and Strings.zh-CN.resx:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Core_HasNoHumanTextInStringLiterals()
    {
        var found = new List<string>();
        foreach (var file in SourceFiles("EduFunds.Core"))
        {
            var source = File.ReadAllText(file);
            var lines = source.Split('\n');
            foreach (var (line, literal) in Literals(source))
            {
                if (IsProse(literal) && !CoreAllowed(Path.GetFileName(file), literal, Statement(lines, line)))
                {
                    found.Add($"{Path.GetFileName(file)}:{line}: \"{literal}\"");
                }
            }
        }

        Assert.True(found.Count == 0, "Human text in the core's code; move it to Localization/CoreStrings.resx and CoreStrings.zh-CN.resx (a CoreMessage):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("the workbook folder does not exist", true)]
    [InlineData("工作簿", true)]
    [InlineData("edufunds risk --runs 100", false)]
    [InlineData("yyyy-MM-dd", false)]
    [InlineData("program_years", false)]
    [InlineData("{0} {1}", false)]
    [InlineData("half-away-from-zero", false)]
    public void IsProse_TellsSentencesFromMachineText(string literal, bool expected) => Assert.Equal(expected, IsProse(literal));

    internal static bool IsProse(string literal)
    {
        if (literal.StartsWith("edufunds ", StringComparison.Ordinal))
        {
            return false;
        }

        if (literal.StartsWith("--", StringComparison.Ordinal))
        {
            // Options and their values ("--runs 2000 --seed 7") are not prose; a sentence that starts
            // with an option ("--x does not go with --y") is.
            return TwoWords().IsMatch(string.Join(' ', literal.Split(' ').Where(w => !w.StartsWith('-'))));
        }

        // Markup (HTML, SVG): its words come from the resources through placeholders.
        if (literal.TrimStart().StartsWith('<') || literal.Contains("=\"", StringComparison.Ordinal))
        {
            return false;
        }

        // Log message templates ("Wrote {Format} report to {File}"): diagnostics for developers, in English.
        if (LogTemplate().IsMatch(literal))
        {
            return false;
        }

        return Chinese().IsMatch(literal) || TwoWords().IsMatch(literal);
    }

    /// <summary>The string literals of a C# file with their line numbers; comments skipped; the text parts of interpolated strings.</summary>
    internal static IEnumerable<(int Line, string Text)> Literals(string source)
    {
        var line = 1;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                line += source.AsSpan(i, end - i).Count('\n');
                i = end;
            }
            else if (c == '\'')
            {
                // A char literal: skip it ('"' must not open a string).
                i++;
                while (i < source.Length && source[i] != '\'')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (c == '"' || ((c == '$' || c == '@') && i + 1 < source.Length && (source[i + 1] == '"' || source[i + 1] is '@' or '$')))
            {
                var start = line;
                var verbatim = false;
                var interpolated = false;
                while (source[i] != '"')
                {
                    verbatim |= source[i] == '@';
                    interpolated |= source[i] == '$';
                    i++;
                }

                // Raw string literals ("""): read to the closing quotes.
                var quotes = 0;
                while (i < source.Length && source[i] == '"')
                {
                    quotes++;
                    i++;
                }

                if (quotes == 2)
                {
                    continue; // ""
                }

                var text = new StringBuilder();
                var depth = 0;
                while (i < source.Length)
                {
                    var d = source[i];
                    if (quotes >= 3)
                    {
                        if (source.AsSpan(i).StartsWith(new string('"', quotes)))
                        {
                            i += quotes;
                            break;
                        }
                    }
                    else if (depth == 0 && d == '"' && !(verbatim && i + 1 < source.Length && source[i + 1] == '"'))
                    {
                        i++;
                        break;
                    }
                    else if (verbatim && d == '"')
                    {
                        text.Append('"');
                        i += 2;
                        continue;
                    }
                    else if (!verbatim && d == '\\')
                    {
                        if (depth == 0)
                        {
                            text.Append(source[i + 1] == 'n' ? '\n' : source[i + 1]);
                        }

                        i += 2;
                        continue;
                    }

                    if (d == '\n')
                    {
                        line++;
                    }

                    if (interpolated && d == '{')
                    {
                        if (depth == 0 && i + 1 < source.Length && source[i + 1] == '{')
                        {
                            text.Append('{');
                            i += 2;
                            continue;
                        }

                        depth++;
                        text.Append(depth == 1 ? " {x} " : string.Empty);
                        i++;
                        continue;
                    }

                    if (interpolated && d == '}' && depth > 0)
                    {
                        depth--;
                        i++;
                        continue;
                    }

                    if (depth == 0)
                    {
                        text.Append(d);
                    }

                    i++;
                }

                yield return (start, text.ToString());
            }
            else
            {
                i++;
            }
        }
    }

    [GeneratedRegex(@"\{[A-Z][A-Za-z]*\}")]
    private static partial Regex LogTemplate();

    [GeneratedRegex(@"throw new (Argument|ArgumentOutOfRange|ArgumentNull|KeyNotFound|InvalidOperation|NotSupported)Exception\(|Debug\.Assert|ThrowIf")]
    private static partial Regex DeveloperException();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    // Two words of letters (3+ and 2+) separated by a space: "the workbook", "is not".
    [GeneratedRegex(@"[A-Za-z]{2,}[,;:.!?]? +[A-Za-z]{2,}")]
    private static partial Regex TwoWords();
}

using EduFunds.Cli.Output;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Spectre.Console;

namespace EduFunds.Cli.Tests.Output;

/// <summary>
/// Plain tables are written line by line (<see cref="PlainGrid"/>) instead of through
/// Spectre.Console's table: the text must be Spectre's, line for line (after the tidying every
/// plain report gets: no trailing spaces, one blank line at most), for any cells, widths, wide
/// characters and headers too long for their column.
/// </summary>
public class PlainGridTests
{
    private static readonly string[] Words = ["P0001", "Program 12", "high", "0.93 ± 0.01", "2025", "-", "数字技能", "停摆概率", "首次停摆", "Stream 7 (S0007)", "yes", "1,234.56", "a", "", "街道社区教育经费", "probability", "（全年）", "x·y", "—", "e\u0301t\u00e9", "a\u200bb", "🙂ok", "ｱｲ", "№5"];

    [Property(MaxTest = 300)]
    public Property TryWrite_WritesWhatSpectreWrites(int seed)
    {
        var random = new Random(seed);
        var columns = random.Next(1, 7);
        var widths = Enumerable.Range(0, columns).Select(_ => random.Next(2, 22)).ToArray(); // a wide character needs 2
        string Cell(int c)
        {
            var words = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Words[random.Next(Words.Length)]);
            var text = string.Join(random.Next(3) == 0 ? "\n" : " ", words);
            return random.Next(4) == 0 ? text : string.Join("\n", TextWidthWrap(text, widths[c]));
        }

        var headers = Enumerable.Range(0, columns).Select(Cell).ToArray();
        var right = Enumerable.Range(0, columns).Select(_ => random.Next(2) == 0).ToArray();
        var rows = Enumerable.Range(0, random.Next(0, 6)).Select(_ => Enumerable.Range(0, columns).Select(Cell).ToArray()).ToList();
        var grid = new PlainGrid(headers, right, widths, rows);
        var width = random.Next(0, 3) == 0 ? 60 : 160;

        using var mine = new StringWriter { NewLine = "\n" };
        if (!grid.TryWrite(mine, width))
        {
            return true.ToProperty().Classify(true, "handed to Spectre");
        }

        using var spectre = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(spectre),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        console.Write(grid.ToSpectre());
        var expected = Tidy(spectre.ToString());
        var actual = Tidy(mine.ToString());
        return (expected == actual).Label($"seed {seed}:\n{expected}\n---\n{actual}");
    }

    private static IEnumerable<string> TextWidthWrap(string text, int width) => text.Split('\n').SelectMany(line => line.Length == 0 ? [line] : Chunk(line, width));

    private static IEnumerable<string> Chunk(string line, int width)
    {
        var current = string.Empty;
        foreach (var word in line.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && PlainGrid.CellWidth(candidate) > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        yield return current;
    }

    private static string Tidy(string text)
    {
        var lines = new List<string>();
        var blank = false;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank = true;
                continue;
            }

            if (blank && lines.Count > 0)
            {
                lines.Add(string.Empty);
            }

            blank = false;
            lines.Add(line);
        }

        return string.Join("\n", lines);
    }
}

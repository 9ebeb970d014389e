using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Cli.Commands;

/// <summary>Options shared by the ledger commands (<c>track</c>, <c>export</c>, and <c>risk --as-of</c>).</summary>
internal static class LedgerArguments
{
    /// <summary>Creates <c>--as-of DATE</c> (its help comes from the resources of each command).</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreateAsOfOption() => new("--as-of")
    {
        HelpName = "YYYY-MM-DD",
    };

    /// <summary>Creates <c>--budgets FILE</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<FileInfo?> CreateBudgetsOption() => new("--budgets")
    {
        HelpName = "FILE",
    };

    /// <summary>Parses an as-of date (ISO yyyy-MM-dd).</summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="fallback">The date to use when none is given.</param>
    /// <param name="t">The texts of the message.</param>
    /// <returns>The date.</returns>
    /// <exception cref="UserInputException">Not a date.</exception>
    public static DateOnly ParseAsOf(string? text, DateOnly fallback, Texts t)
    {
        if (text is null)
        {
            return fallback;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UserInputException(t.Format("error.asOf", text));
    }

    /// <summary>Reads the budget table given with <c>--budgets</c>, or returns null.</summary>
    /// <param name="file">The file, or null.</param>
    /// <param name="workbook">The workbook (currency, programs, years).</param>
    /// <param name="programIds">Program ids the table may name (the workbook's and the scenario's).</param>
    /// <param name="t">The texts of the messages.</param>
    /// <returns>The table or null.</returns>
    /// <exception cref="UserInputException">The file is missing.</exception>
    /// <exception cref="InputValidationException">The file is invalid (every problem listed).</exception>
    /// <param name="encoding">The file's encoding (<c>--encoding</c>), or null for UTF-8.</param>
    public static IReadOnlyDictionary<(int Year, string ProgramId), Money>? ReadBudgets(FileInfo? file, Workbook workbook, IReadOnlyCollection<string> programIds, Texts t, string? encoding = null)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists && !Directory.Exists(file.FullName) && file.LinkTarget is null)
        {
            throw new UserInputException(t.Format("error.budgetsMissing", file));
        }

        return LedgerFile.ReadBudgets(Infrastructure.InputFile.OpenRead(file, t), file.ToString(), encoding, workbook.Currency, programIds, workbook.Years);
    }
}

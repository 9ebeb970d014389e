using System.Globalization;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;

namespace EduFunds.IO;

/// <summary>Reads a budgets file (<c>program,year,amount</c>) into explicit budgets by (year, program id) for <see cref="BudgetOptions.Budgets"/> (public as <see cref="LedgerFile.ReadBudgets"/>).</summary>
internal static class BudgetFile
{
    /// <summary>
    /// Reads a budget table: a CSV file with a header row naming the columns <c>year</c>,
    /// <c>program</c> and <c>amount</c> (any order, case-insensitive; other columns are ignored).
    /// Every problem is collected and reported together.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The file name to put in error messages.</param>
    /// <param name="currency">The workbook currency (decimals allowed in amounts).</param>
    /// <param name="programIds">The program ids a line may name.</param>
    /// <param name="years">The fiscal years a line may name.</param>
    /// <returns>The budgets, in the order of the file.</returns>
    /// <exception cref="InputValidationException">The file is invalid; every problem with its line and column.</exception>
    public static IReadOnlyDictionary<(int Year, string ProgramId), Money> Read(
        TextReader reader,
        string fileName,
        Currency currency,
        IReadOnlyCollection<string> programIds,
        YearRange years)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Read(TextInput.ToStream(reader), fileName, null, currency, programIds, years);
    }

    /// <summary>Reads a budget table from its bytes (see <see cref="Read(TextReader, string, Currency, IReadOnlyCollection{string}, YearRange)"/>).</summary>
    /// <param name="stream">The file's bytes; disposed.</param>
    /// <param name="fileName">The file name to put in error messages.</param>
    /// <param name="encoding">Its encoding when it has no byte order mark (utf-8, gb18030, ...; null: UTF-8).</param>
    /// <param name="currency">The workbook currency (decimals allowed in amounts).</param>
    /// <param name="programIds">The program ids a line may name.</param>
    /// <param name="years">The fiscal years a line may name.</param>
    /// <returns>The budgets, in the order of the file.</returns>
    /// <exception cref="InputValidationException">The file is invalid; every problem with its line and column.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public static IReadOnlyDictionary<(int Year, string ProgramId), Money> Read(
        Stream stream,
        string fileName,
        string? encoding,
        Currency currency,
        IReadOnlyCollection<string> programIds,
        YearRange years)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(programIds);
        var known = new HashSet<string>(programIds, StringComparer.Ordinal);
        var errors = new IssueList();
        var lines = new List<(int, string, long)>();
        var seen = new Dictionary<(int, string), int>();
        using var csv = CsvInput.Open(stream, fileName, TextInput.Encoding(encoding), EncodingSource.CommandLine, errors);
        if (!csv.Read())
        {
            if (!errors.HasErrors)
            {
                errors.Error(new Pos(fileName, 1, 0), new CoreMessage("BudgetFileEmpty"));
            }

            errors.ThrowIfErrors();
        }

        int yearColumn = -1, programColumn = -1, amountColumn = -1;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            switch (csv.Get(i).ToLowerInvariant())
            {
                case "year": yearColumn = i; break;
                case "program": programColumn = i; break;
                case "amount": amountColumn = i; break;
            }
        }

        foreach (var (column, name) in new[] { (yearColumn, "year"), (programColumn, "program"), (amountColumn, "amount") })
        {
            if (column < 0)
            {
                errors.Error(new Pos(fileName, csv.Line, 0), new CoreMessage("BudgetHeaderColumnMissing", name));
            }
        }

        errors.ThrowIfErrors();

        while (csv.Read())
        {
            var line = csv.Line;
            if (csv.IsMalformed)
            {
                continue;
            }

            var ok = true;
            var yearText = csv.Get(yearColumn);
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                errors.Error(new Pos(fileName, line, yearColumn + 1), new CoreMessage("BudgetYearNotWhole", yearText, years.From));
                ok = false;
            }
            else if (!years.Contains(year))
            {
                errors.Error(new Pos(fileName, line, yearColumn + 1), new CoreMessage("BudgetYearOutsideYears", year, years.From, years.To));
                ok = false;
            }

            var programId = csv.Get(programColumn);
            if (!known.Contains(programId))
            {
                errors.Error(new Pos(fileName, line, programColumn + 1), programId.Length == 0
                    ? new CoreMessage("BudgetProgramEmpty")
                    : new CoreMessage("BudgetProgramUnknown", programId));
                ok = false;
            }

            if (!AmountText.TryParse(csv.Get(amountColumn), currency, AmountSyntax.Plain, out var amount, out var problem))
            {
                errors.Error(new Pos(fileName, line, amountColumn + 1), new CoreMessage("CellProblem", "amount", problem));
                ok = false;
            }
            else if (amount < 0)
            {
                errors.Error(new Pos(fileName, line, amountColumn + 1), new CoreMessage("BudgetAmountNegative", csv.Get(amountColumn)));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (seen.TryGetValue((year, programId), out var earlier))
            {
                errors.Error(new Pos(fileName, line, programColumn + 1), new CoreMessage("BudgetDuplicate", programId, year, earlier));
                continue;
            }

            seen[(year, programId)] = line;
            lines.Add((year, programId, amount));
        }

        errors.ThrowIfErrors();

        return lines.ToDictionary(l => (l.Item1, l.Item2), l => Money.FromMinorUnits(l.Item3, currency)).AsReadOnly();
    }
}

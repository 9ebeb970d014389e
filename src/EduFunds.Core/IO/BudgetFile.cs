using System.Globalization;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;

namespace EduFunds.IO;

/// <summary>Reads a budgets file (<c>program,year,amount</c>) into a <see cref="BudgetTable"/>.</summary>
public static class BudgetFile
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
    /// <returns>The table.</returns>
    /// <exception cref="LedgerInputException">The file is invalid; every problem with its line and column.</exception>
    public static BudgetTable Read(
        TextReader reader,
        string fileName,
        Currency currency,
        IReadOnlyCollection<string> programIds,
        YearRange years)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(programIds);
        var known = new HashSet<string>(programIds, StringComparer.Ordinal);
        var errors = new List<LedgerInputError>();
        var lines = new List<(int, string, long)>();
        var seen = new Dictionary<(int, string), int>();
        var csv = new CsvRecordReader(reader);
        if (!csv.Read())
        {
            throw new LedgerInputException([new LedgerInputError(fileName, 1, 0, "the file is empty; expected a header row 'year,program,amount'")]);
        }

        int yearColumn = -1, programColumn = -1, amountColumn = -1;
        for (var i = 0; i < csv.FieldCount; i++)
        {
            switch (csv.GetString(i).ToLowerInvariant())
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
                errors.Add(new LedgerInputError(fileName, csv.LineNumber, 0, $"the header has no '{name}' column; expected 'year,program,amount'"));
            }
        }

        if (errors.Count > 0)
        {
            throw new LedgerInputException(errors);
        }

        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (csv.MalformedField > 0)
            {
                errors.Add(new LedgerInputError(fileName, line, csv.MalformedField, "a quoted field is not closed properly"));
                continue;
            }

            var ok = true;
            var yearText = csv.GetString(yearColumn);
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                errors.Add(new LedgerInputError(fileName, line, yearColumn + 1, $"year '{yearText}' is not a whole number; expected a fiscal year such as {years.From}"));
                ok = false;
            }
            else if (!years.Contains(year))
            {
                errors.Add(new LedgerInputError(fileName, line, yearColumn + 1, $"year {year} is outside the workbook's years {years.From}-{years.To}"));
                ok = false;
            }

            var programId = csv.GetString(programColumn);
            if (!known.Contains(programId))
            {
                errors.Add(new LedgerInputError(fileName, line, programColumn + 1, programId.Length == 0
                    ? "program is empty; expected a program id of the workbook"
                    : $"program '{programId}' is not a program of the workbook"));
                ok = false;
            }

            if (!AmountText.TryParseAmount(csv.GetSpan(amountColumn), currency, out var amount, out var problem))
            {
                errors.Add(new LedgerInputError(fileName, line, amountColumn + 1, $"amount {problem}"));
                ok = false;
            }
            else if (amount < 0)
            {
                errors.Add(new LedgerInputError(fileName, line, amountColumn + 1, $"amount {csv.GetString(amountColumn)} is negative; expected a budget of 0 or more"));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (seen.TryGetValue((year, programId), out var earlier))
            {
                errors.Add(new LedgerInputError(fileName, line, programColumn + 1, $"the budget of {programId} in {year} is already given on line {earlier}"));
                continue;
            }

            seen[(year, programId)] = line;
            lines.Add((year, programId, amount));
        }

        if (errors.Count > 0)
        {
            throw new LedgerInputException(errors);
        }

        return new BudgetTable(lines);
    }
}

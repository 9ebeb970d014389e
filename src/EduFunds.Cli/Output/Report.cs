using EduFunds.Cli.Localization;
using EduFunds.Monetary;

namespace EduFunds.Cli.Output;

/// <summary>A setting of the run, written in the report header and in the JSON <c>settings</c> object.</summary>
/// <param name="Name">Machine name in snake_case.</param>
/// <param name="Label">Label for people.</param>
/// <param name="Value">A string, int, long, decimal, bool, a list of strings, or null.</param>
internal sealed record ReportSetting(string Name, string Label, object? Value)
{
    /// <summary>
    /// The settings people see in the one-line summary above a report; the others are listed
    /// only with <c>--verbose</c> (and always in JSON).
    /// </summary>
    public static IReadOnlySet<string> SummaryNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "workbook", "scenario", "scenarios", "policy", "policy_override", "seed", "runs", "precision", "year", "as_of", "trends",
        "export", "dry_run",
    };

    /// <summary>True when the setting is part of the one-line summary.</summary>
    public bool InSummary => SummaryNames.Contains(Name);
}

/// <summary>A column with one value for the whole report, repeated on every CSV row (the seed and runs of a simulation).</summary>
/// <param name="Column">The column.</param>
/// <param name="Value">The value, of the column's type, or null.</param>
internal sealed record ReportConstant(ReportColumn Column, object? Value);

/// <summary>
/// A report, independent of its format: the tables machines read (CSV, JSON) and the views
/// people read (table, Markdown), which may differ (a year-by-program matrix for people, one
/// row per year and program for machines).
/// </summary>
internal sealed class Report
{
    /// <summary>Creates a report.</summary>
    /// <param name="schema">Schema name, for example <c>edufunds.project</c>.</param>
    /// <param name="schemaVersion">Schema version; raised when a column changes meaning or disappears.</param>
    /// <param name="title">Title for people.</param>
    /// <param name="currency">The currency of every money cell.</param>
    public Report(string schema, int schemaVersion, string title, Currency currency)
    {
        Schema = schema;
        SchemaVersion = schemaVersion;
        Title = title;
        Currency = currency;
    }

    /// <summary>Schema name.</summary>
    public string Schema { get; }

    /// <summary>
    /// The language of the report's human text (titles, headers, notes, status words); CSV and
    /// JSON keep their English keys and invariant numbers whatever it is.
    /// </summary>
    public Texts Texts { get; init; } = Texts.English;

    /// <summary>Schema version.</summary>
    public int SchemaVersion { get; }

    /// <summary>Title for people.</summary>
    public string Title { get; }

    /// <summary>The currency of every money cell.</summary>
    public Currency Currency { get; }

    /// <summary>The settings of the run, in order.</summary>
    public IList<ReportSetting> Settings { get; } = new List<ReportSetting>();

    /// <summary>Tables for machines (JSON writes all, CSV one), in order.</summary>
    public IList<ReportTable> Tables { get; } = new List<ReportTable>();

    /// <summary>Tables for people (table, Markdown); when empty, <see cref="Tables"/> are shown.</summary>
    public IList<ReportTable> Views { get; } = new List<ReportTable>();

    /// <summary>
    /// The first line people read, when the report must say something about its input before
    /// anything else (that it shows the built-in example because no workbook was found); null = none.
    /// </summary>
    public string? Banner { get; set; }

    /// <summary>True to list every setting for people instead of the one-line summary (<c>--verbose</c>).</summary>
    public bool Verbose { get; set; }

    /// <summary>
    /// Columns appended to every row of CSV output, so that a CSV file alone states what
    /// repeats it (DESIGN.md: every Monte Carlo report states the seed and the number of runs).
    /// </summary>
    public IList<ReportConstant> CsvConstants { get; } = new List<ReportConstant>();

    /// <summary>Findings shown to people above the tables ("P03 stalls in 2025 and is shelved in 2026").</summary>
    public IList<string> Notes { get; } = new List<string>();

    /// <summary>Text to copy as it is, shown after the notes: never wrapped or escaped (see <see cref="ReportSnippet"/>).</summary>
    public IList<ReportSnippet> Snippets { get; } = new List<ReportSnippet>();

    /// <summary>The table CSV writes when <c>--table</c> is not given (default: the first).</summary>
    public string? MainTable { get; init; }

    /// <summary>Adds a setting.</summary>
    /// <param name="name">Machine name.</param>
    /// <param name="label">Label for people.</param>
    /// <param name="value">Value.</param>
    /// <returns>This report.</returns>
    public Report Set(string name, string label, object? value)
    {
        Settings.Add(new ReportSetting(name, label, value));
        return this;
    }

    /// <summary>Adds a setting labelled in the report's language (resource <c>setting.NAME</c>).</summary>
    /// <param name="name">Machine name.</param>
    /// <param name="value">Value.</param>
    /// <returns>This report.</returns>
    public Report Set(string name, object? value) => Set(name, Texts["setting." + name], value);

    /// <summary>A machine table as flat files (CSV, a spreadsheet) write it: with the <see cref="CsvConstants"/> appended to every row.</summary>
    /// <param name="table">One of <see cref="Tables"/>.</param>
    /// <returns>The table, or a copy with the extra columns.</returns>
    public ReportTable Flat(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (CsvConstants.Count == 0)
        {
            return table;
        }

        var flat = new ReportTable(table.Name, table.Title, [.. table.Columns, .. CsvConstants.Select(c => c.Column)]) { Caption = table.Caption };
        foreach (var row in table.Rows)
        {
            flat.Add([.. row, .. CsvConstants.Select(c => c.Value)]);
        }

        return flat;
    }

    /// <summary>The tables people see.</summary>
    public IEnumerable<ReportTable> HumanTables => Views.Count > 0 ? Views : Tables;

    /// <summary>Finds a machine table by name.</summary>
    /// <param name="name">The table name, or null for the main table.</param>
    /// <returns>The table.</returns>
    /// <exception cref="UserInputException">No such table (the message lists the valid names).</exception>
    public ReportTable GetTable(string? name)
    {
        name ??= MainTable ?? Tables[0].Name;
        foreach (var table in Tables)
        {
            if (table.Name == name)
            {
                return table;
            }
        }

        throw new UserInputException(Texts.Format("error.noSuchTable", name, string.Join(", ", Tables.Select(t => t.Name))));
    }
}

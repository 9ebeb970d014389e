using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EduFunds.Cli.Output;

/// <summary>
/// Writes a report as one JSON document: <c>schema</c> (name and version), <c>settings</c> (the
/// settings of the run) and one array per machine table, each row an object keyed by the
/// column names (snake_case); a table nested in another (<see cref="ReportTable.NestedIn"/>)
/// is written inside the parent's rows. Money is a JSON number with exactly the currency's minor-unit
/// decimals (1234.50); ratios are numbers with four decimals; blanks are null. Invariant, LF
/// line ends, non-ASCII text (Chinese names) kept as is.
/// </summary>
internal static class JsonRenderer
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Renders a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>UTF-8 JSON, ending with a line break.</returns>
    public static byte[] Render(Report report)
    {
        var decimals = report.Currency.MinorUnits;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("schema");
            writer.WriteString("name", report.Schema);
            writer.WriteNumber("version", report.SchemaVersion);
            writer.WriteEndObject();

            writer.WriteStartObject("settings");
            foreach (var setting in report.Settings)
            {
                writer.WritePropertyName(setting.Name);
                WriteSetting(writer, setting.Value);
            }

            writer.WriteEndObject();

            foreach (var table in report.Tables)
            {
                if (table.NestedIn is not null)
                {
                    continue;
                }

                writer.WritePropertyName(table.Name);
                WriteRows(writer, report, table, table.Rows, decimals);
            }

            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteRows(Utf8JsonWriter writer, Report report, ReportTable table, IEnumerable<object?[]> rows, int decimals)
    {
        var children = report.Tables.Where(t => t.NestedIn?.ParentTable == table.Name).ToList();
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                writer.WritePropertyName(table.Columns[i].Name);
                WriteCell(writer, table.Columns[i].Kind, row[i], decimals);
            }

            foreach (var child in children)
            {
                var nesting = child.NestedIn!;
                var key = row[ColumnIndex(table, nesting.Key)];
                var childKey = ColumnIndex(child, nesting.Key);
                writer.WritePropertyName(nesting.Property);
                WriteRows(writer, report, child, child.Rows.Where(r => Equals(r[childKey], key)), decimals);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static int ColumnIndex(ReportTable table, string name)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Table '{table.Name}' has no column '{name}' to nest by.");
    }

    private static void WriteCell(Utf8JsonWriter writer, ColumnKind kind, object? cell, int decimals)
    {
        switch (cell)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                switch (kind)
                {
                    case ColumnKind.Money:
                    case ColumnKind.Ratio:
                    case ColumnKind.Integer:
                    case ColumnKind.Year:
                        // Raw so that money keeps its minor-unit decimals (1234.50, not 1234.5).
                        writer.WriteRawValue(CellFormat.Machine(kind, cell, decimals), skipInputValidation: true);
                        break;
                    default:
                        writer.WriteStringValue(CellFormat.Machine(kind, cell, decimals));
                        break;
                }

                break;
        }
    }

    private static void WriteSetting(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteRawValue(number.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}

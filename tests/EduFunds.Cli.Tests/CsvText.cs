using System.Text;

namespace EduFunds.Cli.Tests;

/// <summary>A strict RFC 4180 reader for checking what the CLI writes.</summary>
public static class CsvText
{
    /// <summary>Parses CSV text into records of fields; fails on anything RFC 4180 does not allow.</summary>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    continue;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    i++;
                    break;
                case '"':
                    throw new FormatException($"Quote inside an unquoted field at {i}.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields.ToArray());
                    fields.Clear();
                    i += 2;
                    break;
                case '\r' or '\n':
                    throw new FormatException($"Bare line break at {i}: records must end with CRLF.");
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException("Unterminated quoted field.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            throw new FormatException("The last record does not end with CRLF.");
        }

        return records;
    }

    /// <summary>Parses CSV into rows keyed by header name.</summary>
    public static List<Dictionary<string, string>> ParseWithHeader(string text)
    {
        var records = Parse(text);
        var header = records[0];
        var rows = new List<Dictionary<string, string>>();
        foreach (var record in records.Skip(1))
        {
            Assert.Equal(header.Length, record.Length);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = record[i];
            }

            rows.Add(row);
        }

        return rows;
    }
}

namespace EduFunds.IO;

/// <summary>
/// A small RFC 4180 reader that hands out the fields of one record at a time as spans of a
/// reused buffer, so a file of a million rows is read without a string per field. Quoted fields
/// may hold commas, doubled quotes and line breaks. Blank lines are skipped.
/// </summary>
internal sealed class CsvRecordReader
{
    private const int ChunkSize = 64 * 1024;

    private readonly TextReader reader;
    private readonly char[] chunk = new char[ChunkSize];
    private int chunkLength;
    private int chunkPosition;
    private bool endOfInput;

    private char[] record = new char[256];
    private int recordLength;
    private int[] fieldStarts = new int[16];
    private int[] fieldLengths = new int[16];
    private int nextLine = 1;

    public CsvRecordReader(TextReader reader)
    {
        this.reader = reader;
    }

    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>1-based line on which the current record starts.</summary>
    public int LineNumber { get; private set; }

    /// <summary>
    /// Set when the current record had a quote problem (an unclosed quoted field, or text
    /// after a closing quote); the 1-based field number where it happened.
    /// </summary>
    public int MalformedField { get; private set; }

    /// <summary>The field <paramref name="index"/> (0-based) of the current record.</summary>
    public ReadOnlySpan<char> this[int index] => record.AsSpan(fieldStarts[index], fieldLengths[index]);

    /// <summary>The field as a string (trimmed of surrounding spaces), or an empty string when the field is missing.</summary>
    public string GetString(int index) => index < FieldCount ? this[index].Trim().ToString() : string.Empty;

    /// <summary>The field trimmed, or an empty span when the record has fewer fields.</summary>
    public ReadOnlySpan<char> GetSpan(int index) => index < FieldCount ? this[index].Trim() : [];

    /// <summary>Reads the next non-blank record.</summary>
    /// <returns>False at the end of the input.</returns>
    public bool Read()
    {
        while (true)
        {
            if (!ReadRaw(out var blank))
            {
                return false;
            }

            if (!blank)
            {
                return true;
            }
        }
    }

    private bool ReadRaw(out bool blank)
    {
        recordLength = 0;
        FieldCount = 0;
        MalformedField = 0;
        LineNumber = nextLine;
        blank = true;

        if (!EnsureChar())
        {
            return false;
        }

        var fieldStart = 0;
        var inQuotes = false;
        var afterQuote = false;
        var fieldHadQuote = false;
        while (true)
        {
            if (!EnsureChar())
            {
                if (inQuotes && MalformedField == 0)
                {
                    MalformedField = FieldCount + 1;
                }

                EndField(fieldStart);
                return true;
            }

            var c = chunk[chunkPosition++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (EnsureChar() && chunk[chunkPosition] == '"')
                    {
                        chunkPosition++;
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        nextLine++;
                    }
                    else if (c == '\r')
                    {
                        if (EnsureChar() && chunk[chunkPosition] == '\n')
                        {
                            chunkPosition++;
                            Append('\r');
                            c = '\n';
                        }

                        nextLine++;
                    }

                    Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    blank = false;
                    EndField(fieldStart);
                    fieldStart = recordLength;
                    afterQuote = false;
                    fieldHadQuote = false;
                    break;
                case '\n':
                    nextLine++;
                    EndField(fieldStart);
                    return true;
                case '\r':
                    if (EnsureChar() && chunk[chunkPosition] == '\n')
                    {
                        chunkPosition++;
                    }

                    nextLine++;
                    EndField(fieldStart);
                    return true;
                case '"' when !fieldHadQuote && IsWhitespaceOnly(fieldStart):
                    blank = false;
                    recordLength = fieldStart;
                    inQuotes = true;
                    fieldHadQuote = true;
                    break;
                default:
                    if (afterQuote && !char.IsWhiteSpace(c) && MalformedField == 0)
                    {
                        MalformedField = FieldCount + 1;
                    }

                    if (!char.IsWhiteSpace(c))
                    {
                        blank = false;
                    }

                    Append(c);
                    break;
            }
        }
    }

    private bool IsWhitespaceOnly(int fieldStart)
    {
        for (var i = fieldStart; i < recordLength; i++)
        {
            if (!char.IsWhiteSpace(record[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void EndField(int fieldStart)
    {
        if (FieldCount == fieldStarts.Length)
        {
            Array.Resize(ref fieldStarts, FieldCount * 2);
            Array.Resize(ref fieldLengths, FieldCount * 2);
        }

        fieldStarts[FieldCount] = fieldStart;
        fieldLengths[FieldCount] = recordLength - fieldStart;
        FieldCount++;
    }

    private void Append(char c)
    {
        if (recordLength == record.Length)
        {
            Array.Resize(ref record, record.Length * 2);
        }

        record[recordLength++] = c;
    }

    private bool EnsureChar()
    {
        if (chunkPosition < chunkLength)
        {
            return true;
        }

        if (endOfInput)
        {
            return false;
        }

        chunkLength = reader.Read(chunk, 0, chunk.Length);
        chunkPosition = 0;
        if (chunkLength <= 0)
        {
            chunkLength = 0;
            endOfInput = true;
            return false;
        }

        return true;
    }
}

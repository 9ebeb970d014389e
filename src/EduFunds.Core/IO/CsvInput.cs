using System.Globalization;
using System.Text;
using CsvHelper;
using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.IO;

/// <summary>Which option names a file's encoding, for the hint of an encoding error.</summary>
internal enum EncodingSource
{
    /// <summary>A file of the workbook folder: <c>"encoding"</c> in edufunds.json or <c>--workbook-encoding</c>.</summary>
    Workbook,

    /// <summary>A file named on the command line (an export, rules, budgets): <c>--encoding</c>.</summary>
    CommandLine,
}

/// <summary>
/// The one CSV reader of EduFunds (CsvHelper underneath): every record of a file with its line,
/// read as it is enumerated, so a file of millions of rows streams. It decodes the file's
/// encoding (see <see cref="DecodingStream"/>), skips records whose cells are all blank, and
/// reports malformed quoting, invalid bytes and over-long records to an <see cref="IssueList"/>
/// with the file, line and column. A cursor: call <see cref="Read"/>, then read the cells.
/// </summary>
internal sealed class CsvInput : IDisposable
{
    /// <summary>The longest record read (in UTF-8 bytes); longer ones are an error, not a memory exhaustion.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>The longest cell read (in characters); longer ones are an error (they bound the work of every later check).</summary>
    public const int MaxCellLength = 10_000;

    private readonly DecodingStream text;
    private readonly CsvReader reader;
    private readonly IssueList issues;
    private readonly EncodingSource encodingSource;
    private int malformedLine;
    private CoreMessage? malformedReason;
    private bool failed;

    private CsvInput(Stream stream, string file, Encoding? encoding, EncodingSource encodingSource, IssueList issues)
    {
        File = file;
        this.issues = issues;
        this.encodingSource = encodingSource;
        text = new DecodingStream(stream, encoding);
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            FormatProvider = CultureInfo.InvariantCulture,
            TrackLineNumbers = true,
            PoolStrings = true,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = malformed =>
            {
                malformedLine = (int)malformed.LineNumber;
                malformedReason = malformed.Reason switch
                {
                    CsvMalformedReason.UnterminatedQuote =>
                        new CoreMessage("CsvUnterminatedQuote"),
                    CsvMalformedReason.StrayQuote =>
                        new CoreMessage("CsvStrayQuote"),
                    CsvMalformedReason.TextAfterClosingQuote =>
                        new CoreMessage("CsvTextAfterClosingQuote"),
                    _ => new CoreMessage("CsvMalformed", malformed.Reason),
                };
                issues.Error(new Pos(file, malformedLine, 0), malformedReason);
            },
        };
        reader = CsvReader.Create(text, options, leaveOpen: false);
    }

    /// <summary>The file name used in messages.</summary>
    public string File { get; }

    /// <summary>The 1-based line where the current record starts.</summary>
    public int Line { get; private set; }

    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount => reader.FieldCount;

    /// <summary>Whether the current record broke the quoting rules (already reported).</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>The encoding the file is read in (known after the first <see cref="Read"/>).</summary>
    public Encoding Encoding => text.Encoding;

    /// <summary>Whether the file starts with a byte order mark (known after the first <see cref="Read"/>).</summary>
    public bool HasByteOrderMark => text.HasByteOrderMark;

    /// <summary>Opens a CSV file's bytes.</summary>
    /// <param name="stream">The bytes; disposed with the reader.</param>
    /// <param name="file">The name for messages.</param>
    /// <param name="encoding">The encoding when there is no byte order mark (null: UTF-8).</param>
    /// <param name="encodingSource">Which option would name another encoding (for the hint).</param>
    /// <param name="issues">Where problems go.</param>
    public static CsvInput Open(Stream stream, string file, Encoding? encoding, EncodingSource encodingSource, IssueList issues) =>
        new(stream, file, encoding, encodingSource, issues);

    /// <summary>
    /// Moves to the next record that has a non-blank cell. False at the end, or when the rest of
    /// the file cannot be read (invalid bytes, an over-long record; reported).
    /// </summary>
    public bool Read()
    {
        if (failed)
        {
            return false;
        }

        try
        {
            while (reader.Read())
            {
                Line = checked((int)reader.LineNumber);
                IsMalformed = malformedReason is not null && malformedLine == Line;
                malformedReason = null;
                if (!IsBlank())
                {
                    CheckCellLengths();
                    return true;
                }
            }
        }
        catch (InvalidTextException e)
        {
            failed = true;
            issues.Unreadable(new Pos(File, e.Line, e.Column), EncodingMessage(e));
        }
        catch (CsvFormatException e)
        {
            failed = true;
            issues.Unreadable(
                new Pos(File, (int)Math.Max(e.LineNumber, Line + 1), 0),
                new CoreMessage("CsvRecordTooLong", MaxRecordBytes / 1024 / 1024));
        }

        return false;
    }

    /// <summary>
    /// The text of field <paramref name="index"/> (0-based) as written, or an empty string when
    /// the record has fewer fields; a cell over <see cref="MaxCellLength"/> is cut there (and reported).
    /// </summary>
    public string GetRaw(int index)
    {
        if (index < 0 || index >= reader.FieldCount)
        {
            return string.Empty;
        }

        var value = reader.GetString(index);
        return value.Length > MaxCellLength ? value[..MaxCellLength] : value;
    }

    /// <summary>The text of field <paramref name="index"/> trimmed of surrounding white space.</summary>
    public string Get(int index) => GetRaw(index).Trim();

    /// <summary>Whether the raw record spans several lines (a quoted cell holds a line break).</summary>
    public bool SpansLines() => reader.RawRecord.IndexOfAny((byte)'\n', (byte)'\r') >= 0;

    /// <summary>
    /// The 1-based line of each field of the current record (the record's line plus the line
    /// breaks inside the fields before it), for at least <paramref name="count"/> fields; one
    /// more element at the end holds the line where the record ends.
    /// </summary>
    public int[] FieldLines(int count)
    {
        var lines = new int[Math.Max(count, FieldCount) + 1];
        var current = Line;
        for (var f = 0; f < lines.Length; f++)
        {
            lines[f] = current;
            if (f < FieldCount)
            {
                current += CountLineBreaks(reader.GetString(f));
            }
        }

        return lines;
    }

    public void Dispose() => reader.Dispose();

    private void CheckCellLengths()
    {
        if (reader.RawRecord.Length <= MaxCellLength)
        {
            return;
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            var length = reader.GetString(i).Length;
            if (length > MaxCellLength)
            {
                issues.Error(
                    new Pos(File, Line, i + 1),
                    "CsvCellTooLong", length, MaxCellLength);
            }
        }
    }

    private static int CountLineBreaks(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n' || (value[i] == '\r' && (i + 1 == value.Length || value[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    private bool IsBlank()
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!reader.GetString(i).AsSpan().Trim().IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private CoreMessage EncodingMessage(InvalidTextException e)
    {
        var name = TextEncodings.NameOf(text.Encoding);
        var guess = text.Encoding is UTF8Encoding ? TextEncodings.Guess(text.Sample) : null;
        var option = encodingSource == EncodingSource.Workbook ? "--workbook-encoding" : "--encoding";
        var hint = guess is not null
            ? encodingSource == EncodingSource.Workbook
                ? new CoreMessage("EncodingHintWorkbook", guess.ToUpperInvariant(), option, guess, WorkbookFiles.Settings)
                : new CoreMessage("EncodingHint", guess.ToUpperInvariant(), option, guess)
            : new CoreMessage("EncodingHintSaveAsUtf8", option, TextEncodings.Examples);
        return new CoreMessage("FileNotInEncoding", e.Detail, name, hint);
    }
}

using System.IO.Compression;
using System.Text.Json;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.IO;

/// <summary>
/// A saved, mergeable result: gzip-compressed UTF-8 JSON, format <see cref="FormatVersion"/>,
/// documented in docs/scale-out.md ("The result file"). Counts only, so the parts of a study
/// add up exactly whatever machine computed them.
/// </summary>
/// <remarks>
/// A file holds work items <see cref="FirstItem"/> to <see cref="FirstItem"/> +
/// <see cref="ItemCount"/> - 1 of a study of <see cref="StudyItems"/> items (the runs of all its
/// workbooks, in list order), and one <see cref="WorkbookResultPart"/> per workbook it holds runs
/// of (<see cref="WorkbookResultPart.Create"/> makes one from a simulation). The study's fields
/// (<see cref="StudyItems"/>, <see cref="WorkbookCount"/>, <see cref="ListName"/>,
/// <see cref="ListHash"/>, <see cref="AsOf"/>, <see cref="TornadoRuns"/>) are the same in every
/// file of one study. The parts of one workbook from several files add up with
/// <see cref="SimulationResult.Merge"/>, which refuses parts of different inputs or run ranges
/// that do not meet.
/// </remarks>
public sealed record ResultFile
{
    /// <summary>The value of the <c>format</c> field.</summary>
    public const string FormatName = "edufunds-result";

    /// <summary>The format version this library writes and the newest it reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The file name ending of result files.</summary>
    public const string Extension = ".result.json.gz";

    /// <summary>"simulate" or "risk".</summary>
    public required string Command { get; init; }

    /// <summary>The shard (K of M), or null when the whole study is in this file.</summary>
    public Shard? Shard { get; init; }

    /// <summary>The first work item of this file (0 without a shard).</summary>
    public long FirstItem { get; init; }

    /// <summary>The work items of this file.</summary>
    public required long ItemCount { get; init; }

    /// <summary>T: the work items of the whole study (the runs of all its workbooks).</summary>
    public required long StudyItems { get; init; }

    /// <summary>Number of workbooks in the study (1 without a list).</summary>
    public int WorkbookCount { get; init; } = 1;

    /// <summary>The file name of the study's workbook list, or null for a single workbook.</summary>
    public string? ListName { get; init; }

    /// <summary>Hex SHA-256 of the workbook list's bytes, or null.</summary>
    public string? ListHash { get; init; }

    /// <summary>The re-forecast date (<c>--as-of</c>), or null.</summary>
    public string? AsOf { get; init; }

    /// <summary>Runs of the Monte Carlo tornado (risk results), or null.</summary>
    public long? TornadoRuns { get; init; }

    /// <summary>The workbooks this file holds runs of, in list order.</summary>
    public required IReadOnlyList<WorkbookResultPart> Parts { get; init; }

    /// <summary>The EduFunds version that wrote the file.</summary>
    public string EduFundsVersion { get; init; } = SimulationInputs.CurrentVersion;

    /// <summary>The random mapping of its runs.</summary>
    public int RandomMappingVersion { get; init; } = RandomMapping.Version;

    /// <summary>Writes the file (gzip JSON).</summary>
    /// <param name="stream">Where to write.</param>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var json = new Utf8JsonWriter(gzip);
        ResultFileWriter.Write(json, this);
    }

    /// <summary>
    /// Writes the file to <paramref name="path"/> atomically: to a temporary file in the same
    /// folder first, moved into place when complete, so a killed job never leaves half a file.
    /// </summary>
    /// <param name="path">The file, usually ending in <see cref="Extension"/>.</param>
    /// <param name="cancellationToken">Cancels before the file is moved into place.</param>
    /// <exception cref="IOException">The file cannot be written; an existing file is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public void Save(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFiles.Write(path, Write, cancellationToken);
    }

    /// <summary>
    /// Reads only what precedes the results (format, versions, shard, study): cheap, so that a
    /// merge can order and check thousands of files before it loads any counts.
    /// <see cref="Parts"/> is empty.
    /// </summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="fileName">How the file is named in messages.</param>
    /// <returns>The header.</returns>
    /// <exception cref="InputValidationException">Not a result file, damaged, or of a newer format: one issue naming the file, with the code <c>ResultFileNotOne</c>, <c>ResultFileUnreadable</c> (<see cref="Exception.InnerException"/> says why) or <c>ResultFileNewerFormat</c>.</exception>
    public static ResultFile ReadHeader(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            // The writer puts "results" last and never writes the bytes ,"results": inside a
            // string (a quote in a string is escaped), so the header is the text before them.
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[64 * 1024];
            var length = 0;
            var marker = ",\"results\":"u8;
            while (length < buffer.Length)
            {
                var read = gzip.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                var at = buffer.AsSpan(0, length).IndexOf(marker);
                if (at >= 0)
                {
                    var header = new byte[at + 1];
                    buffer.AsSpan(0, at).CopyTo(header);
                    header[at] = (byte)'}';
                    using var document = JsonDocument.Parse(header);
                    return ResultFileReader.Read(document.RootElement, fileName);
                }
            }

            // Not written by this library's writer: read it whole.
            stream.Position = 0;
            return Read(stream, fileName) with { Parts = [] };
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw Unreadable(fileName, new CoreMessage("ResultFileUnreadable", e.Message), e);
        }
    }

    /// <summary>Reads a result file.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="fileName">How the file is named in messages.</param>
    /// <returns>The result file.</returns>
    /// <exception cref="InputValidationException">Not a result file, damaged, or of a newer format: one issue naming the file, with the code <c>ResultFileNotOne</c>, <c>ResultFileUnreadable</c> (<see cref="Exception.InnerException"/> says why) or <c>ResultFileNewerFormat</c>.</exception>
    public static ResultFile Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var document = JsonDocument.Parse(gzip);
            return ResultFileReader.Read(document.RootElement, fileName);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw Unreadable(fileName, new CoreMessage("ResultFileUnreadable", e.Message), e);
        }
    }

    /// <summary>The failure of a result file that cannot be read: one issue naming the file, the summary "file: problem".</summary>
    /// <param name="fileName">How the file is named in messages.</param>
    /// <param name="problem">What is wrong (a <c>ResultFile...</c> code).</param>
    /// <param name="cause">The cause, or null.</param>
    /// <returns>The exception to throw.</returns>
    internal static InputValidationException Unreadable(string fileName, CoreMessage problem, Exception? cause = null) =>
        new(new CoreMessage("ResultFileProblem", fileName, problem), [ValidationIssue.Create(fileName, 0, 0, IssueSeverity.Error, problem)], cause);
}

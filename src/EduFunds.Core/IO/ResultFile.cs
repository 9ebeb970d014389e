using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.IO;

/// <summary>How a study was asked for: the same in every shard of one study.</summary>
public sealed record StudyDescription
{
    /// <summary>T: the work items of the study (the runs of all its workbooks).</summary>
    public required long Items { get; init; }

    /// <summary>Number of workbooks (1 without a list).</summary>
    public int Workbooks { get; init; } = 1;

    /// <summary>The file name of the workbook list, or null for a single workbook.</summary>
    public string? ListName { get; init; }

    /// <summary>Hex SHA-256 of the workbook list's bytes, or null.</summary>
    public string? ListHash { get; init; }

    /// <summary>The re-forecast date (<c>--as-of</c>), or null.</summary>
    public string? AsOf { get; init; }

    /// <summary>Runs of the Monte Carlo tornado (risk results), or null.</summary>
    public long? TornadoRuns { get; init; }
}

/// <summary>A workbook of a study, as its reports name it.</summary>
public sealed record StudyWorkbook
{
    /// <summary>Its line in the study (1 for a single workbook).</summary>
    public int Position { get; init; } = 1;

    /// <summary>The list line as written, or the folder or file name for a single workbook.</summary>
    public required string Entry { get; init; }

    /// <summary>The workbook's <c>name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The folder or file name (never a path): how reports name the source.</summary>
    public required string Source { get; init; }

    /// <summary>The currency.</summary>
    public required Monetary.Currency Currency { get; init; }

    /// <summary>The policy in effect (the override, else the workbook's or the scenario's in the first year).</summary>
    public required string Policy { get; init; }

    /// <summary>Runs of this workbook in the whole study.</summary>
    public required long TotalRuns { get; init; }
}

/// <summary>One workbook's part of a result file.</summary>
public sealed record WorkbookResultPart
{
    /// <summary>The workbook.</summary>
    public required StudyWorkbook Workbook { get; init; }

    /// <summary>The simulation of this part's runs.</summary>
    public required SimulationResult Simulation { get; init; }

    /// <summary>Each program's first stall year in the deterministic projection, or null (what "high risk" needs).</summary>
    public required EquatableArray<int?> ProjectionFirstStall { get; init; }

    /// <summary>The Monte Carlo tornado's tallies of this part (risk results), or null.</summary>
    public StreamLossResult? Tornado { get; init; }

    /// <summary>The ids of the tornado's streams (for people reading the file), in the order of <see cref="StreamLossResult.Streams"/>.</summary>
    public EquatableArray<string> TornadoStreamIds { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>
/// A saved, mergeable result: gzip-compressed UTF-8 JSON, format <see cref="FormatVersion"/>,
/// documented in docs/scale-out.md ("The result file"). Counts only, so the parts of a study
/// add up exactly whatever machine computed them.
/// </summary>
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

    /// <summary>The study.</summary>
    public required StudyDescription Study { get; init; }

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
    /// Reads only what precedes the results (format, versions, shard, study): cheap, so that a
    /// merge can order and check thousands of files before it loads any counts.
    /// <see cref="Parts"/> is empty.
    /// </summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="fileName">How the file is named in messages.</param>
    /// <returns>The header.</returns>
    /// <exception cref="ResultFileException">Not a result file, damaged, or of a newer format.</exception>
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
            throw new ResultFileException(fileName, "damaged", $"{fileName}: not a readable EduFunds result file ({e.Message}).", e);
        }
    }

    /// <summary>Reads a result file.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="fileName">How the file is named in messages.</param>
    /// <returns>The result file.</returns>
    /// <exception cref="ResultFileException">Not a result file, damaged, or of a newer format.</exception>
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
            throw new ResultFileException(fileName, "damaged", $"{fileName}: not a readable EduFunds result file ({e.Message}).", e);
        }
    }
}

/// <summary>A result file that cannot be read: not one, damaged, or of a newer format.</summary>
public sealed class ResultFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file.</param>
    /// <param name="reason">"damaged" or "newer-format".</param>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause, or null.</param>
    public ResultFileException(string fileName, string reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public ResultFileException()
        : this(string.Empty, "damaged", "Not a readable EduFunds result file.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ResultFileException(string message)
        : this(string.Empty, "damaged", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResultFileException(string message, Exception innerException)
        : this(string.Empty, "damaged", message, innerException)
    {
    }

    /// <summary>The file.</summary>
    public string FileName { get; } = string.Empty;

    /// <summary>"damaged" or "newer-format".</summary>
    public string Reason { get; } = "damaged";
}

/// <summary>Writes format 1.</summary>
internal static class ResultFileWriter
{
    public static void Write(Utf8JsonWriter json, ResultFile file)
    {
        json.WriteStartObject();
        json.WriteString("format", ResultFile.FormatName);
        json.WriteNumber("formatVersion", ResultFile.FormatVersion);
        json.WriteString("edufundsVersion", file.EduFundsVersion);
        json.WriteNumber("randomMappingVersion", file.RandomMappingVersion);
        json.WriteString("command", file.Command);
        if (file.Shard is { } shard)
        {
            json.WriteStartObject("shard");
            json.WriteNumber("index", shard.Index);
            json.WriteNumber("count", shard.Count);
            json.WriteNumber("firstItem", file.FirstItem);
            json.WriteNumber("items", file.ItemCount);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("shard");
        }

        var study = file.Study;
        json.WriteStartObject("study");
        json.WriteNumber("items", study.Items);
        json.WriteNumber("workbooks", study.Workbooks);
        if (study.ListName is null)
        {
            json.WriteNull("list");
        }
        else
        {
            json.WriteStartObject("list");
            json.WriteString("name", study.ListName);
            json.WriteString("sha256", study.ListHash);
            json.WriteEndObject();
        }

        WriteOptional(json, "asOf", study.AsOf);
        if (study.TornadoRuns is { } tornadoRuns)
        {
            json.WriteNumber("tornadoRuns", tornadoRuns);
        }
        else
        {
            json.WriteNull("tornadoRuns");
        }

        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var part in file.Parts)
        {
            WritePart(json, part);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePart(Utf8JsonWriter json, WorkbookResultPart part)
    {
        var result = part.Simulation;
        var inputs = result.Inputs;
        var counts = result.Counts;
        var years = result.Years.Count;
        json.WriteStartObject();
        json.WriteNumber("position", part.Workbook.Position);
        json.WriteStartObject("workbook");
        json.WriteString("entry", part.Workbook.Entry);
        json.WriteString("name", part.Workbook.Name);
        json.WriteString("source", part.Workbook.Source);
        json.WriteString("currency", part.Workbook.Currency.Code);
        json.WriteStartArray("years");
        json.WriteNumberValue(result.Years.From);
        json.WriteNumberValue(result.Years.To);
        json.WriteEndArray();
        json.WriteString("sha256", inputs.ModelHash);
        json.WriteStartObject("parts");
        json.WriteString("settings", inputs.SettingsHash);
        json.WriteString("streams", inputs.StreamsHash);
        json.WriteString("programs", inputs.ProgramsHash);
        json.WriteEndObject();
        json.WriteEndObject();
        WriteOptional(json, "scenario", inputs.ScenarioName);
        json.WriteString("policy", part.Workbook.Policy);
        WriteOptional(json, "policyOverride", inputs.PolicyOverride);
        json.WriteNumber("seed", inputs.Seed);
        json.WriteStartArray("trends");
        foreach (var trend in inputs.Trends)
        {
            json.WriteStartObject();
            json.WriteString("kind", WorkbookNames.ToName(trend.Kind));
            json.WriteString("shape", trend.Shape == TrendShape.Pert ? "pert" : "triangular");
            json.WriteNumber("min", trend.Min);
            json.WriteNumber("mostLikely", trend.MostLikely);
            json.WriteNumber("max", trend.Max);
            if (trend.From is { } from)
            {
                json.WriteNumber("from", from);
            }
            else
            {
                json.WriteNull("from");
            }

            if (trend.ReplacesAnnualChange)
            {
                json.WriteBoolean("replacesAnnualChange", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("runs");
        json.WriteNumber("total", part.Workbook.TotalRuns);
        json.WriteNumber("first", result.FirstRun);
        json.WriteNumber("count", result.Runs);
        json.WriteEndObject();

        json.WriteStartArray("programs");
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var program = result.Programs[p];
            json.WriteStartObject();
            json.WriteString("id", program.Id);
            json.WriteString("name", program.Name);
            json.WriteStartObject("row");
            json.WriteString("category", WorkbookNames.ToName(program.Category));
            WriteOptional(json, "community", program.Community);
            json.WriteNumber("cost", program.CostMinorUnits);
            json.WriteString("costChange", program.CostChange.ToString(CultureInfo.InvariantCulture));
            json.WriteString("minFundingRatio", program.MinFundingRatio.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("priority", program.Priority);
            json.WriteNumber("startYear", program.StartYear);
            WriteOptional(json, "endYear", program.EndYear);
            WriteOptional(json, "participants", program.Participants);
            json.WriteEndObject();
            WriteOptional(json, "projectionFirstStall", part.ProjectionFirstStall[p]);
            WriteInts(json, "firstStall", counts.FirstStall.AsSpan(p * (years + 1), years + 1));
            WriteInts(json, "shelved", counts.Shelved.AsSpan(p * (years + 1), years + 1));
            json.WriteStartArray("fundingRatio");
            for (var y = 0; y < years; y++)
            {
                var cell = (y * result.Programs.Count) + p;
                json.WriteStartObject();
                json.WriteNumber("zero", counts.RatioZero[cell]);
                json.WriteNumber("full", counts.RatioFull[cell]);
                json.WriteStartArray("thousandths");
                var bins = counts.RatioHistogram.AsSpan(cell * SimulationCounts.RatioBins, SimulationCounts.RatioBins);
                for (var b = 0; b < bins.Length; b++)
                {
                    if (bins[b] != 0)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(b);
                        json.WriteNumberValue(bins[b]);
                        json.WriteEndArray();
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("pool");
        foreach (var pool in counts.Pool)
        {
            json.WriteStartObject();
            if (pool.IsExact)
            {
                json.WriteStartArray("values");
                foreach (var value in pool.SortedValues())
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteStartArray("buckets");
                foreach (var (key, n) in pool.SortedBuckets())
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(key);
                    json.WriteNumberValue(n);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteInts(json, "stalledPrograms", counts.StalledPrograms);
        if (part.Tornado is { } tornado)
        {
            json.WriteStartObject("tornado");
            json.WriteStartArray("streams");
            foreach (var id in part.TornadoStreamIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            WriteInts(json, "streamIndexes", [.. tornado.Streams]);
            json.WriteNumber("first", tornado.FirstRun);
            json.WriteNumber("runs", tornado.Runs);
            json.WriteStartArray("stalls");
            var stalls = tornado.StallCounts;
            for (var v = 0; v <= tornado.Streams.Count; v++)
            {
                json.WriteStartArray();
                foreach (var n in stalls.Slice(v * tornado.ProgramCount, tornado.ProgramCount))
                {
                    json.WriteNumberValue(n);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("tornado");
        }

        json.WriteEndObject();
    }

    private static void WriteInts(Utf8JsonWriter json, string name, ReadOnlySpan<int> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

/// <summary>Reads format 1 (and refuses newer ones).</summary>
internal static class ResultFileReader
{
    public static ResultFile Read(JsonElement root, string fileName)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != ResultFile.FormatName)
        {
            throw new ResultFileException(fileName, "damaged", $"{fileName}: not an EduFunds result file (no \"format\": \"{ResultFile.FormatName}\").");
        }

        var version = root.GetProperty("formatVersion").GetInt32();
        if (version > ResultFile.FormatVersion)
        {
            throw new ResultFileException(
                fileName,
                "newer-format",
                $"{fileName}: result file format {version} is newer than this EduFunds reads ({ResultFile.FormatVersion}); update edufunds.");
        }

        var edufundsVersion = root.GetProperty("edufundsVersion").GetString()!;
        var mapping = root.GetProperty("randomMappingVersion").GetInt32();
        Shard? shard = null;
        long firstItem = 0;
        long items;
        var studyElement = root.GetProperty("study");
        if (root.GetProperty("shard") is { ValueKind: JsonValueKind.Object } shardElement)
        {
            shard = new Shard(shardElement.GetProperty("index").GetInt32(), shardElement.GetProperty("count").GetInt32());
            firstItem = shardElement.GetProperty("firstItem").GetInt64();
            items = shardElement.GetProperty("items").GetInt64();
        }
        else
        {
            items = studyElement.GetProperty("items").GetInt64();
        }

        var list = studyElement.GetProperty("list");
        var study = new StudyDescription
        {
            Items = studyElement.GetProperty("items").GetInt64(),
            Workbooks = studyElement.GetProperty("workbooks").GetInt32(),
            ListName = list.ValueKind == JsonValueKind.Object ? list.GetProperty("name").GetString() : null,
            ListHash = list.ValueKind == JsonValueKind.Object ? list.GetProperty("sha256").GetString() : null,
            AsOf = OptionalString(studyElement, "asOf"),
            TornadoRuns = studyElement.TryGetProperty("tornadoRuns", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null,
        };

        var parts = new List<WorkbookResultPart>();
        foreach (var element in root.TryGetProperty("results", out var results) ? results.EnumerateArray() : default)
        {
            parts.Add(ReadPart(element, edufundsVersion, mapping));
        }

        return new ResultFile
        {
            Command = root.GetProperty("command").GetString()!,
            Shard = shard,
            FirstItem = firstItem,
            ItemCount = items,
            Study = study,
            Parts = parts,
            EduFundsVersion = edufundsVersion,
            RandomMappingVersion = mapping,
        };
    }

    private static WorkbookResultPart ReadPart(JsonElement element, string edufundsVersion, int mapping)
    {
        var workbookElement = element.GetProperty("workbook");
        var yearsElement = workbookElement.GetProperty("years");
        var years = new YearRange(yearsElement[0].GetInt32(), yearsElement[1].GetInt32());
        var hashes = workbookElement.GetProperty("parts");
        var trends = new List<UncertainTrend>();
        foreach (var trend in element.GetProperty("trends").EnumerateArray())
        {
            trends.Add(new UncertainTrend(
                WorkbookNames.Parse<StreamKind>(trend.GetProperty("kind").GetString()!),
                trend.GetProperty("shape").GetString() == "pert" ? TrendShape.Pert : TrendShape.Triangular,
                trend.GetProperty("min").GetDouble(),
                trend.GetProperty("mostLikely").GetDouble(),
                trend.GetProperty("max").GetDouble(),
                trend.GetProperty("from").ValueKind == JsonValueKind.Number ? trend.GetProperty("from").GetInt32() : null)
            {
                ReplacesAnnualChange = trend.TryGetProperty("replacesAnnualChange", out var replaces) && replaces.ValueKind == JsonValueKind.True,
            });
        }

        var inputs = new SimulationInputs
        {
            SettingsHash = hashes.GetProperty("settings").GetString()!,
            StreamsHash = hashes.GetProperty("streams").GetString()!,
            ProgramsHash = hashes.GetProperty("programs").GetString()!,
            ScenarioName = OptionalString(element, "scenario"),
            PolicyOverride = OptionalString(element, "policyOverride"),
            Seed = element.GetProperty("seed").GetInt64(),
            Trends = new EquatableArray<UncertainTrend>(trends),
            RandomMappingVersion = mapping,
            EduFundsVersion = edufundsVersion,
        };
        var runs = element.GetProperty("runs");
        var workbook = new StudyWorkbook
        {
            Position = element.GetProperty("position").GetInt32(),
            Entry = workbookElement.GetProperty("entry").GetString()!,
            Name = workbookElement.GetProperty("name").GetString()!,
            Source = workbookElement.GetProperty("source").GetString()!,
            Currency = Monetary.Currency.FromCode(workbookElement.GetProperty("currency").GetString()!),
            Policy = element.GetProperty("policy").GetString()!,
            TotalRuns = runs.GetProperty("total").GetInt64(),
        };

        var programElements = element.GetProperty("programs").EnumerateArray().ToArray();
        var programCount = programElements.Length;
        var yearCount = years.Count;
        var counts = new SimulationCounts(programCount, yearCount);
        var programs = new EducationProgram[programCount];
        var projectionFirstStall = new int?[programCount];
        for (var p = 0; p < programCount; p++)
        {
            var program = programElements[p];
            var row = program.GetProperty("row");
            programs[p] = new EducationProgram(
                program.GetProperty("id").GetString()!,
                program.GetProperty("name").GetString()!,
                WorkbookNames.Parse<ProgramCategory>(row.GetProperty("category").GetString()!),
                OptionalString(row, "community"),
                Monetary.Money.FromMinorUnits(row.GetProperty("cost").GetInt64(), workbook.Currency),
                decimal.Parse(row.GetProperty("costChange").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(row.GetProperty("minFundingRatio").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                row.GetProperty("priority").GetInt32(),
                row.GetProperty("startYear").GetInt32(),
                OptionalInt(row, "endYear"),
                OptionalInt(row, "participants"));
            projectionFirstStall[p] = OptionalInt(program, "projectionFirstStall");
            ReadInts(program.GetProperty("firstStall"), counts.FirstStall.AsSpan(p * (yearCount + 1), yearCount + 1));
            ReadInts(program.GetProperty("shelved"), counts.Shelved.AsSpan(p * (yearCount + 1), yearCount + 1));
            var y = 0;
            foreach (var ratio in program.GetProperty("fundingRatio").EnumerateArray())
            {
                var cell = (y * programCount) + p;
                counts.RatioZero[cell] = ratio.GetProperty("zero").GetInt32();
                counts.RatioFull[cell] = ratio.GetProperty("full").GetInt32();
                foreach (var bin in ratio.GetProperty("thousandths").EnumerateArray())
                {
                    var b = bin[0].GetInt32();
                    if (b < 0 || b >= SimulationCounts.RatioBins)
                    {
                        throw new FormatException($"funding-ratio bin {b} is outside 0..1000");
                    }

                    counts.RatioHistogram[(cell * SimulationCounts.RatioBins) + b] = bin[1].GetInt32();
                }

                y++;
            }

            if (y != yearCount)
            {
                throw new FormatException($"program {programs[p].Id} has {y} funding-ratio years, not {yearCount}");
            }
        }

        var year = 0;
        foreach (var pool in element.GetProperty("pool").EnumerateArray())
        {
            if (pool.TryGetProperty("values", out var values))
            {
                foreach (var value in values.EnumerateArray())
                {
                    counts.Pool[year].Add(value.GetInt64());
                }
            }
            else
            {
                foreach (var bucket in pool.GetProperty("buckets").EnumerateArray())
                {
                    counts.Pool[year].AddBucket(bucket[0].GetInt64(), bucket[1].GetInt64());
                }
            }

            year++;
        }

        ReadInts(element.GetProperty("stalledPrograms"), counts.StalledPrograms);
        var runCount = runs.GetProperty("count").GetInt64();
        counts.Runs = runCount;
        var first = runs.GetProperty("first").GetInt64();
        var simulation = new SimulationResult(
            counts, programs, years, inputs.ScenarioName, inputs.Seed, first, inputs.Trends, null, SimulationStop.FixedRuns, inputs);

        StreamLossResult? tornado = null;
        var tornadoIds = EquatableArray<string>.Empty;
        if (element.GetProperty("tornado") is { ValueKind: JsonValueKind.Object } tornadoElement)
        {
            var streams = tornadoElement.GetProperty("streamIndexes").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var stalls = new long[(streams.Length + 1) * programCount];
            var v = 0;
            foreach (var variant in tornadoElement.GetProperty("stalls").EnumerateArray())
            {
                var p = 0;
                foreach (var n in variant.EnumerateArray())
                {
                    stalls[(v * programCount) + p++] = n.GetInt64();
                }

                v++;
            }

            tornado = StreamLossResult.FromCounts(streams, programCount, tornadoElement.GetProperty("first").GetInt64(), tornadoElement.GetProperty("runs").GetInt64(), stalls, inputs);
            tornadoIds = new EquatableArray<string>(tornadoElement.GetProperty("streams").EnumerateArray().Select(e => e.GetString()!));
        }

        return new WorkbookResultPart
        {
            Workbook = workbook,
            Simulation = simulation,
            ProjectionFirstStall = new EquatableArray<int?>(projectionFirstStall),
            Tornado = tornado,
            TornadoStreamIds = tornadoIds,
        };
    }

    private static void ReadInts(JsonElement array, Span<int> target)
    {
        var i = 0;
        foreach (var value in array.EnumerateArray())
        {
            target[i++] = value.GetInt32();
        }

        if (i != target.Length)
        {
            throw new FormatException($"an array has {i} counts, not {target.Length}");
        }
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}

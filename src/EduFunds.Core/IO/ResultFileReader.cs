using System.Globalization;
using System.Text.Json;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.IO;

/// <summary>Reads format 1 (and refuses newer ones).</summary>
internal static class ResultFileReader
{
    public static ResultFile Read(JsonElement root, string fileName)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != ResultFile.FormatName)
        {
            throw ResultFile.Unreadable(fileName, new CoreMessage("ResultFileNotOne", ResultFile.FormatName));
        }

        var version = root.GetProperty("formatVersion").GetInt32();
        if (version > ResultFile.FormatVersion)
        {
            throw ResultFile.Unreadable(fileName, new CoreMessage("ResultFileNewerFormat", version, ResultFile.FormatVersion));
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
            StudyItems = studyElement.GetProperty("items").GetInt64(),
            WorkbookCount = studyElement.GetProperty("workbooks").GetInt32(),
            ListName = list.ValueKind == JsonValueKind.Object ? list.GetProperty("name").GetString() : null,
            ListHash = list.ValueKind == JsonValueKind.Object ? list.GetProperty("sha256").GetString() : null,
            AsOf = OptionalString(studyElement, "asOf"),
            TornadoRuns = studyElement.TryGetProperty("tornadoRuns", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null,
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
        var currency = Monetary.Currency.FromCode(workbookElement.GetProperty("currency").GetString()!);

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
                Monetary.Money.FromMinorUnits(row.GetProperty("cost").GetInt64(), currency),
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

                    var n = bin[1].GetInt32();
                    if (n < 0)
                    {
                        throw new FormatException($"funding-ratio bin {b} has a negative count");
                    }

                    if (n > 0)
                    {
                        counts.Ratios.AddCount(cell, b, n);
                    }
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

        var simulation = new SimulationResult(
            counts, programs, years, inputs.ScenarioName, inputs.Seed, first, inputs.Trends, null, inputs) { Tornado = tornado };

        return new WorkbookResultPart
        {
            Position = element.GetProperty("position").GetInt32(),
            Entry = workbookElement.GetProperty("entry").GetString()!,
            Name = workbookElement.GetProperty("name").GetString()!,
            Source = workbookElement.GetProperty("source").GetString()!,
            Currency = currency,
            Policy = element.GetProperty("policy").GetString()!,
            TotalRuns = runs.GetProperty("total").GetInt64(),
            Simulation = simulation,
            ProjectionFirstStall = new EquatableArray<int?>(projectionFirstStall),
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

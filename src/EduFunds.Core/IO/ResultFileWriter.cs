using System.Globalization;
using System.Text.Json;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.IO;

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

        json.WriteStartObject("study");
        json.WriteNumber("items", file.StudyItems);
        json.WriteNumber("workbooks", file.WorkbookCount);
        if (file.ListName is null)
        {
            json.WriteNull("list");
        }
        else
        {
            json.WriteStartObject("list");
            json.WriteString("name", file.ListName);
            json.WriteString("sha256", file.ListHash);
            json.WriteEndObject();
        }

        WriteOptional(json, "asOf", file.AsOf);
        if (file.TornadoRuns is { } tornadoRuns)
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
        json.WriteNumber("position", part.Position);
        json.WriteStartObject("workbook");
        json.WriteString("entry", part.Entry);
        json.WriteString("name", part.Name);
        json.WriteString("source", part.Source);
        json.WriteString("currency", part.Currency.Code);
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
        json.WriteString("policy", part.Policy);
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
        json.WriteNumber("total", part.TotalRuns);
        json.WriteNumber("first", result.FirstRun);
        json.WriteNumber("count", result.Runs);
        json.WriteEndObject();

        json.WriteStartArray("programs");
        var bins = new int[SimulationCounts.RatioBins];
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
                counts.Ratios.CountsOf(cell, bins);
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
        if (part.Simulation.Tornado is { } tornado)
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

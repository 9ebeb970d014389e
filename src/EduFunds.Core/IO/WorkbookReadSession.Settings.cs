using System.Text.Json;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <content>Reading edufunds.json's settings and years.</content>
internal sealed partial class WorkbookReadSession
{
    private (Workbook Settings, JsonElement? Root) ReadSettings()
    {
        var settings = new Workbook { Name = "Workbook", Currency = currency, Years = years };
        if (!RequireFile(WorkbookFiles.Settings))
        {
            return (settings, null);
        }

        // UTF-8 (with or without a byte order mark) or UTF-16 with one; handed on as UTF-8.
        byte[] bytes;
        using (var stream = new DecodingStream(source.Open(WorkbookFiles.Settings), encoding: null))
        using (var buffer = new MemoryStream())
        {
            try
            {
                stream.CopyTo(buffer);
            }
            catch (InvalidTextException e)
            {
                issues.Error(
                    new Pos(WorkbookFiles.Settings, e.Line, e.Column),
                    "SettingsNotUtf8", e.Detail, WorkbookFiles.Settings);
                return (settings, null);
            }

            bytes = buffer.ToArray();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            issues.Error(JsonPositions.Of(bytes, e), "JsonInvalid", (cut > 0 ? message[..cut] : message));
            return (settings, null);
        }

        var readerOptions = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        json = JsonPositions.Map(bytes, readerOptions);
        if (JsonPositions.FindInvalidString(bytes, readerOptions) is var invalid and >= 0)
        {
            document.Dispose();
            issues.Error(json.At(invalid), "JsonLoneSurrogate");
            return (settings, null);
        }

        var root = document.RootElement.Clone();
        document.Dispose();
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Error(json.Value(string.Empty), "SettingsNotObject");
            return (settings, null);
        }

        var keys = Keys(root, string.Empty, SettingsKeys, new CoreMessage("WordSettings"));
        if (keys.TryGetValue("name", out var name))
        {
            settings = settings with { Name = String(name, "name") ?? settings.Name };
        }

        if (keys.TryGetValue("currency", out var code) && String(code, "currency") is { } codeText)
        {
            if (Currency.TryFromCode(codeText.Trim().ToUpperInvariant(), out var found))
            {
                currency = found;
            }
            else
            {
                issues.Error(json.Value("currency"), "CurrencyUnknown", ModelText.Quote(codeText), Suggestions.DidYouMean(codeText, Currency.All.Select(c => c.Code)));
            }
        }

        settings = settings with { Currency = currency };
        if (keys.TryGetValue("encoding", out var encodingElement) && String(encodingElement, "encoding") is { } encodingText)
        {
            csvEncoding = TextEncodings.Find(encodingText);
            if (csvEncoding is null)
            {
                issues.Error(json.Value("encoding"), "EncodingUnknown", ModelText.Quote(encodingText), TextEncodings.Examples);
            }
        }

        if (keys.TryGetValue("fiscalYearStartMonth", out var month) && Int(month, "fiscalYearStartMonth", new CoreMessage("ExpectedMonth")) is { } m)
        {
            settings = settings with { FiscalYearStartMonth = m };
        }

        if (keys.TryGetValue("rounding", out var rounding) && String(rounding, "rounding") is { } roundingText)
        {
            if (WorkbookNames.TryParse<RoundingMode>(roundingText, out var mode))
            {
                settings = settings with { Rounding = mode };
            }
            else
            {
                issues.Error(json.Value("rounding"), "RoundingUnknown", ModelText.Quote(roundingText), Suggestions.DidYouMean(roundingText, WorkbookNames.Names<RoundingMode>()), WorkbookNames.Describe<RoundingMode>());
            }
        }

        ReadYears(keys);
        settings = settings with { Years = years };
        if (keys.TryGetValue("policy", out var policy) && String(policy, "policy") is { } policyText)
        {
            settings = settings with { Policy = policyText.Trim() };
        }

        if (keys.TryGetValue("flagshipWeight", out var weight) && Decimal(weight, "flagshipWeight", new CoreMessage("ExpectedWeight")) is { } w)
        {
            settings = settings with { FlagshipWeight = w };
        }

        if (keys.TryGetValue("shelveAfter", out var shelve) && Int(shelve, "shelveAfter", new CoreMessage("ExpectedShelveAfter")) is { } sa)
        {
            settings = settings with { ShelveAfter = sa };
        }

        if (keys.TryGetValue("carryOverPool", out var carry))
        {
            if (carry.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                settings = settings with { CarryOverPool = carry.GetBoolean() };
            }
            else
            {
                issues.Error(json.Value("carryOverPool"), "CarryOverPoolNotBoolean", ModelText.Quote(carry.GetRawText()));
            }
        }

        if (keys.TryGetValue("monteCarlo", out var monteCarlo) && Object(monteCarlo, "monteCarlo"))
        {
            var mc = Keys(monteCarlo, "monteCarlo", ["runs", "seed"], "monteCarlo");
            var runs = mc.TryGetValue("runs", out var runsElement) ? Int(runsElement, "monteCarlo.runs", new CoreMessage("ExpectedRuns")) : null;
            var seed = mc.TryGetValue("seed", out var seedElement) ? Long(seedElement, "monteCarlo.seed") : null;
            settings = settings with { MonteCarloRuns = runs ?? 10_000, MonteCarloSeed = seed ?? 1 };
        }

        return (settings, root);
    }

    private void ReadYears(Dictionary<string, JsonElement> keys)
    {
        if (!keys.TryGetValue("years", out var element))
        {
            issues.Error(json!.Value(string.Empty), "SettingsYearsMissing");
            return;
        }

        if (!Object(element, "years"))
        {
            return;
        }

        var yearKeys = Keys(element, "years", ["from", "to"], "years");
        int? from = null;
        int? to = null;
        foreach (var key in (string[])["from", "to"])
        {
            if (!yearKeys.TryGetValue(key, out var value))
            {
                issues.Error(json!.Value("years"), "YearsKeyMissing", key);
            }
            else if (key == "from")
            {
                from = Int(value, "years.from", new CoreMessage("ExpectedFirstYear"));
            }
            else
            {
                to = Int(value, "years.to", new CoreMessage("ExpectedLastYear"));
            }
        }

        if (from is { } f && to is { } t)
        {
            years = YearRange.Unchecked(f, t);
            yearsKnown = true;
        }
        else if (from is { } only)
        {
            years = YearRange.Unchecked(only, only);
        }
    }
}

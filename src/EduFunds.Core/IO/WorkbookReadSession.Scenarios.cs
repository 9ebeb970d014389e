using System.Text.Json;
using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.IO;

/// <content>Reading the scenarios of edufunds.json and their changes.</content>
internal sealed partial class WorkbookReadSession
{
    private List<Scenario> ReadScenarios(JsonElement root, RowParser parser)
    {
        var result = new List<Scenario>();
        if (!root.TryGetProperty("scenarios", out var array))
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            issues.Error(json!.Value("scenarios"), "ScenariosNotList");
            return result;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"scenarios[{index++}]";
            if (!Object(element, path))
            {
                continue;
            }

            var keys = Keys(element, path, ["name", "description", "changes"], new CoreMessage("WordScenario"));
            var name = keys.TryGetValue("name", out var nameElement) ? String(nameElement, path + ".name") ?? string.Empty : string.Empty;
            var description = keys.TryGetValue("description", out var descriptionElement) && descriptionElement.ValueKind != JsonValueKind.Null
                ? String(descriptionElement, path + ".description")
                : null;
            var changes = new List<ScenarioChange>();
            var sources = new List<(string Path, IRowPositions? Row)>();
            if (keys.TryGetValue("changes", out var changesElement))
            {
                if (changesElement.ValueKind != JsonValueKind.Array)
                {
                    issues.Error(json!.Value(path + ".changes"), "ChangesNotList");
                }
                else
                {
                    var changeIndex = 0;
                    foreach (var change in changesElement.EnumerateArray())
                    {
                        var changePath = $"{path}.changes[{changeIndex++}]";
                        ReadChange(change, changePath, parser, changes, sources);
                    }
                }
            }

            scenarioPaths.Add(path);
            changeSources.Add(sources);
            result.Add(Model.Scenario.Unchecked(name.Trim(), description, new EquatableArray<ScenarioChange>(changes)));
        }

        return result;
    }

    private void ReadChange(JsonElement element, string path, RowParser parser, List<ScenarioChange> changes, List<(string Path, IRowPositions? Row)> sources)
    {
        if (!Object(element, path))
        {
            return;
        }

        var keys = Keys(element, path, ChangeKeys, new CoreMessage("WordChange"));
        if (!keys.TryGetValue("type", out var typeElement))
        {
            issues.Error(json!.Value(path), "ChangeTypeMissing", string.Join(", ", ChangeTypes));
            return;
        }

        var type = String(typeElement, path + ".type")?.Trim();
        if (type is null)
        {
            return;
        }

        var from = years.From;
        if (keys.TryGetValue("from", out var fromElement) && Int(fromElement, path + ".from", new CoreMessage("ExpectedChangeFrom")) is { } f)
        {
            from = f;
        }

        void Add(ScenarioChange change, IRowPositions? row = null)
        {
            changes.Add(change);
            sources.Add((path, row));
        }

        void Ignore(params string[] allowed)
        {
            foreach (var key in keys.Keys)
            {
                if (key is not "type" and not "from" && !allowed.Contains(key))
                {
                    issues.Warning(json!.Name($"{path}.{key}"), allowed.Length == 0 ? "ChangeKeyIgnoredNoKeys" : "ChangeKeyIgnored", key, type, string.Join(", ", allowed));
                }
            }
        }

        switch (type)
        {
            case "scale":
                {
                    Ignore("stream", "kind", "factor");
                    var target = Target(keys, path);
                    var factor = Required(keys, path, "factor", new CoreMessage("ExpectedFactor"));
                    if (target is { } t && factor is { } value)
                    {
                        Add(ScaleChange.Unchecked(from, t, value));
                    }

                    break;
                }

            case "trend":
                {
                    Ignore("stream", "kind", "annualChange");
                    var target = Target(keys, path);
                    var change = Required(keys, path, "annualChange", new CoreMessage("ExpectedExtraAnnualChange"));
                    if (target is { } t && change is { } value)
                    {
                        Add(TrendChange.Unchecked(from, t, value));
                    }

                    break;
                }

            case "rate":
                {
                    Ignore("stream", "kind", "annualChange");
                    var target = Target(keys, path);
                    var change = Required(keys, path, "annualChange", new CoreMessage("ExpectedReplacingAnnualChange"));
                    if (target is { } t && change is { } value)
                    {
                        Add(RateChange.Unchecked(from, t, value));
                    }

                    break;
                }

            case "stop":
                {
                    Ignore("stream", "kind");
                    if (Target(keys, path) is { } t)
                    {
                        Add(StopChange.Unchecked(from, t));
                    }

                    break;
                }

            case "add-stream":
            case "add-program":
                {
                    Ignore("row");
                    if (!keys.TryGetValue("row", out var rowElement))
                    {
                        issues.Error(json!.Value(path), "ChangeRowMissing", type, (type == "add-stream" ? WorkbookFiles.Streams : WorkbookFiles.Programs));
                        break;
                    }

                    if (!Object(rowElement, path + ".row"))
                    {
                        break;
                    }

                    var columns = type == "add-stream" ? WorkbookFiles.StreamColumns : WorkbookFiles.ProgramColumns;
                    var row = JsonRowOf(rowElement, path + ".row", columns, type == "add-stream" ? WorkbookFiles.RequiredStreamColumns : WorkbookFiles.RequiredProgramColumns);
                    if (type == "add-stream")
                    {
                        Add(AddStreamChange.Unchecked(from, parser.Stream(row, from)), row);
                    }
                    else
                    {
                        Add(AddProgramChange.Unchecked(from, parser.Program(row, from)), row);
                    }

                    break;
                }

            case "set":
                {
                    Ignore("policy", "flagshipWeight", "program", "minFundingRatio", "priority");
                    var any = false;
                    if (keys.TryGetValue("policy", out var policy))
                    {
                        any = true;
                        if (String(policy, path + ".policy") is { } name)
                        {
                            Add(SetPolicyChange.Unchecked(from, name.Trim()));
                        }
                    }

                    if (keys.TryGetValue("flagshipWeight", out var weight))
                    {
                        any = true;
                        if (Decimal(weight, path + ".flagshipWeight", new CoreMessage("ExpectedChangeWeight")) is { } w)
                        {
                            Add(SetFlagshipWeightChange.Unchecked(from, w));
                        }
                    }

                    var hasRatio = keys.TryGetValue("minFundingRatio", out var ratio);
                    var hasPriority = keys.TryGetValue("priority", out var priority);
                    var program = keys.TryGetValue("program", out var programElement) ? String(programElement, path + ".program")?.Trim() : null;
                    if (hasRatio || hasPriority)
                    {
                        any = true;
                        if (!keys.ContainsKey("program"))
                        {
                            issues.Error(json!.Value(path), "SetChangeProgramMissing", (hasRatio ? "minFundingRatio" : "priority"));
                        }
                    }
                    else if (keys.ContainsKey("program"))
                    {
                        issues.Error(json!.Value(path + ".program"), "SetChangeProgramWithoutSetting");
                        any = true;
                    }

                    if (hasRatio && Decimal(ratio, path + ".minFundingRatio", new CoreMessage("ExpectedChangeRatio")) is { } r && program is not null)
                    {
                        Add(SetMinFundingRatioChange.Unchecked(from, program, r));
                    }

                    if (hasPriority && Int(priority, path + ".priority", new CoreMessage("ExpectedChangePriority")) is { } p && program is not null)
                    {
                        Add(SetPriorityChange.Unchecked(from, program, p));
                    }

                    if (!any)
                    {
                        issues.Error(json!.Value(path), "SetChangeEmpty");
                    }

                    break;
                }

            default:
                issues.Error(json!.Value(path + ".type"), "ChangeTypeUnknown", ModelText.Quote(type), Suggestions.DidYouMean(type, ChangeTypes), string.Join(", ", ChangeTypes));
                break;
        }
    }

    private StreamTarget? Target(Dictionary<string, JsonElement> keys, string path)
    {
        var hasStream = keys.TryGetValue("stream", out var stream);
        var hasKind = keys.TryGetValue("kind", out var kind);
        if (hasStream == hasKind)
        {
            issues.Error(
                json!.Value(hasStream ? path + ".kind" : path),
                hasStream
                    ? new CoreMessage("ChangeStreamAndKind")
                    : new CoreMessage("ChangeNoStreamNorKind", WorkbookNames.Describe<StreamKind>()));
            return null;
        }

        if (hasStream)
        {
            return String(stream, path + ".stream")?.Trim() is { } id ? StreamTarget.UncheckedStream(id) : null;
        }

        if (String(kind, path + ".kind") is not { } kindText)
        {
            return null;
        }

        if (WorkbookNames.TryParse<StreamKind>(kindText, out var value))
        {
            return StreamTarget.OfKind(value);
        }

        issues.Error(json!.Value(path + ".kind"), "KindUnknown", ModelText.Quote(kindText), Suggestions.DidYouMean(kindText, WorkbookNames.Names<StreamKind>()), WorkbookNames.Describe<StreamKind>());
        return null;
    }

    private decimal? Required(Dictionary<string, JsonElement> keys, string path, string key, CoreMessage expected)
    {
        if (keys.TryGetValue(key, out var element))
        {
            return Decimal(element, $"{path}.{key}", expected);
        }

        issues.Error(json!.Value(path), "ChangeKeyMissing", key, expected);
        return null;
    }
}

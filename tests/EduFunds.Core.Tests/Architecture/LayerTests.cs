using System.Reflection;
using EduFunds.Monetary;
using NetArchTest.Rules;

namespace EduFunds.Core.Tests.Architecture;

/// <summary>
/// The house (docs/architecture.md): each layer of EduFunds.Core imports only the layers before it,
/// IO sits beside the domain, no namespace cycle anywhere, and only IO touches the file system.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = typeof(Money).Assembly;

    /// <summary>Every layer and the layers it may use. A new namespace must be added here.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        // The core's sentences (resources and the message type): below every layer, using none.
        ["EduFunds.Localization"] = [],
        ["EduFunds.Monetary"] = ["EduFunds.Localization"],
        ["EduFunds.Model"] = ["EduFunds.Localization", "EduFunds.Monetary"],
        ["EduFunds.Engine"] = ["EduFunds.Localization", "EduFunds.Monetary", "EduFunds.Model"],
        ["EduFunds.Simulation"] = ["EduFunds.Localization", "EduFunds.Monetary", "EduFunds.Model", "EduFunds.Engine"],
        ["EduFunds.Risk"] = ["EduFunds.Localization", "EduFunds.Monetary", "EduFunds.Model", "EduFunds.Engine", "EduFunds.Simulation"],
        ["EduFunds.Tracking"] = ["EduFunds.Localization", "EduFunds.Monetary", "EduFunds.Model", "EduFunds.Engine"],
        ["EduFunds.Decisions"] = ["EduFunds.Localization", "EduFunds.Monetary", "EduFunds.Model", "EduFunds.Engine", "EduFunds.Simulation", "EduFunds.Risk", "EduFunds.Tracking"],
        ["EduFunds.IO"] = ["EduFunds.Localization", "EduFunds.Monetary", "EduFunds.Model", "EduFunds.Engine", "EduFunds.Simulation", "EduFunds.Risk", "EduFunds.Tracking", "EduFunds.Decisions"],
    };

    public static TheoryData<string> Layers() => new(Allowed.Keys);

    [Fact]
    public void EveryNamespace_IsALayer()
    {
        var namespaces = Core.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("EduFunds", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(namespaces);
        NonEmpty.All(namespaces, n => Assert.Contains(n!, Allowed.Keys));
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_UsesOnlyTheLayersBeforeIt(string layer)
    {
        var forbidden = Allowed.Keys.Where(other => other != layer && !Allowed[layer].Contains(other)).ToArray();
        var types = Types.InAssembly(Core).That().ResideInNamespaceMatching("^" + layer.Replace(".", "\\.", StringComparison.Ordinal) + "$");

        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{layer} must not use {string.Join(", ", forbidden)}; offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void NamespaceGraph_HasNoCycle()
    {
        var edges = Allowed.Keys.ToDictionary(n => n, _ => new List<string>());
        foreach (var from in Allowed.Keys)
        {
            foreach (var to in Allowed.Keys.Where(t => t != from))
            {
                var result = Types.InAssembly(Core).That().ResideInNamespaceMatching("^" + from.Replace(".", "\\.", StringComparison.Ordinal) + "$")
                    .ShouldNot().HaveDependencyOn(to).GetResult();
                if (!result.IsSuccessful)
                {
                    edges[from].Add(to);
                }
            }
        }

        Assert.NotEmpty(edges.SelectMany(e => e.Value));
        var cycle = FindCycle(edges);
        Assert.True(cycle is null, "namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void OnlyIO_TouchesTheFileSystem()
    {
        string[] fileSystem = ["System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo"];
        var result = Types.InAssembly(Core).That().DoNotResideInNamespace("EduFunds.IO")
            .ShouldNot().HaveDependencyOnAny(fileSystem).GetResult();

        Assert.True(result.IsSuccessful, "file access outside EduFunds.IO: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void FindCycle_FindsAPlantedCycle()
    {
        var edges = new Dictionary<string, List<string>> { ["a"] = ["b"], ["b"] = ["c"], ["c"] = ["a"], ["d"] = [] };
        Assert.Equal(["a", "b", "c", "a"], FindCycle(edges));
        Assert.Null(FindCycle(new Dictionary<string, List<string>> { ["a"] = ["b"], ["b"] = [] }));
    }

    private static List<string>? FindCycle(Dictionary<string, List<string>> edges)
    {
        var state = edges.Keys.ToDictionary(k => k, _ => 0); // 0 new, 1 on the path, 2 done
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges[node])
            {
                if (state[next] == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state[next] == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state[node] == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}

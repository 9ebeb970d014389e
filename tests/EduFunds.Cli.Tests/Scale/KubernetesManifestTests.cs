using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace EduFunds.Cli.Tests.Scale;

/// <summary>
/// deploy/kubernetes parses as Kubernetes manifests and fits together: an Indexed Job whose
/// completions equal the M of its <c>--shard auto/M</c>, a merge Job, both on the same volume
/// claim that study-volume.yaml declares. There is no cluster here; this is what can be checked
/// without one.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static string Folder => Path.Combine(Repository.Root, "deploy", "kubernetes");

    [Fact]
    public void ShardsJob_IsIndexedWithCompletionsEqualToShardCount()
    {
        var job = Load("shards-job.yaml");

        Assert.Equal("batch/v1", Scalar(job, "apiVersion"));
        Assert.Equal("Job", Scalar(job, "kind"));
        var spec = Map(job, "spec");
        Assert.Equal("Indexed", Scalar(spec, "completionMode"));
        var completions = int.Parse(Scalar(spec, "completions"), System.Globalization.CultureInfo.InvariantCulture);
        var parallelism = int.Parse(Scalar(spec, "parallelism"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(parallelism, 1, completions);

        var pod = Map(Map(spec, "template"), "spec");
        Assert.Equal("Never", Scalar(pod, "restartPolicy"));
        var command = Command(pod);
        var shard = ShardOption().Match(command);
        Assert.True(shard.Success, "The shard Job must pass --shard auto/M: " + command);
        Assert.Equal(completions, int.Parse(shard.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("JOB_COMPLETION_INDEX", command, StringComparison.Ordinal);
        Assert.Contains("--save /study/shards/", command, StringComparison.Ordinal);
        Assert.Contains(".result.json.gz", command, StringComparison.Ordinal);
        Assert.Equal("edufunds-study", ClaimOf(pod));
    }

    [Fact]
    public void MergeJob_MergesTheShardFolderOnTheSameClaim()
    {
        var job = Load("merge-job.yaml");

        Assert.Equal("Job", Scalar(job, "kind"));
        var pod = Map(Map(Map(job, "spec"), "template"), "spec");
        Assert.Equal("Never", Scalar(pod, "restartPolicy"));
        var command = Command(pod);
        Assert.Contains("edufunds merge /study/shards", command, StringComparison.Ordinal);
        Assert.DoesNotContain("--shard", command, StringComparison.Ordinal);
        Assert.Equal("edufunds-study", ClaimOf(pod));

        var volume = Load("study-volume.yaml");
        Assert.Equal("PersistentVolumeClaim", Scalar(volume, "kind"));
        Assert.Equal("edufunds-study", Scalar(Map(volume, "metadata"), "name"));
        Assert.Contains("ReadWriteMany", ((YamlSequenceNode)Map(volume, "spec").Children[new YamlScalarNode("accessModes")]).Children.Select(n => ((YamlScalarNode)n).Value));
    }

    [Fact]
    public void SlurmScripts_PassAutoShardAndChainTheMergeOnSuccess()
    {
        var slurm = Path.Combine(Repository.Root, "deploy", "slurm");
        var array = File.ReadAllText(Path.Combine(slurm, "simulate-array.sbatch"));
        var submit = File.ReadAllText(Path.Combine(slurm, "submit.sh"));

        Assert.Contains("--shard \"auto/$SHARDS\"", array, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --cpus-per-task=", array, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --mem=", array, StringComparison.Ordinal);
        Assert.Contains("--array=\"1-$shards\"", submit, StringComparison.Ordinal);
        Assert.Contains("--dependency=\"afterok:$array_job\"", submit, StringComparison.Ordinal);
    }

    private static YamlMappingNode Load(string name)
    {
        using var reader = new StreamReader(Path.Combine(Folder, name));
        var stream = new YamlStream();
        stream.Load(reader);
        Assert.Single(stream.Documents);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static string Command(YamlMappingNode pod)
    {
        var containers = (YamlSequenceNode)pod.Children[new YamlScalarNode("containers")];
        var container = (YamlMappingNode)Assert.Single(containers.Children);
        Assert.False(string.IsNullOrEmpty(Scalar(container, "image")));
        var resources = Map(container, "resources");
        Assert.True(Map(resources, "requests").Children.ContainsKey(new YamlScalarNode("cpu")));
        Assert.True(Map(resources, "limits").Children.ContainsKey(new YamlScalarNode("memory")));
        var command = (YamlSequenceNode)container.Children[new YamlScalarNode("command")];
        return string.Join(' ', command.Children.Select(c => ((YamlScalarNode)c).Value));
    }

    private static string ClaimOf(YamlMappingNode pod)
    {
        var volume = (YamlMappingNode)Assert.Single(((YamlSequenceNode)pod.Children[new YamlScalarNode("volumes")]).Children);
        return Scalar(Map(volume, "persistentVolumeClaim"), "claimName");
    }

    [GeneratedRegex(@"--shard auto/(\d+)\b")]
    private static partial Regex ShardOption();
}

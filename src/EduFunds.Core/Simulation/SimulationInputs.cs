using System.Reflection;
using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Simulation;

/// <summary>
/// What a simulation result was computed from, beyond its run range: results merge only when
/// all of it is equal (<see cref="SimulationResult.Merge"/>). Saved with every result file.
/// </summary>
internal sealed record SimulationInputs
{
    /// <summary>Hex SHA-256 of the model's settings: years, policy and flagship weight per year, shelving, carry-over, rounding.</summary>
    public required string SettingsHash { get; init; }

    /// <summary>Hex SHA-256 of the streams after the scenario: ids, kinds, terms, restrictions, renewal probabilities, variabilities, planned amounts.</summary>
    public required string StreamsHash { get; init; }

    /// <summary>Hex SHA-256 of the programs after the scenario: ids, categories, terms, need, minimum and priority per year.</summary>
    public required string ProgramsHash { get; init; }

    /// <summary>The scenario, or null for the base case.</summary>
    public string? ScenarioName { get; init; }

    /// <summary>The policy given to override the workbook's and the scenario's, or null.</summary>
    public string? PolicyOverride { get; init; }

    /// <summary>The seed.</summary>
    public long Seed { get; init; }

    /// <summary>The uncertain trends drawn.</summary>
    public IReadOnlyList<UncertainTrend> Trends { get; init => field = EquatableArray.Of(value); } = EquatableArray<UncertainTrend>.Empty;

    /// <summary>The version of the seed-to-numbers mapping (<see cref="RandomMapping.Version"/> when computed here).</summary>
    public int RandomMappingVersion { get; init; } = RandomMapping.Version;

    /// <summary>The EduFunds version that computed the result (<see cref="CurrentVersion"/> when computed here).</summary>
    public string EduFundsVersion { get; init; } = CurrentVersion;

    /// <summary>The version of this library: its informational version (for example 0.1.0+commit).</summary>
    public static string CurrentVersion { get; } =
        typeof(SimulationInputs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SimulationInputs).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>One hash of the model's three parts.</summary>
    public string ModelHash => new ModelFingerprint(SettingsHash, StreamsHash, ProgramsHash).Combined;

    /// <summary>The inputs of a simulation of a model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="trends">The trends.</param>
    /// <returns>The inputs.</returns>
    internal static SimulationInputs Of(ProjectionModel model, long seed, IReadOnlyList<UncertainTrend> trends)
    {
        var fingerprint = model.Fingerprint();
        return new SimulationInputs
        {
            SettingsHash = fingerprint.Settings,
            StreamsHash = fingerprint.Streams,
            ProgramsHash = fingerprint.Programs,
            ScenarioName = model.ScenarioName,
            PolicyOverride = model.PolicyOverride,
            Seed = seed,
            Trends = trends,
        };
    }

    /// <summary>The first field in which two inputs differ, or null when they are equal.</summary>
    /// <param name="other">The other inputs.</param>
    /// <returns>The field's name and both values, or null.</returns>
    public (string Field, string This, string Other)? FirstDifference(SimulationInputs other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (EduFundsVersion != other.EduFundsVersion)
        {
            return ("edufunds version", EduFundsVersion, other.EduFundsVersion);
        }

        if (RandomMappingVersion != other.RandomMappingVersion)
        {
            return ("random-mapping version", Text(RandomMappingVersion), Text(other.RandomMappingVersion));
        }

        if (!string.Equals(ScenarioName, other.ScenarioName, StringComparison.Ordinal))
        {
            return ("scenario", ScenarioName ?? "base", other.ScenarioName ?? "base");
        }

        if (!string.Equals(PolicyOverride, other.PolicyOverride, StringComparison.Ordinal))
        {
            return ("policy", PolicyOverride ?? "(the workbook's)", other.PolicyOverride ?? "(the workbook's)");
        }

        if (Seed != other.Seed)
        {
            return ("seed", Text(Seed), Text(other.Seed));
        }

        if (!Trends.Equals(other.Trends))
        {
            return ("trends", Text(Trends), Text(other.Trends));
        }

        if (SettingsHash != other.SettingsHash)
        {
            return ("workbook settings", Short(SettingsHash), Short(other.SettingsHash));
        }

        if (StreamsHash != other.StreamsHash)
        {
            return ("workbook streams", Short(StreamsHash), Short(other.StreamsHash));
        }

        if (ProgramsHash != other.ProgramsHash)
        {
            return ("workbook programs", Short(ProgramsHash), Short(other.ProgramsHash));
        }

        return null;
    }

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(IReadOnlyList<UncertainTrend> trends) =>
        trends.Count == 0 ? "none" : string.Join("; ", trends.Select(t => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Kind} {t.Shape} {t.Min:R}/{t.MostLikely:R}/{t.Max:R} from {t.From}")));

    private static string Short(string hash) => "sha256 " + hash[..Math.Min(12, hash.Length)];
}

/// <summary>
/// Results that cannot be merged: different inputs (the field is named), run ranges that
/// overlap or leave a gap, or a result file of a newer format.
/// </summary>
public sealed class SimulationMergeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">What differs: "seed", "policy", "workbook streams", "run range" ...</param>
    /// <param name="message">The message for people.</param>
    public SimulationMergeException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>Creates the exception with the standard message.</summary>
    public SimulationMergeException()
        : this("inputs", "The simulation results cannot be merged.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public SimulationMergeException(string message)
        : this("inputs", message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SimulationMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "inputs";
    }

    /// <summary>The field that differs: "seed", "policy", "workbook streams", "run range" ...</summary>
    public string Field { get; } = "inputs";

    /// <summary>The field's value in the first result, when a field differs.</summary>
    public string? First { get; private init; }

    /// <summary>The field's value in the second result, when a field differs.</summary>
    public string? Second { get; private init; }

    /// <summary>The exception for two inputs that differ in a field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="first">Its value in the first result.</param>
    /// <param name="second">Its value in the second.</param>
    /// <returns>The exception.</returns>
    public static SimulationMergeException Differs(string field, string first, string second) =>
        new(field, $"The results differ in their {field} ({first} and {second}); only results of the same inputs merge.") { First = first, Second = second };
}

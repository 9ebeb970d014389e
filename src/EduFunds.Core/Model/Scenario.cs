namespace EduFunds.Model;

/// <summary>
/// A named what-if: the workbook plus a list of changes, each from a year on. Build one with
/// <see cref="ScenarioBuilder"/>, which also checks that the streams, kinds and programs its
/// changes name exist in the workbook.
/// </summary>
public sealed record Scenario
{
    /// <summary>Creates a scenario.</summary>
    /// <param name="name">Unique scenario name; not empty.</param>
    /// <param name="description">What the scenario models, or null.</param>
    /// <param name="changes">The changes, in the order given (order matters only for <c>set</c> changes of the same year).</param>
    /// <exception cref="ArgumentException">The name is empty, or a change is null.</exception>
    public Scenario(string name, string? description, IEnumerable<ScenarioChange> changes)
        : this(Preconditions.Text(name, nameof(name)), description, CheckChanges(EquatableArray.Of(changes ?? throw new ArgumentNullException(nameof(changes)))), trusted: true)
    {
    }

    private Scenario(string name, string? description, EquatableArray<ScenarioChange> changes, bool trusted)
    {
        _ = trusted;
        Name = name;
        Description = description;
        Changes = changes;
    }

    /// <summary>Unique scenario name.</summary>
    public string Name { get; }

    /// <summary>What the scenario models, or null.</summary>
    public string? Description { get; }

    /// <summary>The changes, in the order given (order matters only for <c>set</c> changes of the same year).</summary>
    public IReadOnlyList<ScenarioChange> Changes { get; }

    /// <summary>A scenario as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static Scenario Unchecked(string name, string? description, EquatableArray<ScenarioChange> changes) =>
        new(name, description, changes, trusted: true);

    private static EquatableArray<ScenarioChange> CheckChanges(EquatableArray<ScenarioChange> changes)
    {
        foreach (var change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
        }

        return changes;
    }
}

namespace EduFunds.Model;

/// <content>Removing rows, for a builder started from a workbook with From.</content>
public sealed partial class WorkbookBuilder
{
    /// <summary>Removes the stream with this id (for a builder started with <see cref="From(Workbook)"/>).</summary>
    /// <param name="id">The stream id.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No stream has this id.</exception>
    public WorkbookBuilder RemoveStream(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (streams.RemoveAll(s => string.Equals(s.Id, id, StringComparison.Ordinal)) == 0)
        {
            throw new ArgumentException($"The workbook has no stream '{id}'.", nameof(id));
        }

        return this;
    }

    /// <summary>Removes the program with this id (for a builder started with <see cref="From(Workbook)"/>).</summary>
    /// <param name="id">The program id.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No program has this id.</exception>
    public WorkbookBuilder RemoveProgram(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (programs.RemoveAll(p => string.Equals(p.Id, id, StringComparison.Ordinal)) == 0)
        {
            throw new ArgumentException($"The workbook has no program '{id}'.", nameof(id));
        }

        return this;
    }

    /// <summary>Removes the scenario with this name (for a builder started with <see cref="From(Workbook)"/>).</summary>
    /// <param name="scenarioName">The scenario name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No scenario has this name.</exception>
    public WorkbookBuilder RemoveScenario(string scenarioName)
    {
        ArgumentNullException.ThrowIfNull(scenarioName);
        if (scenarios.RemoveAll(s => string.Equals(s.Name, scenarioName, StringComparison.Ordinal)) == 0)
        {
            throw new ArgumentException($"The workbook has no scenario '{scenarioName}'.", nameof(scenarioName));
        }

        return this;
    }
}

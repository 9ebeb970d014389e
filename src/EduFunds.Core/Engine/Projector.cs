using EduFunds.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.Engine;

/// <summary>
/// Projects a workbook year by year as DESIGN.md "One simulated year, in order" specifies: which
/// program gets how much, which run, which stall and are shelved. For many runs of the same
/// workbook, compile a <see cref="ProjectionModel"/> once instead.
/// </summary>
public sealed class Projector
{
    private readonly ILogger<Projector> logger;

    /// <summary>Creates a projector.</summary>
    /// <param name="logger">Optional logger.</param>
    public Projector(ILogger<Projector>? logger = null) => this.logger = logger ?? NullLogger<Projector>.Instance;

    /// <summary>Projects a workbook over its years.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="options">Scenario and policy override; null for the base case.</param>
    /// <param name="cancellationToken">Cancels between years.</param>
    /// <returns>The detailed result.</returns>
    /// <exception cref="ArgumentException">Unknown scenario or policy.</exception>
    public ProjectionResult Project(Workbook workbook, ProjectionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = ProjectionModel.Create(workbook, options);
        var result = model.Project(cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(
                "Projected {Workbook} ({Scenario}) over {From}-{To}: {Streams} streams, {Programs} programs",
                workbook.Name,
                model.ScenarioName ?? "base case",
                workbook.Years.From,
                workbook.Years.To,
                model.StreamCount,
                model.ProgramCount);
        }

        return result;
    }
}

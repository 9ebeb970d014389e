using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <summary>
/// What a risk analysis computes and with which settings. The defaults do what
/// <c>edufunds risk</c> does: a Monte Carlo simulation with the workbook's <c>monteCarlo</c>
/// settings (runs and seed), then the Monte Carlo tornado. <see cref="WithoutSimulation"/>
/// computes the deterministic indicators only.
/// </summary>
public sealed record RiskOptions
{
    /// <summary>The default runs of the Monte Carlo tornado (stall probability with each stream lost).</summary>
    public const int DefaultTornadoRuns = 1_000;

    /// <summary>The default most streams in the Monte Carlo tornado.</summary>
    public const int DefaultTornadoMaxStreams = 20;

    /// <summary>The deterministic indicators only: no Monte Carlo simulation and no Monte Carlo tornado.</summary>
    public static RiskOptions WithoutSimulation { get; } = new() { Simulate = false };

    /// <summary>The thresholds.</summary>
    public RiskThresholds Thresholds { get; init; } = new();

    /// <summary>
    /// Whether to run the Monte Carlo simulation for the stall probabilities (default true).
    /// False gives the deterministic indicators only, as <see cref="WithoutSimulation"/>.
    /// </summary>
    public bool Simulate { get; init; } = true;

    /// <summary>
    /// How the Monte Carlo simulation runs; null (the default) = the workbook's <c>monteCarlo</c>
    /// settings (<see cref="Workbook.MonteCarloRuns"/> and <see cref="Workbook.MonteCarloSeed"/>). Must be null when
    /// <see cref="Simulate"/> is false.
    /// </summary>
    public MonteCarloOptions? MonteCarlo { get; init; }

    /// <summary>
    /// Runs of the Monte Carlo part of the tornado (default 1,000; 0 = none): the stall
    /// probability of every program with one stream lost, from the same draws as the base case.
    /// The seed, trends and threads are those of the simulation. When the simulation has a fixed
    /// number of runs, the tornado runs at most as many (see <see cref="TornadoRunsFor"/>).
    /// </summary>
    public int TornadoRuns { get; init; } = DefaultTornadoRuns;

    /// <summary>
    /// Most streams in the Monte Carlo tornado (default 20): when a workbook has more, the ones
    /// with the most money over the projection are taken. The deterministic tornado always
    /// covers every stream.
    /// </summary>
    public int TornadoMaxStreams { get; init; } = DefaultTornadoMaxStreams;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    /// <exception cref="ArgumentException"><see cref="MonteCarlo"/> is set while <see cref="Simulate"/> is false.</exception>
    public void Validate()
    {
        Thresholds.Validate();
        MonteCarlo?.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(TornadoRuns, nameof(TornadoRuns));
        ArgumentOutOfRangeException.ThrowIfNegative(TornadoMaxStreams, nameof(TornadoMaxStreams));
        if (!Simulate && MonteCarlo is not null)
        {
            throw new ArgumentException("MonteCarlo options are given but Simulate is false; leave MonteCarlo null or set Simulate.", nameof(MonteCarlo));
        }
    }

    /// <summary>The simulation that runs for <paramref name="workbook"/>: <see cref="MonteCarlo"/>, else the workbook's settings; null when <see cref="Simulate"/> is false.</summary>
    /// <param name="workbook">The workbook analysed.</param>
    /// <returns>The simulation options, or null for none.</returns>
    public MonteCarloOptions? SimulationFor(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        if (!Simulate)
        {
            return null;
        }

        return MonteCarlo ?? new MonteCarloOptions { Runs = workbook.MonteCarloRuns, Seed = workbook.MonteCarloSeed };
    }

    /// <summary>
    /// The runs of the Monte Carlo tornado next to <paramref name="simulation"/>: <see cref="TornadoRuns"/>,
    /// but never more than the simulation's own runs when it has a fixed number of them (in
    /// "until precision" mode the run count is not known beforehand, so no cap applies).
    /// </summary>
    /// <param name="simulation">The main simulation.</param>
    /// <returns>The tornado runs, 0 or more.</returns>
    public int TornadoRunsFor(MonteCarloOptions simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        return simulation.Precision is null ? Math.Min(TornadoRuns, simulation.Runs) : TornadoRuns;
    }
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Risk;

/// <summary>What <see cref="RiskAnalyzer"/> does without options, with simulation turned off, and the tornado's cap.</summary>
public class RiskOptionsTests
{
    /// <summary>The digital-skills model of <see cref="RiskIndicatorTests"/>, with G renewed at 0.9 and 300 runs, seed 7 in the workbook.</summary>
    private static ProjectionModel Model() => ProjectionModel.Create(new WorkbookBuilder("Risk defaults")
        .Years(2024, 2026)
        .MonteCarlo(300, 7)
        .AddStream(Stream("G", 100_000, change: -0.5m, renewal: 0.9m))
        .AddStream(Stream("PF", 150_000, recurrence: Recurrence.OneOff, kind: StreamKind.ProjectFund, restrictedTo: ["DIGI"]))
        .AddProgram(Program("DIGI", 200_000, priority: 2))
        .AddProgram(Program("CARE", 20_000, priority: 1))
        .Build());

    [Fact]
    public void Analyze_NoOptions_SimulatesWithTheWorkbooksRunsAndSeed()
    {
        var result = new RiskAnalyzer().Analyze(Model());

        Assert.NotNull(result.Simulation);
        Assert.Equal(300, result.Simulation.Runs);
        Assert.Equal(7, result.Simulation.Seed);
        NonEmpty.All(result.Programs, p => Assert.NotNull(p.StallProbability));
        Assert.NotEmpty(result.Programs);
        Assert.Equal(300, result.TornadoRuns);                      // 1,000 by default, capped at the 300 runs
    }

    [Fact]
    public void Analyze_NoOptions_SameAsTheWorkbooksSettingsGivenExplicitly()
    {
        var byDefault = new RiskAnalyzer().Analyze(Model());
        var explicitly = new RiskAnalyzer().Analyze(Model(), new RiskOptions { MonteCarlo = new MonteCarloOptions { Runs = 300, Seed = 7 } });

        Assert.Equal(
            explicitly.Programs.Select(p => (p.Program.Id, p.Level, p.StallProbability)),
            byDefault.Programs.Select(p => (p.Program.Id, p.Level, p.StallProbability)));
    }

    [Fact]
    public void Analyze_WithoutSimulation_HasNoMonteCarloFigures()
    {
        var result = new RiskAnalyzer().Analyze(Model(), RiskOptions.WithoutSimulation);

        Assert.Null(result.Simulation);
        Assert.Equal(0, result.TornadoRuns);
        Assert.NotEmpty(result.Programs);
        NonEmpty.All(result.Programs, p => Assert.Null(p.StallProbability));
    }

    [Fact]
    public void Validate_MonteCarloWithSimulationOff_Throws()
    {
        var options = RiskOptions.WithoutSimulation with { MonteCarlo = new MonteCarloOptions() };

        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(nameof(RiskOptions.MonteCarlo), e.ParamName);
    }

    [Theory]
    [InlineData(1_000, 10_000, null, 1_000)]
    [InlineData(1_000, 200, null, 200)]
    [InlineData(0, 200, null, 0)]
    [InlineData(1_000, 200, 0.01, 1_000)]                           // until precision: the run count is not known, no cap
    public void TornadoRunsFor_FixedRuns_CappedAtTheSimulationsRuns(int tornadoRuns, int runs, double? precision, int expected)
    {
        var options = new RiskOptions { TornadoRuns = tornadoRuns };

        Assert.Equal(expected, options.TornadoRunsFor(new MonteCarloOptions { Runs = runs, Precision = precision }));
    }

    [Fact]
    public void Analyze_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new RiskAnalyzer().Analyze(Model(), cancellationToken: cancelled.Token));
    }
}

using BenchmarkDotNet.Attributes;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Benchmarks;

/// <summary>
/// The X Street example: 10,000 runs, and the whole risk analysis of <c>edufunds risk</c>
/// (deterministic projection and tornado, 10,000 runs, 1,000-run Monte Carlo tornado).
/// </summary>
[MemoryDiagnoser]
public class XStreetSimulationBenchmarks
{
    private ProjectionModel model = null!;

    /// <summary>Threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Reads the example workbook.</summary>
    [GlobalSetup]
    public void Setup() => model = ProjectionModel.Create(new WorkbookReader().ReadFolder(BenchmarkFiles.ExampleFolder()));

    /// <summary>10,000 runs.</summary>
    /// <returns>The result.</returns>
    [Benchmark(Baseline = true)]
    public SimulationResult Simulate10k() =>
        new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = 10_000, Seed = 1, MaxDegreeOfParallelism = Threads });

    /// <summary>The risk analysis of <c>edufunds risk</c>.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public RiskResult Risk10k() =>
        new RiskAnalyzer().Analyze(model, new RiskOptions { MonteCarlo = new MonteCarloOptions { Runs = 10_000, Seed = 1, MaxDegreeOfParallelism = Threads } });
}

/// <summary>
/// The generated district workbook (500 programs, 800 streams a third restricted, 15 years) at
/// 1,000 / 10,000 / 100,000 runs on 1 and 2 threads.
/// </summary>
[MemoryDiagnoser]
public class DistrictSimulationBenchmarks
{
    private ProjectionModel model = null!;

    /// <summary>Runs.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Runs { get; set; }

    /// <summary>Threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Generates the workbook.</summary>
    [GlobalSetup]
    public void Setup() => model = ProjectionModel.Create(DistrictWorkbook.Create());

    /// <summary>The simulation.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public SimulationResult Simulate() =>
        new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = Runs, Seed = 1, MaxDegreeOfParallelism = Threads });
}

/// <summary>Files the benchmarks read.</summary>
internal static class BenchmarkFiles
{
    /// <summary>The repository's examples/x-street folder.</summary>
    /// <returns>The path.</returns>
    public static string ExampleFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found above the benchmark folder."), "examples", "x-street");
    }
}

/// <summary>
/// The three parts of one Monte Carlo run of the district workbook: drawing the stream amounts,
/// the projection (<see cref="ProjectionModel.Run"/>) and tallying the run into the counts.
/// </summary>
[MemoryDiagnoser]
public class SimulationRunPartsBenchmarks
{
    private ProjectionModel model = null!;
    private RunSampler sampler = null!;
    private RunSampler.Scratch scratch = null!;
    private ProjectionWorkspace workspace = null!;
    private SimulationCounts counts = null!;
    private long[] amounts = null!;
    private long run;

    /// <summary>Compiles the district workbook and projects one drawn run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        model = ProjectionModel.Create(DistrictWorkbook.Create());
        sampler = new RunSampler(model, []);
        scratch = sampler.CreateScratch();
        amounts = new long[sampler.AmountCount];
        workspace = model.CreateWorkspace();
        counts = new SimulationCounts(model.ProgramCount, model.YearCount);
        sampler.Fill(1, 0, amounts, scratch);
        model.Run(amounts, workspace);
    }

    /// <summary>One run's draws: renewal, coming and lognormal noise for 800 streams x 15 years.</summary>
    [Benchmark]
    public void Draw() => sampler.Fill(1, run++, amounts, scratch);

    /// <summary>One projection of drawn amounts.</summary>
    [Benchmark]
    public void Project() => model.Run(amounts, workspace);

    /// <summary>Tallying one run: stalls, shelving, 7,500 funding ratios and 15 pools.</summary>
    [Benchmark]
    public void Tally() => counts.Record(workspace);
}

using BenchmarkDotNet.Attributes;
using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Benchmarks;

/// <summary>
/// One deterministic projection of the generated district workbook (the workload:
/// 500 programs, 800 streams, 15 years), and how the time grows with the number of programs.
/// <c>Run</c> is the hot path the Monte Carlo loop uses; <c>Project</c> builds the detailed result.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private ProjectionModel model = null!;
    private ProjectionWorkspace workspace = null!;
    private long[] amounts = null!;

    /// <summary>Number of programs; streams scale as 1.6 x programs.</summary>
    [Params(100, 500, 2000)]
    public int Programs { get; set; }

    /// <summary>The pool allocation policy.</summary>
    [Params(PolicyNames.Proportional, PolicyNames.ViabilityFirst)]
    public string Policy { get; set; } = PolicyNames.Proportional;

    /// <summary>Compiles the workbook.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var workbook = WorkbookBuilder.From(DistrictWorkbook.Create(Programs, Programs * 8 / 5, 15)).Policy(Policy).Build();
        model = ProjectionModel.Create(workbook);
        workspace = model.CreateWorkspace();
        amounts = model.PlannedAmounts.ToArray();
    }

    /// <summary>The allocation-free yearly loop.</summary>
    [Benchmark(Baseline = true)]
    public void Run() => model.Run(amounts, workspace);

    /// <summary>A projection with its detailed, immutable result.</summary>
    [Benchmark]
    public ProjectionResult Project() => model.Project(amounts);

    /// <summary>Compiling the workbook (exact amounts per stream and year).</summary>
    [Benchmark]
    public ProjectionModel Compile() => ProjectionModel.Create(model.Workbook);
}

using BenchmarkDotNet.Running;
using EduFunds.Benchmarks;

if (args is ["generate", .. var rest])
{
    return Generate.Run(rest);
}

if (args is ["parts", .. var partArgs])
{
    return Parts.Run(partArgs);
}

if (args is ["export-model", .. var exportArgs])
{
    return ExportModel.Run(exportArgs);
}

if (args is ["tornado-stats", .. var tsArgs])
{
    return TornadoStats.Run(tsArgs);
}

if (args is ["check-risk", .. var checkRiskArgs])
{
    return CheckRisk.Run(checkRiskArgs);
}

if (args is ["check", .. var checkArgs])
{
    return Check.Run(checkArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

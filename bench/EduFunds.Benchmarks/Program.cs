using BenchmarkDotNet.Running;
using EduFunds.Benchmarks;

if (args is ["generate", .. var rest])
{
    return Generate.Run(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

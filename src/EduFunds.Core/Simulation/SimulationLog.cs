using Microsoft.Extensions.Logging;

namespace EduFunds.Simulation;

/// <summary>The simulation's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class SimulationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated {Runs} runs of {Programs} programs x {Years} years on {Threads} threads in {Seconds:0.000} s ({RunsPerSecond:0} runs/s)")]
    public static partial void Simulated(ILogger logger, long runs, int programs, int years, int threads, double seconds, double runsPerSecond);
}

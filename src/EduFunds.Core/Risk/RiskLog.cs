using Microsoft.Extensions.Logging;

namespace EduFunds.Risk;

/// <summary>The risk layer's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class RiskLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Risk report: {High} high, {Elevated} elevated, {Low} low of {Programs} programs")]
    public static partial void Analyzed(ILogger logger, int high, int elevated, int low, int programs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Risk phase {Phase}: {Seconds:0.000} s wall, {CpuSeconds:0.000} s CPU (process)")]
    public static partial void Phase(ILogger logger, string phase, double seconds, double cpuSeconds);

    /// <summary>Logs the time of one phase of an analysis (wall and the whole process's CPU) at debug level, and starts the next.</summary>
    internal struct PhaseTimer(ILogger logger)
    {
        private long started = System.Diagnostics.Stopwatch.GetTimestamp();
        private TimeSpan cpu = logger.IsEnabled(LogLevel.Debug) ? Environment.CpuUsage.TotalTime : default;

        /// <summary>Logs the phase that ends now.</summary>
        /// <param name="phase">Its name.</param>
        public void Done(string phase)
        {
            if (!logger.IsEnabled(LogLevel.Debug))
            {
                return;
            }

            var nowCpu = Environment.CpuUsage.TotalTime;
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cpuSeconds = (nowCpu - cpu).TotalSeconds;
            Phase(logger, phase, seconds, cpuSeconds);
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            cpu = nowCpu;
        }
    }
}

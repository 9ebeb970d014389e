using EduFunds.Cli.Output;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Infrastructure;

/// <summary>The CLI's log messages (stderr), source-generated so that disabled levels cost nothing.</summary>
internal static partial class CliLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Projected {Workbook} ({Scenario}) over {From}-{To}: {Streams} streams, {Programs} programs")]
    public static partial void Projected(ILogger logger, string workbook, string scenario, int from, int to, int streams, int programs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Compared {Scenarios}")]
    public static partial void Compared(ILogger logger, IEnumerable<string> scenarios);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the hledger journal to {File}")]
    public static partial void WroteJournal(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracked {Year} as of {AsOf}: {Entries} ledger entries up to that date")]
    public static partial void Tracked(ILogger logger, int year, DateOnly asOf, long entries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the report to {File} ({Bytes} bytes)")]
    public static partial void WroteHtmlReport(ILogger logger, string file, int bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Chart} to {File}")]
    public static partial void WroteChart(ILogger logger, EduFunds.Cli.Charts.ChartKind chart, string file);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Report {Phase}: {Seconds:0.000} s wall, {CpuSeconds:0.000} s CPU (process)")]
    public static partial void Phase(ILogger logger, string phase, double seconds, double cpuSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Format} report to {File}")]
    public static partial void WroteReport(ILogger logger, OutputFormat format, string file);
}

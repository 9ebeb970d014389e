using Microsoft.Extensions.Logging;

namespace EduFunds.Engine;

/// <summary>The engine's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Projected {Workbook} ({Scenario}) over {From}-{To}: {Streams} streams, {Programs} programs")]
    public static partial void Projected(ILogger logger, string workbook, string scenario, int from, int to, int streams, int programs);
}

using Microsoft.Extensions.Logging;

namespace EduFunds.Risk;

/// <summary>The risk layer's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class RiskLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Risk report: {High} high, {Elevated} elevated, {Low} low of {Programs} programs")]
    public static partial void Analyzed(ILogger logger, int high, int elevated, int low, int programs);
}

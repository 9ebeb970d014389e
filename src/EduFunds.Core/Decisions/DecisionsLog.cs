using Microsoft.Extensions.Logging;

namespace EduFunds.Decisions;

/// <summary>The decisions' log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class DecisionsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Rescue of {Program}: {Amount} minor units ({Note}) after {Simulations} simulations")]
    public static partial void Rescued(ILogger logger, string program, long? amount, RescueNote note, int simulations);
}

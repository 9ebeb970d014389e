using Microsoft.Extensions.Logging;

namespace EduFunds.IO;

/// <summary>The IO layer's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class IOLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Workbook at {Location} is invalid: {Count} issue(s)")]
    public static partial void WorkbookInvalid(ILogger logger, string location, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read workbook {Name} from {Location}: {Streams} streams, {Programs} programs, {Scenarios} scenarios, {Entries} ledger entries, {Warnings} warning(s)")]
    public static partial void WorkbookRead(ILogger logger, string name, string location, int streams, int programs, int scenarios, int entries, int warnings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of {File}: {Rows} rows, {Added} to add, {Duplicates} duplicates, {Unmatched} unmatched, {Zero} zero amounts")]
    public static partial void Imported(ILogger logger, string file, int rows, int added, int duplicates, int unmatched, int zero);
}

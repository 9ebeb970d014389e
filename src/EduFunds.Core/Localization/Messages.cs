using System.Globalization;

namespace EduFunds.Localization;

/// <summary>
/// The messages of the exceptions EduFunds throws for a user's input (the summary of an invalid
/// workbook or result file, an amount too large to count exactly, a column map or type table
/// that cannot be read, a workbook locked by another import, results that do not merge) and of
/// money of two currencies combined, in English or Simplified Chinese. Their
/// <see cref="Exception.Message"/> is English; this gives the same sentence in the language a
/// caller chooses, without reading the current culture.
/// </summary>
public static class Messages
{
    /// <summary>The key of <see cref="Exception.Data"/> that holds the structured message.</summary>
    internal const string DataKey = "EduFunds.Message";

    /// <summary>The message of <paramref name="exception"/> in the language of <paramref name="culture"/>.</summary>
    /// <param name="exception">An exception.</param>
    /// <param name="culture">The language (zh-CN or zh-Hans for Chinese; anything else gives English).</param>
    /// <returns>The message in that language, or <see cref="Exception.Message"/> for an exception EduFunds did not word.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> or <paramref name="culture"/> is null.</exception>
    public static string Of(Exception exception, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(culture);
        return exception.Data[DataKey] is CoreMessage message ? message.Format(culture)
            : exception is ILocalizedMessage worded ? worded.GetMessage(culture)
            : exception.Message;
    }

    /// <summary>A <see cref="FormatException"/> with a structured message (text a user gave that cannot be read).</summary>
    internal static FormatException FormatError(CoreMessage message, Exception? inner = null) =>
        new FormatException(message.ToString(), inner).With(message);

    /// <summary>
    /// An <see cref="OverflowException"/> with a structured message: an amount too large to count
    /// exactly in 64-bit minor units (a stream, a need, a year's pool, a ledger sum, a drawn amount),
    /// naming what and in which fiscal year.
    /// </summary>
    /// <param name="message">What overflowed and when.</param>
    /// <param name="inner">The arithmetic overflow, or null.</param>
    /// <returns>The exception to throw.</returns>
    internal static OverflowException Overflow(CoreMessage message, Exception? inner = null) =>
        new OverflowException(message.ToString(), inner).With(message);

    /// <summary>Whether EduFunds worded the exception (an overflow already named, not to be wrapped again).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>True when it carries a structured message.</returns>
    internal static bool IsWorded(Exception exception) => exception.Data[DataKey] is CoreMessage;

    /// <summary>Copies the structured message of <paramref name="from"/>, if it has one.</summary>
    internal static T WithMessageOf<T>(this T exception, Exception from)
        where T : Exception
    {
        if (from.Data[DataKey] is CoreMessage message)
        {
            exception.Data[DataKey] = message;
        }

        return exception;
    }

    /// <summary>Attaches the structured message to an exception made with its English text, and returns the exception.</summary>
    internal static T With<T>(this T exception, CoreMessage message)
        where T : Exception
    {
        exception.Data[DataKey] = message;
        return exception;
    }
}

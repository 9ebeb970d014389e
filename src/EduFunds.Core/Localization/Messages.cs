using System.Globalization;

namespace EduFunds.Localization;

/// <summary>
/// The messages of the exceptions EduFunds throws for a user's input (an amount too large to
/// count exactly, a column map or type table that cannot be read, a workbook locked by another
/// import, results that do not merge), in English or Simplified Chinese. Their
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
        return exception.Data[DataKey] is CoreMessage message ? message.Format(culture) : exception.Message;
    }

    /// <summary>A <see cref="FormatException"/> with a structured message (text a user gave that cannot be read).</summary>
    internal static FormatException FormatError(CoreMessage message, Exception? inner = null) =>
        new FormatException(message.ToString(), inner).With(message);

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

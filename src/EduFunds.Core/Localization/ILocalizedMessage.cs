using System.Globalization;

namespace EduFunds.Localization;

/// <summary>
/// An exception whose message is made of several worded parts (the problems of an input, one a
/// line) and so cannot be held as one <see cref="CoreMessage"/>: it words itself in a language
/// for <see cref="Messages.Of"/>.
/// </summary>
internal interface ILocalizedMessage
{
    /// <summary>The message in the language of <paramref name="culture"/>.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The message.</returns>
    string GetMessage(CultureInfo culture);
}

using EduFunds.Localization;
namespace EduFunds.Engine;

/// <summary>
/// Thrown when a workbook's amounts grow beyond what a projection can hold exactly (a stream's
/// amount, a program's need or a year's pool above 9,223,372,036,854,775,807 minor units). It
/// names what overflowed and the year, so the user can correct the workbook; no amount is ever
/// wrapped or approximated instead.
/// </summary>
public sealed class AmountOverflowException : OverflowException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What overflowed, where and in which year.</param>
    /// <param name="year">The fiscal year.</param>
    /// <param name="innerException">The arithmetic overflow.</param>
    public AmountOverflowException(string message, int year, Exception? innerException = null)
        : base(message, innerException)
    {
        Year = year;
    }

    /// <summary>Creates the exception with a structured message (its English text is <see cref="Exception.Message"/>).</summary>
    internal AmountOverflowException(CoreMessage message, int year, Exception? innerException = null)
        : this(message.ToString(), year, innerException)
    {
        this.With(message);
    }

    /// <summary>The fiscal year in which the amount overflowed.</summary>
    public int Year { get; }
}

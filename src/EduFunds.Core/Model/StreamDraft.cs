using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>
/// One funding stream as given to <see cref="WorkbookBuilder.Stream"/> or
/// <see cref="ScenarioBuilder.AddStream"/> (amount in major units), or taken over from a stream
/// made elsewhere (amount in minor units); <see cref="Build"/> reports what is wrong with it
/// among the workbook's problems.
/// </summary>
internal sealed class StreamDraft
{
    private readonly string id;
    private readonly string? name;
    private readonly StreamKind kind;
    private readonly Recurrence recurrence;
    private readonly decimal? amount;
    private readonly long? minorUnits;
    private readonly Currency? givenCurrency;
    private readonly int? startYear;
    private readonly int? endYear;
    private readonly decimal annualChange;
    private readonly string[] restrictedTo;
    private readonly decimal renewalProbability;
    private readonly decimal amountCv;

    /// <summary>A stream described in code, its amount in major units of the workbook currency.</summary>
    public StreamDraft(
        string id,
        StreamKind kind,
        decimal amount,
        string? name,
        Recurrence recurrence,
        int? startYear,
        int? endYear,
        decimal annualChange,
        IEnumerable<string>? restrictedTo,
        decimal renewalProbability,
        decimal amountCv)
    {
        ArgumentNullException.ThrowIfNull(id);
        this.id = id;
        this.kind = kind;
        this.amount = amount;
        this.name = name;
        this.recurrence = recurrence;
        this.startYear = startYear;
        this.endYear = endYear;
        this.annualChange = annualChange;
        this.restrictedTo = restrictedTo is null ? [] : [.. restrictedTo];
        this.renewalProbability = renewalProbability;
        this.amountCv = amountCv;
    }

    /// <summary>A stream made elsewhere, taken over as it is (its amount already in minor units of its currency).</summary>
    public StreamDraft(FundingStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        id = stream.Id;
        name = stream.Name;
        kind = stream.Kind;
        recurrence = stream.Recurrence;
        minorUnits = stream.AmountMinorUnits;
        givenCurrency = stream.Currency;
        startYear = stream.StartYear;
        endYear = stream.EndYear;
        annualChange = stream.AnnualChange;
        restrictedTo = [.. stream.RestrictedTo];
        renewalProbability = stream.RenewalProbability;
        amountCv = stream.AmountCv;
    }

    /// <summary>The stream's id.</summary>
    public string Id => id;

    /// <summary>The stream, every default resolved; what is wrong with it goes to the context's problems.</summary>
    /// <param name="context">Where problems go, and the workbook currency.</param>
    /// <param name="defaultStartYear">The start year when none was given: the workbook's first year, or a scenario change's year.</param>
    /// <returns>The stream, not yet checked against the workbook's rules.</returns>
    public FundingStream Build(WorkbookBuilder.BuildContext context, int defaultStartYear)
    {
        context.CheckCurrency(givenCurrency, new CoreMessage("PartStream", id));
        var amountInMinorUnits = minorUnits ?? context.ToMinorUnits(amount ?? 0m, new CoreMessage("PartStreamAmount", id));
        var start = startYear ?? defaultStartYear;
        var end = recurrence == Recurrence.OneOff ? endYear ?? start : endYear;
        return FundingStream.Unchecked(
            id.Trim(),
            string.IsNullOrWhiteSpace(name) ? id.Trim() : name.Trim(),
            kind,
            recurrence,
            context.Currency,
            amountInMinorUnits,
            start,
            end,
            annualChange,
            new EquatableArray<string>(restrictedTo.Select(p => p.Trim()).Where(p => p.Length > 0)),
            renewalProbability,
            amountCv);
    }
}

using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>Describes one funding stream for <see cref="WorkbookBuilder"/>; amounts in major units.</summary>
public sealed class StreamBuilder
{
    private readonly string id;
    private string? name;
    private StreamKind? kind;
    private Recurrence recurrence = Model.Recurrence.Recurring;
    private decimal? amount;
    private long? minorUnits;
    private int? startYear;
    private int? endYear;
    private decimal annualChange;
    private string[] restrictedTo = [];
    private decimal renewalProbability = 1m;
    private decimal amountCv;

    private Currency? givenCurrency;

    internal StreamBuilder(string id) => this.id = id;

    /// <summary>The stream's id.</summary>
    internal string Id => id;

    /// <summary>Sets the display name (default: the id).</summary>
    /// <param name="value">The name, in any language.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder Name(string value)
    {
        name = value;
        return this;
    }

    /// <summary>Sets where the money comes from (required).</summary>
    /// <param name="value">The kind.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder Kind(StreamKind value)
    {
        kind = value;
        return this;
    }

    /// <summary>Makes it a regular budget line, expected to continue (the default).</summary>
    /// <returns>This builder.</returns>
    public StreamBuilder Recurring()
    {
        recurrence = Model.Recurrence.Recurring;
        return this;
    }

    /// <summary>Makes it fixed-term money that ends at its end year (default: its start year).</summary>
    /// <returns>This builder.</returns>
    public StreamBuilder OneOff()
    {
        recurrence = Model.Recurrence.OneOff;
        return this;
    }

    /// <summary>Sets recurring or one-off.</summary>
    /// <param name="value">The recurrence.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder Recurrence(Recurrence value)
    {
        recurrence = value;
        return this;
    }

    /// <summary>Sets the amount in its start year, in major units (120000.00 for 120,000 yuan); required.</summary>
    /// <param name="value">The amount, with no more decimals than the currency allows.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder Amount(decimal value)
    {
        amount = value;
        minorUnits = null;
        givenCurrency = null;
        return this;
    }

    /// <summary>Sets the first fiscal year with money (default: the workbook's first year, or a scenario change's year).</summary>
    /// <param name="year">The year; it may be before the workbook's years.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder From(int year)
    {
        startYear = year;
        return this;
    }

    /// <summary>Sets the last fiscal year with money (default: open-ended, or the start year for one-off money).</summary>
    /// <param name="year">The year.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder Until(int year)
    {
        endYear = year;
        return this;
    }

    /// <summary>Sets the annual change of the amount as a fraction (-0.08 = 8% less a year; default 0).</summary>
    /// <param name="value">The change, at least -1.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder Change(decimal value)
    {
        annualChange = value;
        return this;
    }

    /// <summary>Restricts the money to these programs (default: unrestricted, the shared pool).</summary>
    /// <param name="programIds">The program ids.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder RestrictedTo(params string[] programIds)
    {
        ArgumentNullException.ThrowIfNull(programIds);
        restrictedTo = [.. programIds];
        return this;
    }

    /// <summary>Sets the Monte Carlo renewal probability (default 1).</summary>
    /// <param name="value">A probability from 0 to 1.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder RenewalProbability(decimal value)
    {
        renewalProbability = value;
        return this;
    }

    /// <summary>Sets the Monte Carlo coefficient of variation of the amount (default 0 = no noise).</summary>
    /// <param name="value">0 or more.</param>
    /// <returns>This builder.</returns>
    public StreamBuilder AmountCv(decimal value)
    {
        amountCv = value;
        return this;
    }

    internal static StreamBuilder From(FundingStream stream) => new(stream.Id)
    {
        name = stream.Name,
        kind = stream.Kind,
        recurrence = stream.Recurrence,
        minorUnits = stream.AmountMinorUnits,
        givenCurrency = stream.Currency,
        startYear = stream.StartYear,
        endYear = stream.EndYear,
        annualChange = stream.AnnualChange,
        restrictedTo = [.. stream.RestrictedTo],
        renewalProbability = stream.RenewalProbability,
        amountCv = stream.AmountCv,
    };

    internal FundingStream Build(WorkbookBuilder.BuildContext context, int defaultStartYear)
    {
        context.CheckCurrency(givenCurrency, new CoreMessage("PartStream", id));
        if (kind is null)
        {
            context.Error("BuilderStreamKindMissing", id, WorkbookNames.Describe<StreamKind>());
        }

        long amountInMinorUnits;
        if (minorUnits is { } given)
        {
            amountInMinorUnits = given;
        }
        else if (amount is { } major)
        {
            amountInMinorUnits = context.ToMinorUnits(major, new CoreMessage("PartStreamAmount", id));
        }
        else
        {
            context.Error("BuilderStreamAmountMissing", id);
            amountInMinorUnits = 0;
        }

        var start = startYear ?? defaultStartYear;
        var end = recurrence == Model.Recurrence.OneOff ? endYear ?? start : endYear;
        return FundingStream.Unchecked(
            id.Trim(),
            string.IsNullOrWhiteSpace(name) ? id.Trim() : name.Trim(),
            kind ?? StreamKind.Other,
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

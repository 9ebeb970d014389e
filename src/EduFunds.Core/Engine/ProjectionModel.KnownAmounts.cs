using EduFunds.Model;

namespace EduFunds.Engine;

/// <content>
/// A model whose first years are known (a re-forecast from the ledger): their amounts are
/// certain, and recurring streams that the known years show cut pay nothing afterwards.
/// </content>
public sealed partial class ProjectionModel
{
    // Set only by WithKnownAmounts on a model nobody has seen yet; the model is immutable after.
    private int knownYears;
    private bool[]? cutStreams;

    /// <summary>
    /// The last fiscal year whose stream amounts are known (certain, never drawn by a
    /// simulation), or null when none is: a model from <see cref="WithKnownAmounts"/>.
    /// </summary>
    public int? KnownThrough => knownYears > 0 ? Years.From + knownYears - 1 : null;

    /// <summary>Number of leading years whose amounts are known (0 for an ordinary model).</summary>
    internal int KnownYearCount => knownYears;

    /// <summary>
    /// Whether stream <paramref name="s"/> was cut in the known years: it pays nothing after
    /// them, and a simulation draws nothing for it.
    /// </summary>
    /// <param name="s">The stream index.</param>
    /// <returns>True when it is cut.</returns>
    internal bool IsCut(int s) => cutStreams is { } cut && cut[s];

    /// <summary>
    /// The same workbook, scenario and policy with the stream amounts of the years through
    /// <paramref name="knownThrough"/> known: the model's planned amounts become
    /// <paramref name="amounts"/>, a simulation takes the known years as they are (no renewal,
    /// coming or noise draw) and draws the later years as usual from their amounts, and the
    /// streams in <paramref name="cutStreams"/> pay nothing after the known years (a recurring
    /// line the known years show cut stays cut, as a cut does in a run). A re-forecast from the
    /// ledger builds such a model (<c>EduFunds.Tracking.Reforecast</c>).
    /// </summary>
    /// <param name="amounts">Every stream's amount per year, laid out as <see cref="PlannedAmounts"/>; not negative.</param>
    /// <param name="knownThrough">The last known fiscal year; before the first year = nothing known, after the last = everything known.</param>
    /// <param name="cutStreams">Ids of streams that pay nothing after the known years.</param>
    /// <returns>The new model.</returns>
    /// <exception cref="ArgumentException">Wrong number of amounts, a negative amount, or an unknown stream id.</exception>
    public ProjectionModel WithKnownAmounts(ReadOnlySpan<long> amounts, int knownThrough, IEnumerable<string> cutStreams)
    {
        ArgumentNullException.ThrowIfNull(cutStreams);
        if (amounts.Length != planned.Length)
        {
            throw new ArgumentException($"Expected {planned.Length} amounts ({YearCount} years x {StreamCount} streams), got {amounts.Length}.", nameof(amounts));
        }

        foreach (var amount in amounts)
        {
            if (amount < 0)
            {
                throw new ArgumentException("Stream amounts cannot be negative.", nameof(amounts));
            }
        }

        var cut = new bool[StreamCount];
        foreach (var id in cutStreams)
        {
            var s = Array.FindIndex(streams, x => x.Id == id);
            if (s < 0)
            {
                throw new ArgumentException($"There is no stream '{id}'.", nameof(cutStreams));
            }

            cut[s] = true;
        }

        // Recompiled from the same inputs rather than copied field by field, so that nothing a
        // later change adds to the model can be left out.
        var scenario = ScenarioName is null ? null : Workbook.FindScenario(ScenarioName);
        var copy = new ProjectionModel(Workbook, scenario, PolicyOverride is null ? null : policies[0]);
        var known = Math.Clamp(knownThrough - Years.From + 1, 0, YearCount);
        amounts.CopyTo(copy.planned);
        for (var s = 0; s < StreamCount; s++)
        {
            if (!cut[s])
            {
                continue;
            }

            for (var i = (known * StreamCount) + s; i < copy.planned.Length; i += StreamCount)
            {
                copy.planned[i] = 0;
            }
        }

        copy.knownYears = known;
        copy.cutStreams = cut.Any(c => c) ? cut : null;
        return copy;
    }

    /// <summary>Adds the known years and cut streams to a fingerprint (nothing for an ordinary model, so its hash is unchanged).</summary>
    private void AddKnownAmounts(FingerprintHash hash)
    {
        if (knownYears == 0 && cutStreams is null)
        {
            return;
        }

        hash.Add("known").Add(knownYears);
        for (var s = 0; s < StreamCount; s++)
        {
            hash.AddFlag(IsCut(s));
        }
    }
}

using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Engine;

namespace EduFunds.Cli.Reports;

/// <content>The notes under the comparison: what differs, and why a program stalls later in a harsher scenario.</content>
internal static partial class CompareReport
{
    private static void AddNotes(Report report, IReadOnlyList<ComparedProjection> compared, List<string> ids, Texts t)
    {
        var reference = compared[0];
        foreach (var c in compared.Skip(1))
        {
            var findings = 0;
            foreach (var id in ids)
            {
                var before = Find(reference.Result, id);
                var after = Find(c.Result, id);
                if (before is null || after is null || SameOutcome(before, after))
                {
                    continue;
                }

                var label = ReportSettings.ProgramLabel(id, after.Program.Name);
                var was = t.Format("compare.was", reference.Label, Describe(before, t));
                string finding;
                if (before.ShelvedYear is not null && after.ShelvedYear is null)
                {
                    finding = t.Format("compare.note.saves", c.Label, label, Describe(after, t), was);
                }
                else if (before.ShelvedYear is null && after.ShelvedYear is not null)
                {
                    finding = t.Format("compare.note.loses", c.Label, label, Describe(after, t), was);
                }
                else
                {
                    finding = t.Format("compare.note.changes", c.Label, label, Describe(after, t), was);
                }

                report.Notes.Add(finding);
                if (LaterStallExplanation(reference, c, before, after, ids, t) is { } why)
                {
                    report.Notes.Add(why);
                }

                findings++;
            }

            if (findings == 0)
            {
                report.Notes.Add(t.Format("compare.note.same", c.Label, reference.Label));
            }
        }
    }

    /// <summary>
    /// Why a scenario with less money makes a program stall later: other programs stall or are
    /// shelved sooner there, so fewer programs share the pool in the year it used to stall.
    /// Null when the scenario does not bring less money or the program does not stall later.
    /// </summary>
    private static string? LaterStallExplanation(
        ComparedProjection reference, ComparedProjection scenario, ProgramSummary before, ProgramSummary after, List<string> ids, Texts t)
    {
        if (before.FirstStallYear is not { } year || (after.FirstStallYear ?? int.MaxValue) <= year)
        {
            return null;
        }

        var referenceMoney = reference.Result.Years.Aggregate(0L, (sum, y) => checked(sum + y.StreamTotalMinorUnits));
        var scenarioMoney = scenario.Result.Years.Aggregate(0L, (sum, y) => checked(sum + y.StreamTotalMinorUnits));
        if (scenarioMoney >= referenceMoney)
        {
            return null;
        }

        var sooner = new List<string>();
        foreach (var id in ids)
        {
            if (id == before.Program.Id || Find(reference.Result, id) is not { } r || Find(scenario.Result, id) is not { } s)
            {
                continue;
            }

            if ((s.ShelvedYear ?? int.MaxValue) < (r.ShelvedYear ?? int.MaxValue) || (s.FirstStallYear ?? int.MaxValue) < (r.FirstStallYear ?? int.MaxValue))
            {
                sooner.Add(s.ShelvedYear is { } shelved
                    ? t.Format("compare.explain.shelvedIn", id, shelved)
                    : t.Format("compare.explain.stallsIn", id, s.FirstStallYear!.Value));
            }
        }

        var currency = reference.Result.Currency;
        var referenceYear = YearOf(reference.Result, year);
        var scenarioYear = YearOf(scenario.Result, year);
        int Claimants(YearResult y) => y.Programs.Count(p => p.Status is ProgramStatus.Funded or ProgramStatus.Underfunded or ProgramStatus.Stalled);
        var later = after.FirstStallYear is { } afterYear ? afterYear.ToString(CultureInfo.InvariantCulture) : t["compare.never"];
        return t.Format(
            sooner.Count > 0 ? "compare.explain.later" : "compare.explain.laterNoOther",
            scenario.Label,
            before.Program.Id,
            later,
            year,
            Prose.Money(t, referenceMoney - scenarioMoney, currency),
            t.List(sooner),
            Prose.Money(t, scenarioYear.PoolMinorUnits, currency),
            Prose.Money(t, referenceYear.PoolMinorUnits, currency),
            Claimants(scenarioYear),
            Claimants(referenceYear));
    }

    private static string Describe(ProgramSummary s, Texts t) => s switch
    {
        { FirstStallYear: null } => t["compare.describe.never"],
        { ShelvedYear: { } shelved } => t.Format("compare.describe.shelved", s.FirstStallYear, shelved),
        _ => t.Format("compare.describe.stalls", s.FirstStallYear, s.YearsStalled),
    };
}

using EduFunds.Model;

namespace EduFunds.Engine;

/// <summary>Turns a filled workspace into the immutable, detailed <see cref="ProjectionResult"/>.</summary>
internal static class ProjectionResultBuilder
{
    public static ProjectionResult Build(
        ProjectionModel model,
        ReadOnlySpan<long> amounts,
        ProjectionWorkspace w,
        List<RestrictedArrival>[] arrivals)
    {
        var streamCount = model.StreamCount;
        var programCount = model.ProgramCount;
        var years = new YearResult[model.YearCount];
        var yearsRun = new int[programCount];
        var yearsStalled = new int[programCount];
        for (var y = 0; y < model.YearCount; y++)
        {
            var year = model.Years.From + y;
            var streamRow = new StreamYearAmount[streamCount];
            var byKind = new SortedDictionary<StreamKind, long>();
            foreach (var kind in Enum.GetValues<StreamKind>())
            {
                byKind[kind] = 0;
            }

            long total = 0, recurring = 0, oneOff = 0;
            for (var s = 0; s < streamCount; s++)
            {
                var stream = model.Streams[s];
                var amount = amounts[(y * streamCount) + s];
                streamRow[s] = new StreamYearAmount(stream.Id, amount);
                total = checked(total + amount);
                byKind[stream.Kind] = checked(byKind[stream.Kind] + amount);
                if (stream.Recurrence == Recurrence.Recurring)
                {
                    recurring = checked(recurring + amount);
                }
                else
                {
                    oneOff = checked(oneOff + amount);
                }
            }

            var programRow = new ProgramYearResult[programCount];
            for (var p = 0; p < programCount; p++)
            {
                var cell = (y * programCount) + p;
                var status = w.StatusOut[cell];
                if (status is ProgramStatus.Funded or ProgramStatus.Underfunded)
                {
                    yearsRun[p]++;
                }
                else if (status == ProgramStatus.Stalled)
                {
                    yearsStalled[p]++;
                }

                programRow[p] = new ProgramYearResult(
                    year,
                    model.ProgramId(p),
                    status,
                    w.NeedOut[cell],
                    w.MinimumOut[cell],
                    model.PriorityAt(y, p),
                    w.ReserveBefore[cell],
                    w.RestrictedReceivedOut[cell],
                    w.ReserveUsedOut[cell],
                    w.RestrictedAppliedOut[cell],
                    w.PoolShareOut[cell],
                    w.FundedOut[cell],
                    w.ReserveAfterOut[cell]);
            }

            var carriedOut = model.Workbook.CarryOverPool ? w.UnallocatedOut[y] : 0;
            years[y] = new YearResult
            {
                Year = year,
                Policy = model.PolicyOf(y).Name,
                Streams = streamRow,
                StreamTotalMinorUnits = total,
                ByKindMinorUnits = byKind,
                RecurringMinorUnits = recurring,
                OneOffMinorUnits = oneOff,
                RestrictedMinorUnits = w.RestrictedOut[y],
                UnrestrictedMinorUnits = w.UnrestrictedOut[y],
                CarriedInMinorUnits = w.CarriedInOut[y],
                PoolMinorUnits = w.PoolOut[y],
                AllocatedMinorUnits = w.AllocatedOut[y],
                LapsedMinorUnits = w.UnallocatedOut[y] - carriedOut,
                CarriedOutMinorUnits = carriedOut,
                StrandedRestrictedMinorUnits = w.StrandedRestrictedOut[y],
                StrandedReservesMinorUnits = w.StrandedReservesOut[y],
                Programs = programRow,
                Arrivals = arrivals[y].ToArray(),
            };
        }

        var summaries = new ProgramSummary[programCount];
        for (var p = 0; p < programCount; p++)
        {
            var first = w.FirstStall[p];
            var shelved = w.ShelvedAt[p];
            summaries[p] = new ProgramSummary(
                model.Programs[p],
                first < 0 ? null : model.Years.From + first,
                shelved < 0 ? null : model.Years.From + shelved,
                yearsRun[p],
                yearsStalled[p]);
        }

        return new ProjectionResult(model.Workbook, model.ScenarioName, model.PolicyOverride, model.Streams, summaries, years);
    }
}

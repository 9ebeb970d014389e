using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Risk;
using EduFunds.Simulation;
using EduFunds.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.Decisions;

/// <summary>
/// The work behind <see cref="RescuePlan.Create"/> (whose remarks describe the method): the base case's risk, each
/// program's bisection, the joint plan and the alternatives.
/// </summary>
internal sealed class RescuePlanner
{
    private readonly ILogger logger;
    private readonly MonteCarloSimulator simulator;

    /// <summary>Creates a planner.</summary>
    /// <param name="logger">Optional logger (one line per program).</param>
    /// <param name="simulator">The simulator (default: a new one).</param>
    public RescuePlanner(ILogger? logger = null, MonteCarloSimulator? simulator = null)
    {
        this.logger = logger ?? NullLogger.Instance;
        this.simulator = simulator ?? new MonteCarloSimulator();
    }

    /// <summary>Plans the rescues of a workbook's base case under its own policy.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="options">Target, programs, first year, kind, simulation.</param>
    /// <param name="cancellationToken">Cancels between simulations.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    /// <exception cref="ArgumentException">A named program does not exist.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RescuePlan Plan(Workbook workbook, RescueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        options ??= new RescueOptions();
        options.Validate();
        var baseModel = Compile(workbook, null, options);
        var policy = baseModel.PolicyIn(workbook.Years.From).Name;
        var risk = new RiskAnalyzer(simulator: simulator).Analyze(
            baseModel,
            new RiskOptions { MonteCarlo = options.MonteCarlo, TornadoRuns = 0, Thresholds = options.Thresholds },
            null,
            cancellationToken);
        var baseSimulation = risk.Simulation!;

        IEnumerable<ProgramRisk> selected;
        if (options.Programs.Count > 0)
        {
            foreach (var id in options.Programs)
            {
                if (!workbook.Programs.Any(p => p.Id == id))
                {
                    throw new ArgumentException($"There is no program '{id}'.", nameof(options));
                }
            }

            selected = risk.Programs.Where(p => options.Programs.Contains(p.Program.Id));
        }
        else
        {
            selected = risk.Programs.Where(p => p.Level != RiskLevel.Low);
        }

        var chosen = selected.ToArray();
        var usedIds = new HashSet<string>(workbook.Streams.Select(s => s.Id), StringComparer.Ordinal);
        var lineIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in chosen)
        {
            lineIds[p.Program.Id] = UniqueId("RESCUE-" + p.Program.Id, usedIds);
        }

        // Every probe below shares the workbook's draws (common random numbers): drawn once here.
        var linesCertain = !options.MonteCarlo.Trends.Any(t => t.Kind == options.Kind);
        var probe = new RescueProbe(baseModel, options.MonteCarlo, linesCertain, cancellationToken);
        var simulations = new Dictionary<string, SimulationResult>(StringComparer.Ordinal);

        // Each program alone: independent searches, one per thread, each probe on one thread.
        var alone = new ProgramRescue[chosen.Length];
        var threads = RescueProbe.Threads(options.MonteCarlo);
        Parallel.For(
            0,
            chosen.Length,
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            i =>
            {
                var p = chosen[i];
                alone[i] = Bisect(workbook, [], p, lineIds[p.Program.Id], baseSimulation.StallProbability(p.Program.Id), options, probe, 1, cancellationToken);
            });
        cancellationToken.ThrowIfCancellationRequested();
        var individual = alone.ToList();
        foreach (var rescue in individual)
        {
            DecisionsLog.Rescued(logger, rescue.Program.Id, rescue.AmountMinorUnits, rescue.Note, rescue.Simulations);
        }

        // The joint plan: cheapest first; blanks (impossible) last, in rank order.
        var order = individual
            .Select((r, i) => (r, i))
            .OrderBy(x => x.r.AmountMinorUnits is null ? 1 : 0)
            .ThenBy(x => x.r.AmountMinorUnits ?? 0)
            .ThenBy(x => x.i)
            .Select(x => x.r)
            .ToArray();
        var joint = new List<ProgramRescue>();
        var added = new List<FundingStream>();
        foreach (var first in order)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var p = chosen.First(c => c.Program.Id == first.Program.Id);
            ProgramRescue rescue;
            if (added.Count == 0)
            {
                rescue = first; // nothing added yet: the very search of the program alone
            }
            else
            {
                // Its stall count with the earlier lines: all a full simulation would be asked here.
                var withEarlier = Compile(workbook with { Streams = new EquatableArray<FundingStream>([.. workbook.Streams, .. added]) }, null, options);
                var before = new Proportion(
                    probe.CountStalls(withEarlier, IndexOf(withEarlier, p.Program.Id), null, threads, null, 0, cancellationToken).Count,
                    options.MonteCarlo.Runs);
                rescue = Bisect(workbook, [.. added], p, lineIds[p.Program.Id], before, options, probe, threads, cancellationToken);
            }

            joint.Add(rescue);
            if (rescue.Stream is { } line)
            {
                added.Add(line);
            }
        }

        var scenario = new Scenario(
            options.ScenarioName,
            null,
            new EquatableArray<ScenarioChange>([.. added.Select(s => (ScenarioChange)new AddStreamChange(s.StartYear, s))]));

        var alternatives = new List<RescueAlternative> { Alternative(RescueAlternativeKind.Base, policy, baseSimulation) };
        if (options.Alternatives)
        {
            alternatives.Add(Alternative(RescueAlternativeKind.Plan, policy, Simulate(workbook, [.. added], null, options, simulations, cancellationToken)));
            // In-kind support cannot be pooled as cash (DESIGN.md): no pool alternative then.
            if (options.Kind != StreamKind.InKind)
            {
                var pooled = added.Select(s => new FundingStream(
                    s.Id, s.Name, s.Kind, s.Recurrence, s.Amount, s.StartYear, s.EndYear, s.AnnualChange, EquatableArray<string>.Empty, s.RenewalProbability, s.AmountCv)).ToArray();
                alternatives.Add(Alternative(RescueAlternativeKind.SameMoneyInPool, policy, Simulate(workbook, pooled, null, options, simulations, cancellationToken)));
            }
            foreach (var name in PolicyNames.Names)
            {
                if (name == policy)
                {
                    continue;
                }

                var other = AllocationPolicies.Get(name);
                alternatives.Add(Alternative(RescueAlternativeKind.Policy, name, Simulate(workbook, [], other, options, simulations, cancellationToken)));
            }
        }

        return new RescuePlan(workbook, options, policy, individual, joint, scenario, alternatives, baseSimulation.RandomMappingVersion);
    }

    /// <summary>True when a stall probability meets a target: count / runs &lt;= target, compared exactly.</summary>
    /// <param name="probability">The estimate.</param>
    /// <param name="target">The target.</param>
    /// <returns>Whether it is met.</returns>
    public static bool Meets(Proportion probability, decimal target) => probability.Count <= target * probability.Runs;

    private static RescueAlternative Alternative(RescueAlternativeKind kind, string policy, SimulationResult result) =>
        new(kind, policy, [.. result.Programs.Select(p => new KeyValuePair<string, Proportion>(p.Id, result.StallProbability(p.Id)))], result.ExpectedStalledPrograms());

    private static string UniqueId(string wanted, HashSet<string> used)
    {
        var id = wanted;
        for (var n = 2; !used.Add(id); n++)
        {
            id = wanted + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return id;
    }

    private static ProgramRescue Bisect(
        Workbook workbook,
        FundingStream[] earlier,
        ProgramRisk risk,
        string lineId,
        Proportion before,
        RescueOptions options,
        RescueProbe probe,
        int threads,
        CancellationToken cancellationToken)
    {
        var program = risk.Program;
        var years = workbook.Years;
        var model = Compile(workbook, null, options);
        var from = Math.Max(Math.Max(options.From ?? years.From, FirstOpenYear(model)), Math.Max(program.StartYear, years.From));
        var last = Math.Min(years.To, program.EndYear ?? int.MaxValue);
        var p = IndexOf(model, program.Id);
        var yearIndex = from - years.From;
        long need = 0;
        long unrestricted = 0;
        if (from <= last)
        {
            need = model.NeedAt(yearIndex, p);
            var planned = model.PlannedAmounts;
            for (var s = 0; s < model.StreamCount; s++)
            {
                if (!model.Streams[s].IsRestricted)
                {
                    unrestricted += planned[(yearIndex * model.StreamCount) + s];
                }
            }
        }

        ProgramRescue Result(long? amount, RescueNote note, Proportion? after, Proportion? less, int simulations) => new()
        {
            Program = program,
            Level = risk.Level,
            FromYear = from,
            AmountMinorUnits = amount,
            Note = note,
            Before = before,
            After = after,
            OneUnitLess = less,
            NeedInFromYear = need,
            UnrestrictedInFromYear = unrestricted,
            Stream = amount is > 0 ? Line(amount.Value) : null,
            Simulations = simulations,
        };

        FundingStream Line(long amount) => new(
            lineId,
            options.StreamName?.Invoke(program) ?? $"Rescue line for {program.Name}",
            options.Kind,
            Recurrence.Recurring,
            Money.FromMinorUnits(amount, workbook.Currency),
            from,
            program.EndYear,
            program.CostChange,
            new EquatableArray<string>([program.Id]),
            1m,
            0m);

        if (Meets(before, options.Target))
        {
            return Result(0, RescueNote.AlreadyMeetsTarget, before, null, 0);
        }

        if (from > last)
        {
            return Result(null, RescueNote.NoYearsToPay, null, null, 0);
        }

        var unit = Pow10(workbook.Currency.MinorUnits);
        var runs = options.MonteCarlo.Runs;
        // Meets(count / runs, target) is count <= target x runs: for a whole count, count <= floor(target x runs).
        var threshold = (long)decimal.Floor(options.Target * runs);
        var simulations = 0;
        var search = probe.NewSearch();

        ProjectionModel ModelWith(long units)
        {
            var book = workbook with { Streams = new EquatableArray<FundingStream>([.. workbook.Streams, .. earlier, Line(units * unit)]) };
            return Compile(book, null, options);
        }

        // One step of the search: whether the target is met, stopped as soon as that is decided
        // (the count is then a part of the runs). The answers are those of full simulations.
        (bool Meets, Proportion? Exact) Probe(long units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            simulations++;
            var (meets, count, complete) = probe.CountStalls(ModelWith(units), p, threshold, threads, search, units, cancellationToken);
            return (meets, complete ? new Proportion(count, runs) : null);
        }

        // The full count of a step whose search stopped early (for the figures reported).
        Proportion Exact(long units, Proportion? known) =>
            known ?? new Proportion(probe.CountStalls(ModelWith(units), p, null, threads, null, units, cancellationToken).Count, runs);

        // A line equal to the need in its first year (rounded up to a major unit, plus one for
        // rounding in later years) covers the need every year: the most that can help.
        var hi = checked(((need + unit - 1) / unit) + 1);
        var (metAtHi, atHi) = Probe(hi);
        if (!metAtHi)
        {
            return Result(null, RescueNote.Impossible, Exact(hi, atHi), null, simulations);
        }

        long lo = 0;
        Proportion? atLo = before;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            var (metAtMid, atMid) = Probe(mid);
            if (metAtMid)
            {
                hi = mid;
                atHi = atMid;
            }
            else
            {
                lo = mid;
                atLo = atMid;
            }
        }

        return Result(hi * unit, RescueNote.Found, Exact(hi, atHi), Exact(lo, atLo), simulations);
    }

    /// <summary>A full simulation of the workbook with extra lines (and another policy), done once per distinct input.</summary>
    private SimulationResult Simulate(
        Workbook workbook,
        FundingStream[] extra,
        IAllocationPolicy? policy,
        RescueOptions options,
        Dictionary<string, SimulationResult> done,
        CancellationToken cancellationToken)
    {
        var key = (policy?.Name ?? string.Empty) + "|" + string.Join(
            "|",
            extra.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Id}:{s.AmountMinorUnits}:{(s.IsRestricted ? "r" : "u")}")));
        if (done.TryGetValue(key, out var known))
        {
            return known;
        }

        var book = extra.Length == 0 ? workbook : workbook with { Streams = new EquatableArray<FundingStream>([.. workbook.Streams, .. extra]) };
        var model = Compile(book, policy, options);
        var result = simulator.Simulate(model, options.MonteCarlo, null, cancellationToken);
        done[key] = result;
        return result;
    }

    /// <summary>
    /// The model every simulation of the plan runs: the workbook (with lines) under a policy, or,
    /// with <see cref="RescueOptions.AsOf"/>, its re-forecast from the ledger (the known years as
    /// they happened, later years drawn as usual).
    /// </summary>
    private static ProjectionModel Compile(Workbook book, IAllocationPolicy? policy, RescueOptions options)
    {
        var model = ProjectionModel.Create(book, policy: policy);
        return options.AsOf is { } asOf ? Reforecast.Create(model, book.Ledger, asOf).ForecastModel : model;
    }

    /// <summary>The first year whose money is not known yet: the first year of an ordinary model.</summary>
    private static int FirstOpenYear(ProjectionModel model) => (model.KnownThrough ?? (model.Years.From - 1)) + 1;

    private static int IndexOf(ProjectionModel model, string programId)
    {
        for (var i = 0; i < model.ProgramCount; i++)
        {
            if (model.Programs[i].Id == programId)
            {
                return i;
            }
        }

        throw new ArgumentException($"There is no program '{programId}'.", nameof(programId));
    }

    private static long Pow10(int digits)
    {
        long value = 1;
        for (var i = 0; i < digits; i++)
        {
            value *= 10;
        }

        return value;
    }
}

using System.Reflection;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.Architecture;

/// <summary>
/// The public surface of EduFunds.Core stays small (issue 8: "keep only what a library user needs
/// public"): a ceiling on the public types, and the PublicAPI files declare exactly the types the
/// assembly exports, so <c>.ci/public-api count</c> counts what a user sees.
/// </summary>
public sealed class PublicApiSizeTests
{
    /// <summary>Lower it when types leave the surface; raise it only with a reason in the commit.</summary>
    // Issue 8 trims the surface below 80; each landing lowers this to the count it leaves.
    // 107: BudgetResult and ReceiptsResult folded into BudgetVersusActual and ReceiptsVersusExpected,
    // ProgramComparison into ScenarioComparison; ReforecastAmount, ReforecastBasis, StreamYearAmount
    // and SimulationInputs internal (api-c). 106: WorkbookValidationException folded into
    // InputValidationException (api-a). 105: CurrencyMismatchException is an ArgumentException (api-a).
    // 104: MonteCarloSettings folded into Workbook.MonteCarloRuns/MonteCarloSeed (api-a).
    // 101: AtomicFiles, WorkbookReadOptions and LedgerTotalsBuilder internal (api-b).
    // 99: AmountOverflowException is a plain OverflowException with a worded message, WorkbookNames
    // internal (api-a).
    // 96: HledgerJournal behind LedgerFile.WriteHledgerJournal; StudyDescription and StudyWorkbook
    // folded into ResultFile and WorkbookResultPart (api-b).
    // 94: RiskSimulation gone and StreamLossResult internal: the tornado's tallies travel in the
    // SimulationResult that RiskAnalyzer.SimulateMonteCarlo returns (api-risk).
    // 92: ColumnMap and MatchRules internal; ImportOptions.Map is the map's text and
    // LedgerFile.ReadImportRules gives the options with the rules (api-track).
    // 91: PolicyComparer folded into PolicyComparison.Create (api-risk).
    // 90: PolicyNames internal; the built-in policies and their names are on IAllocationPolicy (api-model).
    // 89: LargestRemainder internal; a policy of your own splits with Money.AllocateMinorUnits (api-model).
    // 88: SimulationStop gone: SimulationResult.Precision and PrecisionReached say why it stopped (api-risk).
    // 87: WorkbookFiles internal; the file names are IWorkbookFileSource.SettingsFileName and so on (api-track).
    // 86: RescuePlanner folded into RescuePlan.Create (api-risk).
    // 84: BudgetTable is a dictionary from (year, program id) to Money, BudgetSource is
    // BudgetLine.HasExplicitBudget (api-track).
    // 83: ProjectionOptions gone: ProjectionModel.Create(workbook, scenario, policy) (api-model).
    // 82: FiscalCalendar internal: Workbook.FiscalYearOf, FirstDayOfFiscalYear, LastDayOfFiscalYear (api-model).
    // 80: StreamBuilder and ProgramBuilder gone: WorkbookBuilder.Stream(id, kind, amount, ...) and
    // Program(id, category, cost, ...) take the values as parameters (api-model).
    // 79: ImportedRow and SkippedRow are one ImportRow, the row type of every list of ImportResult (api-track).
    private const int Ceiling = 79;

    private static readonly Assembly Core = typeof(Money).Assembly;

    [Fact]
    public void PublicTypes_AreAtMostTheCeiling()
    {
        var types = Core.GetExportedTypes();

        Assert.NotEmpty(types);
        var byNamespace = string.Join(", ", types.GroupBy(t => t.Namespace).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        Assert.True(types.Length <= Ceiling, $"{types.Length} public types, at most {Ceiling} allowed ({byNamespace}); make plumbing internal, fold a small record into the one result that uses it, or (when a library user truly needs the type) raise Ceiling in this test and say why in the commit.");
    }

    [Fact]
    public void PublicApiFiles_DeclareExactlyTheExportedTypes()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "EduFunds.Core");
        var unshipped = File.ReadAllLines(Path.Combine(folder, "PublicAPI.Unshipped.txt"));
        var removed = unshipped.Where(l => l.StartsWith("*REMOVED*", StringComparison.Ordinal)).Select(l => l["*REMOVED*".Length..]).ToHashSet(StringComparer.Ordinal);
        var declared = File.ReadAllLines(Path.Combine(folder, "PublicAPI.Shipped.txt"))
            .Where(l => !removed.Contains(l))
            .Concat(unshipped.Where(l => !l.StartsWith("*REMOVED*", StringComparison.Ordinal)))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.Contains("->", StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var exported = Core.GetExportedTypes().Select(ApiName).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(exported);
        Assert.Equal(exported, declared);
    }

    /// <summary>A type as the PublicAPI files spell it: nested types with a dot, generics as <c>Name&lt;T&gt;</c>.</summary>
    private static string ApiName(Type type)
    {
        var name = type.FullName!.Replace('+', '.');
        if (!type.IsGenericTypeDefinition)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return name[..tick] + "<" + string.Join(", ", type.GetGenericArguments().Select(a => a.Name)) + ">";
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found.");
    }
}

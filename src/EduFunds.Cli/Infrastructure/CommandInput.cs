using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// What a command works on once its inputs are resolved: the loaded workbook, the scenario and
/// the policy override. Made by <see cref="CommandInput.Resolve"/>, the one preamble every
/// command that reads a workbook goes through.
/// </summary>
/// <param name="Loaded">The workbook and where it came from.</param>
/// <param name="ScenarioName">The scenario to project, or null for the base case.</param>
/// <param name="PolicyOverride">The policy for every year (<c>--policy</c>), or null for the workbook's and the scenario's.</param>
internal sealed record CommandInput(LoadedWorkbook Loaded, string? ScenarioName, IAllocationPolicy? PolicyOverride)
{
    /// <summary>The workbook.</summary>
    public Workbook Workbook => Loaded.Workbook;

    /// <summary>How the workbook is named in messages and reports.</summary>
    public string Description => Loaded.Description;

    /// <summary>The workbook folder, or null for the built-in example.</summary>
    public string? Folder => Loaded.Folder;

    /// <summary>The first line of a report on the built-in example, saying so, in the run's language; null for a workbook folder.</summary>
    /// <param name="t">The texts.</param>
    /// <returns>The line or null.</returns>
    public string? Banner(Localization.Texts t) => Loaded.Banner(t);

    /// <summary>How reports name the workbook: its folder's name, never a path (<see cref="LoadedWorkbook.Label"/>).</summary>
    public string Label => Loaded.Label;

    /// <summary>The label of the scenario in reports: its name, or "base".</summary>
    public string ScenarioLabel => ProjectionArguments.Label(ScenarioName);

    /// <summary>Compiles the workbook under the resolved scenario and policy, or under another policy.</summary>
    /// <param name="policy">A policy for every year instead of the resolved one (the viability-first alternative, each policy compared), or null.</param>
    /// <returns>The model.</returns>
    public ProjectionModel CreateModel(IAllocationPolicy? policy = null) => ProjectionModel.Create(Workbook, ScenarioName, policy ?? PolicyOverride);

    /// <summary>
    /// Resolves a command's inputs, in this order so that the first mistake is the one reported:
    /// the policy name (before anything is read), the workbook (its folder, or the built-in
    /// example), then the scenario name against the workbook.
    /// </summary>
    /// <param name="context">The command context (stderr for warnings, logging, cancellation).</param>
    /// <param name="folder">The <c>WORKBOOK</c> argument, or null.</param>
    /// <param name="scenario">The <c>--scenario</c> value; null or "base" = the base case.</param>
    /// <param name="policy">The <c>--policy</c> value, or null.</param>
    /// <param name="reading">How to read the ledger (kept by default; commands that only check, sum or copy it stream it).</param>
    /// <returns>The resolved inputs.</returns>
    /// <exception cref="UserInputException">Unknown policy or scenario, or no workbook in the folder.</exception>
    /// <exception cref="InputValidationException">The workbook is invalid.</exception>
    public static CommandInput Resolve(CliContext context, DirectoryInfo? folder, string? scenario = null, string? policy = null, LedgerReading? reading = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var policyOverride = ProjectionArguments.ResolvePolicy(policy, context.Texts);
        var loaded = WorkbookInput.Load(context, folder, GlobalOptions.GetWorkbookEncoding(context.ParseResult), reading);
        var scenarioName = ProjectionArguments.ResolveScenario(loaded.Workbook, scenario, loaded.Description, context.Texts);
        return new CommandInput(loaded, scenarioName, policyOverride);
    }
}

namespace EduFunds.Tracking;

/// <summary>How a program's spending compares with its plan.</summary>
public enum BudgetStatus
{
    /// <summary>Within the plan and not ahead of the time elapsed.</summary>
    OnTrack,

    /// <summary>Percent used exceeds percent of the period elapsed by more than the tolerance: at this pace the budget runs out early.</summary>
    AheadOfPace,

    /// <summary>Actual spending exceeds the planned amount (including spending with nothing planned).</summary>
    Overspent,

    /// <summary>Nothing planned and nothing spent (a program that stalls in the projection, for example).</summary>
    Idle,

    /// <summary>
    /// An open period whose percent used is below percent elapsed by more than the tolerance: at
    /// this pace money is left unspent, and in a shrinking budget unspent money is cut first.
    /// </summary>
    BehindPace,

    /// <summary>A closed period whose actual spending is below planned x (1 - tolerance).</summary>
    Underspent,
}

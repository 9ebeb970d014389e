namespace EduFunds.Tracking;

/// <summary>Where the planned amount of a budget line comes from.</summary>
public enum BudgetSource
{
    /// <summary>The projection's funding F of the program in that year.</summary>
    Projection,

    /// <summary>An explicit budget from a <see cref="BudgetTable"/>.</summary>
    BudgetTable,
}

namespace EduFunds.Risk;

/// <summary>The kind of a risk reason.</summary>
public enum RiskReasonKind
{
    /// <summary>Most of its money is one-off.</summary>
    OneOffShare,

    /// <summary>A one-off stream it depends on ends within the projection.</summary>
    FundingCliff,

    /// <summary>Recurring money does not cover its need in its first active year.</summary>
    StructuralGap,

    /// <summary>It stalls (and maybe is shelved) in the deterministic projection.</summary>
    Stalls,

    /// <summary>Its Monte Carlo stall probability is at or above a threshold.</summary>
    StallProbability,

    /// <summary>Its first-year funding is close to (or below) its minimum.</summary>
    LowHeadroom,

    /// <summary>Losing one stream makes it stall (early).</summary>
    KeyDependency,

    /// <summary>It has the profile of the program that stalled in the case study.</summary>
    DigitalSkillsPattern,
}

namespace EduFunds.Risk;

/// <summary>How much a program is at risk of stalling.</summary>
public enum RiskLevel
{
    /// <summary>No flag raised.</summary>
    Low,

    /// <summary>Stall probability &gt;= 0.2, one-off share &gt;= 0.5 or first-year headroom &lt; 0.1.</summary>
    Elevated,

    /// <summary>Stalls in the deterministic projection, or stall probability &gt;= 0.5.</summary>
    High,
}

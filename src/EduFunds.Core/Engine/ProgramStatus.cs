namespace EduFunds.Engine;

/// <summary>What happened to a program in a year.</summary>
public enum ProgramStatus
{
    /// <summary>Before its start year or after its end year: need 0.</summary>
    Inactive,

    /// <summary>Funded in full: F = N.</summary>
    Funded,

    /// <summary>Runs on less than its need: M &lt;= F &lt; N.</summary>
    Underfunded,

    /// <summary>Below its minimum: spends nothing this year.</summary>
    Stalled,

    /// <summary>Shelved after consecutive stalls: need 0 from the year after its shelved year until its end year (after that it is inactive).</summary>
    Shelved,
}

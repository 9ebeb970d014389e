namespace EduFunds.Model;

/// <summary>Where a funding stream's money comes from. Written in kebab case in workbook files.</summary>
public enum StreamKind
{
    /// <summary>District grant (<c>district-grant</c>): regular or ad-hoc public money.</summary>
    DistrictGrant,

    /// <summary>Project fund (<c>project-fund</c>): time-limited special project money.</summary>
    ProjectFund,

    /// <summary>Donation (<c>donation</c>).</summary>
    Donation,

    /// <summary>Corporate sponsorship (<c>sponsorship</c>).</summary>
    Sponsorship,

    /// <summary>In-kind (<c>in-kind</c>): valued services such as college teachers or rooms; always restricted.</summary>
    InKind,

    /// <summary>Other money (<c>other</c>).</summary>
    Other,
}

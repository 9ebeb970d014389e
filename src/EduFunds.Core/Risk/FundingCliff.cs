namespace EduFunds.Risk;

/// <summary>A one-off stream a program depends on that ends within the projection.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="StreamName">Its name.</param>
/// <param name="LastYear">The last year the stream pays.</param>
/// <param name="Year">The cliff: the first year without it (<paramref name="LastYear"/> + 1).</param>
/// <param name="CoveredShare">The part of the program's need it covered in its last year (at most 1).</param>
public sealed record FundingCliff(string StreamId, string StreamName, int LastYear, int Year, double CoveredShare);

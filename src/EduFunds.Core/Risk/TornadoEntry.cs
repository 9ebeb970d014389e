using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <summary>The effect on one program of losing one stream from the first year (of a re-forecast: from the first year after the known ones).</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="StreamName">Its name.</param>
/// <param name="ReceivedMinorUnits">What the program received from it in the projection (minor units).</param>
/// <param name="FirstStallYear">The program's first stall year without the stream, or null if it never stalls.</param>
/// <param name="ShelvedYear">Its shelved year without the stream, or null.</param>
/// <param name="StallProbability">Its Monte Carlo stall probability without the stream, or null when the tornado had no Monte Carlo part for it.</param>
/// <param name="StallProbabilityEffect">That probability minus the base probability of the same tornado runs, or null.</param>
public sealed record TornadoEntry(
    string StreamId,
    string StreamName,
    long ReceivedMinorUnits,
    int? FirstStallYear,
    int? ShelvedYear,
    Proportion? StallProbability,
    double? StallProbabilityEffect);

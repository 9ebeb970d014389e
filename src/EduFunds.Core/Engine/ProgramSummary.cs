using EduFunds.Model;

namespace EduFunds.Engine;

/// <summary>A program over the whole projection.</summary>
/// <param name="Program">The program (as the scenario has it, including added programs).</param>
/// <param name="FirstStallYear">First year it stalled, or null.</param>
/// <param name="ShelvedYear">Year of its last stall before shelving, or null.</param>
/// <param name="YearsRun">Years it was funded or underfunded.</param>
/// <param name="YearsStalled">Years it stalled.</param>
public sealed record ProgramSummary(
    EducationProgram Program,
    int? FirstStallYear,
    int? ShelvedYear,
    int YearsRun,
    int YearsStalled);

using EduFunds.Engine;
using EduFunds.Model;

namespace ConsoleConsumer;

/// <summary>
/// A policy of our own: basic services come before any flagship event. The pool fills the
/// basic programs first, one after the other in the request's order (priority, then id), each
/// up to what it still needs; only what is left then goes to the flagship programs, in the same
/// order. Amounts are whole minor units, so nothing is rounded and nothing is lost.
/// </summary>
public sealed class BasicBeforeFlagshipPolicy : IAllocationPolicy
{
    public string Name => "basic-before-flagship";

    public void Allocate(in AllocationRequest request, Span<long> shares)
    {
        var left = request.Pool;
        foreach (var category in (ReadOnlySpan<ProgramCategory>)[ProgramCategory.Basic, ProgramCategory.Flagship])
        {
            for (var i = 0; i < request.Claims.Length && left > 0; i++)
            {
                var claim = request.Claims[i];
                if (claim.Category == category && claim.Remaining > 0)
                {
                    shares[i] = Math.Min(claim.Remaining, left);
                    left -= shares[i];
                }
            }
        }
    }
}

using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Benchmarks;

/// <summary>
/// The cases that <c>check</c> and <c>check-risk</c> fingerprint: generated workbooks of several
/// sizes (carry-over on and off, shelving off), every built-in policy, each built in and behind a
/// wrapper (the path a policy of a user's own takes).
/// </summary>
internal static class CheckCases
{
    /// <summary>Every case, in a fixed order.</summary>
    /// <returns>The workbook's name, the policy's name, whether it is wrapped, and the compiled model.</returns>
    public static IEnumerable<(string Book, string Policy, bool Wrapped, ProjectionModel Model)> All()
    {
        var books = new (string Name, Workbook Book)[]
        {
            ("district", DistrictWorkbook.Create()),
            ("small-7", DistrictWorkbook.Create(60, 90, 12, 7)),
            ("small-8-carry", WorkbookBuilder.From(DistrictWorkbook.Create(40, 70, 10, 8)).CarryOverPool().ShelveAfter(3).Build()),
            ("small-9-noshelve", WorkbookBuilder.From(DistrictWorkbook.Create(80, 60, 8, 9)).ShelveAfter(0).FlagshipWeight(2.5m).Build()),
        };
        foreach (var (name, book) in books)
        {
            foreach (var policyName in PolicyNames.Names)
            {
                foreach (var wrapped in new[] { false, true })
                {
                    var policy = AllocationPolicies.Get(policyName);
                    yield return (name, policyName, wrapped,
                        ProjectionModel.Create(book, policy: wrapped ? new Wrapper(policy) : policy));
                }
            }
        }
    }

    /// <summary>A policy of "a user's own": the built-in one behind the interface.</summary>
    private sealed class Wrapper(IAllocationPolicy inner) : IAllocationPolicy
    {
        public string Name => inner.Name;

        public void Allocate(in AllocationRequest request, Span<long> shares) => inner.Allocate(request, shares);
    }
}

using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>The bounded lists behind every list of pairs and bounds in a report: they keep the strongest few in a fixed order
/// however many are added, and count every one.</summary>
public class PairListTests
{
    /// <summary>A claim as assessed, with the interval given: the words it came from do not matter to the lists.</summary>
    private static AssessedClaim Claim(string id, double lower, double upper)
        => new(new Claim(id, Some.Question(), Some.Source(), Quantity.Exact(1)), lower, upper, lower, 1, []);

    private static ClaimPair Pair(string first, string second, double factor, ConflictKind kind = ConflictKind.Contradiction)
        => new(Claim(first, 1, 1), Claim(second, 2, 2), factor, kind);

    private static string Ids(IEnumerable<ClaimPair> pairs) => string.Join(" ", pairs.Select(p => $"{p.First.Claim.Id}-{p.Second.Claim.Id}"));

    [Fact]
    public void Counting_CountsByKind_AndNothingForNone()
    {
        var list = new PairList(5, PairList.Strongest);
        list.Count(ConflictKind.DifferentTime, 0);
        list.Counts.Should().BeEmpty("a count of nothing adds no kind");

        list.Count(ConflictKind.DifferentTime, 3);
        list.Add(Pair("a", "b", 2, ConflictKind.DifferentTime));
        list.Add(Pair("c", "d", 2, ConflictKind.DifferentTime), counted: true);
        list.Add(Pair("e", "f", 2, ConflictKind.DifferentScope));

        list.Counts.Should().BeEquivalentTo(new Dictionary<ConflictKind, long> { [ConflictKind.DifferentTime] = 4, [ConflictKind.DifferentScope] = 1 });
        list.Total.Should().Be(5);
        list.Listed().Should().HaveCount(3);
    }

    [Fact]
    public void Strongest_PutsContradictionsFirst_ThenTheLargerFactor_ThenTheIds()
    {
        var list = new PairList(10, PairList.Strongest);
        list.Add(Pair("b", "c", 9, ConflictKind.WithinTolerance));
        list.Add(Pair("a", "z", 2));
        list.Add(Pair("a", "y", 2));
        list.Add(Pair("b", "a", 3));
        list.Add(Pair("a", "x", 5, ConflictKind.ExceedsBound));

        Ids(list.Listed()).Should().Be("a-x b-a a-y a-z b-c");
    }

    [Fact]
    public void ByKind_GroupsTheKindsInTheirOrder_ThenTheStrongest()
    {
        var list = new PairList(10, PairList.ByKind);
        list.Add(Pair("a", "b", 2, ConflictKind.DifferentScope));
        list.Add(Pair("c", "d", 9, ConflictKind.DifferentScope));
        list.Add(Pair("e", "f", 3, ConflictKind.DifferentTime));
        list.Add(Pair("g", "h", 1.5, ConflictKind.DifferentTime));

        Ids(list.Listed()).Should().Be("e-f g-h c-d a-b");
    }

    [Fact]
    public void ManyPairs_KeepTheStrongestFew_AndCountThemAll()
    {
        // 100 pairs with factors 1.01 to 2.00 added weakest first, with the strongest added twice: the list keeps the two largest
        // factors once each, although it trims itself many times on the way.
        var list = new PairList(2, PairList.Strongest);
        var pairs = Enumerable.Range(1, 100).Select(i => Pair($"p{i:D3}", "q", 1 + (i / 100.0))).ToList();
        foreach (ClaimPair p in pairs)
        {
            list.Add(p);
        }

        list.Add(pairs[^1], counted: true);

        Ids(list.Listed()).Should().Be("p100-q p099-q");
        list.Total.Should().Be(100);
    }

    private static Bound Upper(string id, double value) => new(Claim(id, value / 2, value), new Stratum { Scope = "inner" }, BoundDirection.Upper, "r", [], 0);

    private static Bound Lower(string id, double value) => new(Claim(id, value, value * 2), new Stratum { Scope = "outer" }, BoundDirection.Lower, "r", [], 0);

    private static string Ids(IEnumerable<Bound> bounds) => string.Join(" ", bounds.Select(b => b.Claim.Claim.Id));

    [Fact]
    public void Bounds_ThatBoundNothing_AreNeitherKeptNorCounted()
    {
        var list = new BoundList(5);
        list.Add(Upper("open", double.PositiveInfinity));
        list.Add(Lower("zero", 0));
        list.Count.Should().Be(0);
        list.Listed().Should().BeEmpty();

        list.Add(Upper("u", 10));
        list.Add(Lower("l", 0.5));
        list.Count.Should().Be(2);
        Ids(list.Listed()).Should().Be("u l");
    }

    [Fact]
    public void Bounds_UpperFirst_TightestFirst_TiesByClaimId()
    {
        var list = new BoundList(10);
        list.Add(Lower("l1", 5));
        list.Add(Upper("u2", 20));
        list.Add(Lower("l3", 50));
        list.Add(Upper("u3", 10));
        list.Add(Upper("u1", 10));
        list.Add(Lower("l2", 50));

        Ids(list.Listed()).Should().Be("u1 u3 u2 l2 l3 l1");
    }

    [Fact]
    public void ManyBounds_KeepTheTightestFewOfEachDirection_AndCountThemAll()
    {
        var list = new BoundList(2);
        for (int i = 1; i <= 100; i++)
        {
            list.Add(Upper($"u{i:D3}", 1000 - i));
            list.Add(Lower($"l{i:D3}", i));
        }

        Ids(list.Listed()).Should().Be("u100 u099 l100 l099");
        list.Count.Should().Be(200);
    }
}

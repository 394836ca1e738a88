namespace Diabaly;

/// <summary>A list of pairs that keeps only the strongest <c>max</c> (by a comparer) while counting every pair by kind, so that memory
/// stays bounded however many pairs there are.</summary>
internal sealed class PairList
{
    private readonly int _max;
    private readonly Comparison<ClaimPair> _order;
    private readonly Dictionary<ConflictKind, long> _counts = [];
    private List<ClaimPair> _items = [];

    public PairList(int max, Comparison<ClaimPair> order)
    {
        _max = max;
        _order = order;
    }

    public IReadOnlyDictionary<ConflictKind, long> Counts => _counts;

    public long Total => _counts.Values.Sum();

    /// <summary>Counts pairs that are not (all) listed.</summary>
    public void Count(ConflictKind kind, long n)
    {
        if (n > 0)
        {
            _counts[kind] = _counts.GetValueOrDefault(kind) + n;
        }
    }

    /// <summary>Lists a pair, and counts it unless <paramref name="counted"/> says it already is.</summary>
    public void Add(ClaimPair c, bool counted = false)
    {
        if (!counted)
        {
            Count(c.Kind, 1);
        }

        _items.Add(c);
        if (_items.Count >= 2 * Math.Max(_max, 16))
        {
            Trim();
        }
    }

    /// <summary>The strongest pairs, in order, at most <c>max</c>.</summary>
    public List<ClaimPair> Listed()
    {
        Trim();
        return _items;
    }

    private void Trim()
    {
        _items = _items.Distinct().ToList();
        _items.Sort(_order);
        if (_items.Count > _max)
        {
            _items.RemoveRange(_max, _items.Count - _max);
        }
    }

    /// <summary>Contradictions first, then by factor, largest first, then by the ids.</summary>
    public static int Strongest(ClaimPair x, ClaimPair y)
        => y.IsContradiction.CompareTo(x.IsContradiction) is var c && c != 0 ? c
         : y.Factor.CompareTo(x.Factor) is var f && f != 0 ? f
         : string.CompareOrdinal(x.First.Claim.Id, y.First.Claim.Id) is var i && i != 0 ? i
         : string.CompareOrdinal(x.Second.Claim.Id, y.Second.Claim.Id);

    /// <summary>By kind (time before scope), then by factor, largest first, then by the ids.</summary>
    public static int ByKind(ClaimPair x, ClaimPair y)
        => x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : Strongest(x, y);
}

/// <summary>The bounds on one stratum: the tightest <c>max</c> of each direction kept, every bound that bounds anything counted.</summary>
internal sealed class BoundList
{
    private readonly int _max;
    private readonly List<Bound> _upper = [], _lower = [];

    public BoundList(int max) => _max = max;

    public int Count { get; private set; }

    /// <summary>Adds a bound, unless it bounds nothing (an open claim above, a claim that allows 0 below).</summary>
    public void Add(Bound b)
    {
        List<Bound> list = b.Direction == BoundDirection.Upper ? _upper : _lower;
        if (b.Direction == BoundDirection.Upper ? !double.IsFinite(b.Value) : b.Value <= 0)
        {
            return;
        }

        Count++;
        list.Add(b);
        if (list.Count >= 2 * Math.Max(_max, 16))
        {
            Trim(list);
        }
    }

    /// <summary>Upper bounds first, tightest first, then lower bounds, tightest first; at most <c>max</c> of each.</summary>
    public List<Bound> Listed()
    {
        Trim(_upper);
        Trim(_lower);
        return [.. _upper, .. _lower];
    }

    private void Trim(List<Bound> list)
    {
        list.Sort((x, y) => (x.Direction == BoundDirection.Upper ? x.Value.CompareTo(y.Value) : y.Value.CompareTo(x.Value)) is var c && c != 0
            ? c : string.CompareOrdinal(x.Claim.Claim.Id, y.Claim.Claim.Id));
        if (list.Count > _max)
        {
            list.RemoveRange(_max, list.Count - _max);
        }
    }
}

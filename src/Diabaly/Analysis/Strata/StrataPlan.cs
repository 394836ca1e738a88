using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>How two strata stand: the same, the first bounded above by the second (Below), bounded below (Above), or unrelated.</summary>
internal enum StratumOrder
{
    Same,
    Below,
    Above,
    Unrelated,
}

/// <summary>The strata of one question: which is the headline and why, the stratum of every claim, and how strata relate.</summary>
/// <remarks>
/// <para>The headline labels: each label the question's <see cref="Question.Target"/> gives; each label it leaves out (or both,
/// when it declares none) is chosen among the claims that match the labels it gives, as the one with the most weight. A source's
/// weight (prior × access × partisan factors) is split evenly among its claims on the question, and a claim without a label in
/// a dimension counts for every label of that dimension. Ties go to the stratum with more claims, then to the outermost scope (the
/// whole rather than a part, by <see cref="StratumRelations.Within"/>), then on a cumulative question to the latest time (the most
/// complete count) and otherwise to the earliest, then to the first scope label in order. A dimension no claim labels stays
/// unlabelled.</para>
/// <para>A claim's stratum fills each label it leaves out with the headline's (a missing label matches), so a claim is on target
/// exactly when its stratum is the headline.</para>
/// </remarks>
internal sealed class StrataPlan
{
    private readonly List<(string? Time, string? Scope)> _keys = [];
    private readonly Dictionary<(int, int), (StratumOrder Order, ConflictKind Difference)> _cache = [];
    private readonly StratumRelations _relations;
    private readonly bool _cumulative;
    private long _work;

    private StrataPlan(StratumRelations relations, bool cumulative)
    {
        _relations = relations;
        _cumulative = cumulative;
    }

    /// <summary>The strata, the headline first, then by time (listed labels, dates, other labels) and scope.</summary>
    public List<Stratum> Strata { get; } = [];

    /// <summary>The stratum index of each claim, in the order the claims were given.</summary>
    public int[] Of { get; private set; } = [];

    public bool IsDeclared { get; private set; }

    /// <summary>The work <see cref="Relate"/> has done so far, in scopes visited along <see cref="StratumRelations.Within"/>.</summary>
    public long Work => _work;

    public string Reason { get; private set; } = string.Empty;

    public static StrataPlan Make(Question question, IReadOnlyList<Claim> claims, Func<Source, double> sourceWeight, StratumRelations relations)
    {
        var plan = new StrataPlan(relations, question.Cumulative);
        if (question.Target is null && claims.All(c => c.AsOf is null && c.Scope is null))
        {
            // No labels anywhere: one stratum, every claim on it.
            plan.Strata.Add(Stratum.Any);
            plan._keys.Add((null, null));
            plan.Of = new int[claims.Count];
            plan.Reason = "no claim gives a time or a scope, so every claim counts the same thing";
            return plan;
        }

        var labels = claims.Select(c => (Time: Stratum.Key(c.AsOf), Scope: Stratum.Key(c.Scope))).ToArray();

        // The words shown for a key: the target's, else the first of the claims' in ordinal order (not in claim order).
        var text = new Dictionary<(bool Time, string Key), string>();
        void Name(bool time, string? raw)
        {
            if (raw is not null)
            {
                var k = (time, Stratum.Key(raw)!);
                if (!text.TryGetValue(k, out string? seen) || string.CompareOrdinal(raw, seen) < 0)
                {
                    text[k] = raw;
                }
            }
        }

        foreach (Claim c in claims)
        {
            Name(true, c.AsOf);
            Name(false, c.Scope);
        }

        Stratum? target = question.Target;
        if (target?.AsOf is { } ta)
        {
            text[(true, Stratum.Key(ta)!)] = ta;
        }

        if (target?.Scope is { } ts)
        {
            text[(false, Stratum.Key(ts)!)] = ts;
        }

        // Each source has one vote, split among its distinct statements on the question (numbers and labels), and a statement made
        // twice splits its share: saying the same thing again changes nothing. Counts are shared the same way.
        var statement = claims.Select((c, i) => (c.Source.Id, c.Value.Kind, c.Value.Lower, c.Value.Upper, c.Value.Central, labels[i].Time, labels[i].Scope)).ToArray();
        var repeats = statement.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var distinct = statement.Distinct().GroupBy(k => k.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        double[] vote = claims.Select((c, i) => sourceWeight(c.Source) / distinct[c.Source.Id] / repeats[statement[i]]).ToArray();
        double[] share = statement.Select(k => 1.0 / repeats[k]).ToArray();

        string? dt = Stratum.Key(target?.AsOf), ds = Stratum.Key(target?.Scope);
        var matching = Enumerable.Range(0, claims.Count)
            .Where(i => (dt is null || labels[i].Time is null || labels[i].Time == dt) && (ds is null || labels[i].Scope is null || labels[i].Scope == ds))
            .ToList();
        (string? ht, string? hs, double weight) = Choose(matching, labels, vote, share, dt, ds, key => TimeLine.SortKey(text[(true, key)], relations),
            relations, question.Cumulative);
        plan.IsDeclared = target is not null;
        plan.Reason = Explain(target, ht, hs, dt, ds, weight, vote.Sum(), matching.Count, text);

        // Strata: the headline, then every other pair of labels a claim has once its missing labels are filled from the headline's.
        var filled = labels.Select(l => (Time: l.Time ?? ht, Scope: l.Scope ?? hs)).ToArray();
        var others = filled.Where(f => f != (ht, hs)).Distinct()
            .OrderBy(f => TimeLine.SortKey(f.Time is null ? null : text[(true, f.Time)], relations))
            .ThenBy(f => f.Scope ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        plan._keys.Add((ht, hs));
        plan._keys.AddRange(others);
        foreach (var (t, s) in plan._keys)
        {
            plan.Strata.Add(new Stratum { AsOf = t is null ? null : text[(true, t)], Scope = s is null ? null : text[(false, s)] });
        }

        var index = new Dictionary<(string?, string?), int>();
        for (int i = 0; i < plan._keys.Count; i++)
        {
            index[plan._keys[i]] = i;
        }

        plan.Of = filled.Select(f => index[f]).ToArray();
        return plan;
    }

    /// <summary>How stratum <paramref name="a"/> stands to stratum <paramref name="b"/>, and, when they are unrelated, whether it is
    /// their times or their scopes that differ. A label missing on either side matches.</summary>
    public (StratumOrder Order, ConflictKind Difference) Relate(int a, int b)
    {
        if (a == b)
        {
            return (StratumOrder.Same, ConflictKind.Contradiction);
        }

        if (_cache.TryGetValue((a, b), out var known))
        {
            return known;
        }

        var (ta, sa) = _keys[a];
        var (tb, sb) = _keys[b];
        StratumOrder time = ta is null || tb is null || ta == tb ? StratumOrder.Same
            : !_cumulative ? StratumOrder.Unrelated
            : TimeLine.Compare(Strata[a].AsOf!, Strata[b].AsOf!, _relations) switch
            {
                < 0 => StratumOrder.Below,
                > 0 => StratumOrder.Above,
                _ => StratumOrder.Unrelated,
            };
        StratumOrder scope = sa is null || sb is null || sa == sb ? StratumOrder.Same
            : _relations.IsWithin(sa, sb, ref _work) ? StratumOrder.Below
            : _relations.IsWithin(sb, sa, ref _work) ? StratumOrder.Above
            : StratumOrder.Unrelated;
        var result = (time, scope) switch
        {
            (StratumOrder.Unrelated, _) => (StratumOrder.Unrelated, ConflictKind.DifferentTime),
            (_, StratumOrder.Unrelated) => (StratumOrder.Unrelated, ConflictKind.DifferentScope),
            (StratumOrder.Same, var s) => (s, ConflictKind.Contradiction),
            (var t, StratumOrder.Same) => (t, ConflictKind.Contradiction),
            var (t, s) when t == s => (t, ConflictKind.Contradiction),

            // Earlier but wider, or later but narrower: nothing bounds the other.
            _ => (StratumOrder.Unrelated, ConflictKind.DifferentTime),
        };
        _cache[(a, b)] = result;
        return result;
    }

    /// <summary>Why stratum <paramref name="inner"/> is bounded above by stratum <paramref name="outer"/>, in words.</summary>
    public string WhyBelow(int inner, int outer)
    {
        var parts = new List<string>();
        Stratum i = Strata[inner], o = Strata[outer];
        if (_keys[inner].Scope is { } si && _keys[outer].Scope is { } so && si != so)
        {
            parts.Add($"the scope {i.Scope} lies within {o.Scope}");
        }

        if (_keys[inner].Time is { } ti && _keys[outer].Time is { } to && ti != to)
        {
            parts.Add($"the time {i.AsOf} is before {o.AsOf} and the count only grows");
        }

        return string.Join(" and ", parts);
    }

    /// <summary>The heaviest stratum among the matching claims. Weights add up, since a claim counts for a stratum when each of its
    /// labels is the stratum's or missing: so the heaviest is either a pair of labels some claim gives, or the heaviest time label
    /// (among claims with no scope) joined to the heaviest scope label (among claims with no time).</summary>
    private static (string? Time, string? Scope, double Weight) Choose(List<int> matching, (string? Time, string? Scope)[] labels, double[] vote,
        double[] share, string? dt, string? ds, Func<string, (int, long, string)> timeOrder, StratumRelations relations, bool cumulative)
    {
        var both = new Dictionary<(string, string), (double W, double N)>();
        var timeOnly = new Dictionary<string, (double W, double N)>(StringComparer.Ordinal);
        var scopeOnly = new Dictionary<string, (double W, double N)>(StringComparer.Ordinal);
        var times = new SortedSet<string>(StringComparer.Ordinal);
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        (double W, double N) neither = (0, 0);
        static void Add<TKey>(Dictionary<TKey, (double W, double N)> d, TKey k, double w, double n)
            where TKey : notnull
            => d[k] = d.TryGetValue(k, out var x) ? (x.W + w, x.N + n) : (w, n);

        // Summed in a canonical order (by labels, then by vote), so that the order of the claims cannot tip a tie by a rounding.
        var canonical = matching
            .OrderBy(i => labels[i].Time ?? string.Empty, StringComparer.Ordinal).ThenBy(i => labels[i].Scope ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(i => vote[i]).ThenBy(i => share[i]).ToList();
        foreach (int i in canonical)
        {
            var (t, s) = labels[i];
            if (t is not null)
            {
                times.Add(t);
            }

            if (s is not null)
            {
                scopes.Add(s);
            }

            switch (t, s)
            {
                case ({ } tt, { } ss):
                    Add(both, (tt, ss), vote[i], share[i]);
                    break;
                case ({ } tt, null):
                    Add(timeOnly, tt, vote[i], share[i]);
                    break;
                case (null, { } ss):
                    Add(scopeOnly, ss, vote[i], share[i]);
                    break;
                default:
                    neither = (neither.W + vote[i], neither.N + share[i]);
                    break;
            }
        }

        (double W, double N) Get<TKey>(Dictionary<TKey, (double W, double N)> d, TKey? k)
            where TKey : notnull
            => k is not null && d.TryGetValue(k, out var x) ? x : (0, 0);
        (double W, double N) Score(string? t, string? s)
        {
            var a = t is not null && s is not null ? Get(both, (t, s)) : (0, 0);
            var b = Get(timeOnly, t);
            var c = Get(scopeOnly, s);
            return (a.W + b.W + c.W + neither.W, a.N + b.N + c.N + neither.N);
        }

        (int, long, string) TimeKey(string? t) => t is null ? (0, 0, string.Empty) : timeOrder(t);

        // The heaviest label of each open dimension among the claims that give only it; labels within rounding of the heaviest all
        // stay candidates, so that the tie rules below decide between them.
        static List<string?> Heaviest(IEnumerable<string> labels, Func<string, double> weight, string? declared)
        {
            if (declared is not null)
            {
                return [declared];
            }

            var all = labels.ToList();
            if (all.Count == 0)
            {
                return [null];
            }

            // At most 64 tied labels go on, in ordinal order, so that a file of ten thousand equally heavy labels stays cheap.
            double top = all.Max(weight);
            return all.Where(l => weight(l) >= top - (1e-12 * Math.Max(1, top))).Take(64).Cast<string?>().ToList();
        }

        var options = both.Keys.Select(k => ((string?)k.Item1, (string?)k.Item2))
            .Concat(Heaviest(times, t => Get(timeOnly, t).W, dt).SelectMany(t => Heaviest(scopes, x => Get(scopeOnly, x).W, ds), (t, x) => (t, x)))
            .Distinct()
            .Select(o => (Time: o.Item1, Scope: o.Item2, Score: Score(o.Item1, o.Item2)))
            .ToList();
        double top = options.Max(o => o.Score.W);
        // Ties (the first 64 in canonical order, so that ten thousand tied labels stay cheap): more claims; then the outermost scope (the one fewest tied scopes contain: the whole rather than a part); then on a
        // cumulative question the latest time (the most complete count), else the earliest; then the scope's words.
        var tied = options.Where(o => o.Score.W >= top - (1e-12 * Math.Max(1, top))).Take(64).ToList();
        var tiedScopes = tied.Select(o => o.Scope).OfType<string>().Distinct().ToList();
        int Depth(string? scope) => scope is null ? 0 : tiedScopes.Count(other => other != scope && relations.IsWithin(scope, other));
        var ordered = tied.OrderByDescending(o => Math.Round(o.Score.N, 9)).ThenBy(o => Depth(o.Scope));
        var pick = (cumulative ? ordered.ThenByDescending(o => TimeKey(o.Time)) : ordered.ThenBy(o => TimeKey(o.Time)))
            .ThenBy(o => o.Scope ?? string.Empty, StringComparer.Ordinal)
            .First();
        return (pick.Time, pick.Scope, pick.Score.W);
    }

    /// <summary>Why the headline is the stratum it is. (A question with no target and no labels at all is explained in
    /// <see cref="Make"/>, which returns early for it.)</summary>
    private static string Explain(Stratum? target, string? ht, string? hs, string? dt, string? ds, double weight, double total, int matching,
        Dictionary<(bool, string), string> text)
    {
        if (target is not null)
        {
            var open = new List<string>();
            if (dt is null && ht is not null)
            {
                open.Add($"the time it leaves open, {text[(true, ht)]}, has the most source weight among the claims that match it");
            }

            if (ds is null && hs is not null)
            {
                open.Add($"the scope it leaves open, {text[(false, hs)]}, has the most source weight among the claims that match it");
            }

            string declared = matching == 0 ? "declared in the dossier; no claim matches it" : "declared in the dossier";
            return open.Count == 0 ? declared : declared + "; " + string.Join("; ", open);
        }

        var chosen = new Stratum { AsOf = ht is null ? null : text[(true, ht)], Scope = hs is null ? null : text[(false, hs)] };
        return string.Create(CultureInfo.InvariantCulture,
            $"no target is declared: {chosen} has the most source weight ({NumberText.Significant(weight)} of {NumberText.Significant(total)}); declare a target on the question to choose another");
    }
}

using System.Collections.ObjectModel;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// What a dossier says about how strata relate: which scopes lie within which (the assault force within the forces deployed in
/// the area; Paris within France), and the order of time labels that are not dates. Immutable.
/// </summary>
/// <remarks>
/// <para>The reconciliation uses them for bounds: a claim about a containing scope bounds a contained one from above, and on a
/// <see cref="Question.Cumulative"/> question a later count bounds an earlier one from above (see <see cref="Reconciler"/>).
/// Labels are compared as words, case, accents and spacing aside.</para>
/// <para><see cref="Within"/> is read transitively (within the area, which is within the region, is within the region) and may
/// not form a cycle. <see cref="Times"/> may also list dates, to place labels among them; a label it lists is ordered by its
/// position, and two dates it does not list order themselves.</para>
/// </remarks>
/// <example><code>
/// var relations = new StratumRelations
/// {
///     Within = new Dictionary&lt;string, IReadOnlyList&lt;string&gt;&gt; { ["assault force"] = ["forces deployed in the area"] },
///     Times = ["start of the assault", "after the assault", "end of the battle"],
/// };
/// </code></example>
public sealed class StratumRelations : IEquatable<StratumRelations>
{
    private readonly ReadOnlyDictionary<string, IReadOnlyList<string>> _within = ReadOnlyDictionary<string, IReadOnlyList<string>>.Empty;
    private readonly ReadOnlyCollection<string> _times = ReadOnlyCollection<string>.Empty;
    private readonly Dictionary<string, HashSet<string>> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _timeIndex = new(StringComparer.Ordinal);

    /// <summary>No relations: no scope lies within another, and only dates are ordered.</summary>
    public static StratumRelations None { get; } = new();

    /// <summary>For each scope label, the scope labels it lies directly within.</summary>
    /// <value>Empty.</value>
    /// <exception cref="ArgumentException">Set with a blank label, a scope within itself, the same scope listed twice (as words),
    /// or a cycle; the message names it.</exception>
    /// <exception cref="ArgumentNullException">Set to null or to a map holding null.</exception>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Within
    {
        get => _within;
        init
        {
            var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (scope, containers) in Guard.NotNull(value))
            {
                string s = Guard.NotBlank(scope).Trim();
                if (!keys.Add(Stratum.Key(s)!))
                {
                    throw new ArgumentException($"The scope '{Excerpt.Of(s)}' is listed twice in Within.", nameof(value));
                }

                copy[s] = Guard.NotNull(containers).Select(c => Guard.NotBlank(c).Trim()).ToArray();
            }

            if (CycleIn(copy) is { } cycle)
            {
                throw new ArgumentException($"The scopes form a cycle: {cycle}.", nameof(value));
            }

            _within = new ReadOnlyDictionary<string, IReadOnlyList<string>>(copy);
            _containers.Clear();
            foreach (var (scope, containers) in copy)
            {
                _containers[Stratum.Key(scope)!] = containers.Select(c => Stratum.Key(c)!).ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Time labels in order, earliest first.</summary>
    /// <value>Empty.</value>
    /// <exception cref="ArgumentException">Set with a blank label, the same label twice (as words), or dates out of their order
    /// (a date listed after one that ends before it begins), which would order time in a circle.</exception>
    /// <exception cref="ArgumentNullException">Set to null or to a list holding null.</exception>
    public IReadOnlyList<string> Times
    {
        get => _times;
        init
        {
            string[] times = Guard.NotNull(value).Select(t => Guard.NotBlank(t).Trim()).ToArray();
            _timeIndex.Clear();
            for (int i = 0; i < times.Length; i++)
            {
                if (!_timeIndex.TryAdd(Stratum.Key(times[i])!, i))
                {
                    throw new ArgumentException($"The time '{Excerpt.Of(times[i])}' is listed twice in Times.", nameof(value));
                }
            }

            if (DisorderIn(times) is { } disorder)
            {
                throw new ArgumentException(disorder.Message, nameof(value));
            }

            _times = Array.AsReadOnly(times);
        }
    }

    /// <summary>Whether there are no relations.</summary>
    public bool IsEmpty => _within.Count == 0 && _times.Count == 0;

    /// <inheritdoc />
    public bool Equals(StratumRelations? other)
        => other is not null
           && _times.SequenceEqual(other._times)
           && _within.Count == other._within.Count
           && _within.All(p => other._within.TryGetValue(p.Key, out var o) && o.SequenceEqual(p.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StratumRelations);

    /// <summary>Whether two values are equal, as <see cref="Equals(StratumRelations?)"/> says (value equality, not reference).</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether both are null or they are equal.</returns>
    public static bool operator ==(StratumRelations? left, StratumRelations? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two values differ, as <see cref="Equals(StratumRelations?)"/> says.</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether they are not equal.</returns>
    public static bool operator !=(StratumRelations? left, StratumRelations? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_within.Count, _times.Count);

    /// <summary>Whether the scope with key <paramref name="inner"/> lies within the scope with key <paramref name="outer"/>,
    /// directly or through others (keys as <see cref="Stratum.Key"/> makes them).</summary>
    internal bool IsWithin(string inner, string outer)
    {
        long steps = 0;
        return IsWithin(inner, outer, ref steps);
    }

    /// <summary><see cref="IsWithin(string, string)"/>, adding the scopes it visited to <paramref name="steps"/>, so that a caller
    /// with a budget can count the work a long chain of scopes costs.</summary>
    internal bool IsWithin(string inner, string outer, ref long steps)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(inner);
        while (stack.Count > 0)
        {
            steps++;
            if (!_containers.TryGetValue(stack.Pop(), out var containers))
            {
                continue;
            }

            foreach (string c in containers)
            {
                if (c == outer)
                {
                    return true;
                }

                if (seen.Add(c))
                {
                    stack.Push(c);
                }
            }
        }

        return false;
    }

    /// <summary>The position of a time label (by key) in <see cref="Times"/>, or null.</summary>
    internal int? TimeIndex(string key) => _timeIndex.TryGetValue(key, out int i) ? i : null;

    /// <summary>Where and why a list of times contradicts the dates it holds, or null: a date listed after a date that ends before it begins
    /// (2013-01-20 before 2013-01-10). Times orders two labels it lists by their place and two dates it does not list by the
    /// calendar, so such a list with 2013-01-15 unlisted would put the 10th before the 15th, the 15th before the 20th and the 20th
    /// before the 10th: a cycle. Linear in the list: each date must end after every date listed before it begins.</summary>
    internal static (int Index, string Message)? DisorderIn(IReadOnlyList<string> times)
    {
        string? latest = null;
        long latestStart = long.MinValue;
        for (int i = 0; i < times.Count; i++)
        {
            string t = times[i];
            if (TimeLine.Stretch(t) is not { } span)
            {
                continue;
            }

            if (latest is not null && span.End <= latestStart)
            {
                return (i, $"the times contradict their dates: '{Excerpt.Of(t)}' is listed after '{Excerpt.Of(latest)}', which comes later; "
                           + "with the dates between them ordered by the calendar, time would run in a circle. List dates in their order");
            }

            if (span.Start > latestStart)
            {
                (latest, latestStart) = (t, span.Start);
            }
        }

        return null;
    }

    /// <summary>A cycle in a within-map, as "a → b → a", or null; labels compared as words.</summary>
    internal static string? CycleIn(IReadOnlyDictionary<string, IReadOnlyList<string>> within)
    {
        var edges = new Dictionary<string, List<(string Key, string Text)>>(StringComparer.Ordinal);
        var text = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scope, containers) in within.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string k = Stratum.Key(scope)!;
            text.TryAdd(k, scope);
            var list = edges.TryGetValue(k, out var l) ? l : edges[k] = [];
            foreach (string c in containers)
            {
                list.Add((Stratum.Key(c)!, c));
                text.TryAdd(Stratum.Key(c)!, c);
            }
        }

        // Depth-first search with colours: 1 on the path, 2 done.
        var colour = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        string? Visit(string node)
        {
            colour[node] = 1;
            path.Add(node);
            foreach (var (next, _) in edges.GetValueOrDefault(node) ?? [])
            {
                if (colour.GetValueOrDefault(next) == 1)
                {
                    int from = path.IndexOf(next);
                    return string.Join(" → ", path.Skip(from).Append(next).Select(k => text[k]));
                }

                if (colour.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            colour[node] = 2;
            return null;
        }

        foreach (string node in edges.Keys)
        {
            if (colour.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}

using System.Collections.ObjectModel;
using Diabaly.Statistics;

namespace Diabaly;

/// <summary>A claim as the reconciliation used it: its normalized interval, its central value and its weight, with the reasons. Immutable.</summary>
public sealed class AssessedClaim
{
    internal AssessedClaim(Claim claim, double lower, double upper, double central, double weight, IReadOnlyList<string> reasons)
    {
        Claim = claim;
        Lower = lower;
        Upper = upper;
        Central = central;
        Weight = weight;
        Reasons = reasons;
    }

    /// <summary>The claim.</summary>
    public Claim Claim { get; }

    /// <summary>The lowest count the claim allows, after widening round numbers.</summary>
    public double Lower { get; }

    /// <summary>The highest count the claim allows, after widening round numbers; positive infinity for an open claim.</summary>
    public double Upper { get; }

    /// <summary>The central value used: the one the words imply, or for a range the geometric midpoint, for "at least L" L × √<see cref="ReconcileOptions.OpenTailFactor"/>.</summary>
    public double Central { get; }

    /// <summary>The effective weight: prior × access factor × partisan factor, shared among the source's claims on the question.</summary>
    public double Weight { get; }

    /// <summary>Why the weight is what it is, and how the interval was read, in words.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Claim.Id}: {Lower}–{Upper} (central {Central}, weight {Weight})";
}

/// <summary>The envelope of all claims on a question, and the lowest and highest figures actually stated (Iraq Body Count's minimum and maximum). Immutable.</summary>
public sealed class Envelope
{
    private readonly double _lower, _upper;

    internal Envelope(double lower, double upper, double? lowestStated, double? highestStated, bool empty)
    {
        _lower = lower;
        _upper = upper;
        LowestStated = lowestStated;
        HighestStated = highestStated;
        IsEmpty = empty;
    }

    /// <summary>Whether there were no claims; then <see cref="Lower"/> and <see cref="Upper"/> throw.</summary>
    public bool IsEmpty { get; }

    /// <summary>The lowest normalized lower bound.</summary>
    /// <exception cref="InvalidOperationException">The question has no claims.</exception>
    public double Lower => IsEmpty ? throw Empty() : _lower;

    /// <summary>The highest normalized upper bound; positive infinity when a claim is open-ended.</summary>
    /// <exception cref="InvalidOperationException">The question has no claims.</exception>
    public double Upper => IsEmpty ? throw Empty() : _upper;

    /// <summary>The lowest figure a source actually said (a number, a range's end, a bound), or null when none did (only vague amounts).</summary>
    public double? LowestStated { get; }

    /// <summary>The highest figure a source actually said, or null.</summary>
    public double? HighestStated { get; }

    internal static InvalidOperationException Empty() => new("The question has no claims, so there is no interval.");
}

/// <summary>The interval supported by the most claim weight (weighted Marzullo), and who supports it. Immutable.</summary>
/// <remarks>When all claims overlap it is their intersection. When several disjoint intervals tie for the most weight, the lowest is taken.</remarks>
public sealed class Agreement
{
    private readonly double _lower, _upper;

    internal Agreement(double lower, double upper, double weight, double fraction, IReadOnlyList<AssessedClaim> claims)
    {
        _lower = lower;
        _upper = upper;
        Weight = weight;
        Fraction = fraction;
        Claims = claims;
    }

    /// <summary>Whether there were no claims; then <see cref="Lower"/> and <see cref="Upper"/> throw.</summary>
    public bool IsEmpty => Claims.Count == 0;

    /// <summary>The lower end.</summary>
    /// <exception cref="InvalidOperationException">The question has no claims.</exception>
    public double Lower => IsEmpty ? throw Envelope.Empty() : _lower;

    /// <summary>The upper end; positive infinity when only open-ended claims support it.</summary>
    /// <exception cref="InvalidOperationException">The question has no claims.</exception>
    public double Upper => IsEmpty ? throw Envelope.Empty() : _upper;

    /// <summary>The total weight of the supporting claims.</summary>
    public double Weight { get; }

    /// <summary>That weight as a fraction of all the question's weight.</summary>
    public double Fraction { get; }

    /// <summary>The claims whose intervals contain the agreement interval, by id.</summary>
    public IReadOnlyList<AssessedClaim> Claims { get; }
}

/// <summary>Two claims whose intervals do not overlap. Immutable.</summary>
public sealed class Conflict
{
    internal Conflict(AssessedClaim first, AssessedClaim second, double factor, ConflictKind kind)
    {
        First = first;
        Second = second;
        Factor = factor;
        Kind = kind;
    }

    /// <summary>The lower claim.</summary>
    public AssessedClaim First { get; }

    /// <summary>The higher claim.</summary>
    public AssessedClaim Second { get; }

    /// <summary>The ratio between the nearer bounds (the higher claim's lower bound over the lower claim's upper bound); always &gt; 1.</summary>
    public double Factor { get; }

    /// <summary>Whether it is a contradiction or a difference of time or scope.</summary>
    public ConflictKind Kind { get; }

    /// <summary>Whether the two claims cannot both be right.</summary>
    public bool IsContradiction => Kind == ConflictKind.Contradiction;
}

/// <summary>A group of mutually compatible claims, chained: two claims are compatible when their intervals overlap or their central
/// values are within <see cref="ReconcileOptions.CampFactor"/>. An open bound is read over its documented tail
/// (<see cref="ReconcileOptions.OpenTailFactor"/>) so that "at least 11" does not join every higher claim. Immutable.</summary>
public sealed class Camp
{
    internal Camp(IReadOnlyList<AssessedClaim> claims, double lower, double upper, double central, double weight)
    {
        Claims = claims;
        Lower = lower;
        Upper = upper;
        Central = central;
        Weight = weight;
    }

    /// <summary>The members, by id.</summary>
    public IReadOnlyList<AssessedClaim> Claims { get; }

    /// <summary>The lowest lower bound of the members.</summary>
    public double Lower { get; }

    /// <summary>The highest upper bound of the members.</summary>
    public double Upper { get; }

    /// <summary>The weighted median of the members' central values.</summary>
    public double Central { get; }

    /// <summary>The members' total weight.</summary>
    public double Weight { get; }
}

/// <summary>A low / best / high estimate by one method. Immutable.</summary>
public sealed class Consensus
{
    private readonly double _low, _best, _high;

    internal Consensus(ConsensusMethod method, double low, double best, double high, string explanation, RandomEffectsResult? randomEffects = null)
    {
        Method = method;
        _low = low;
        _best = best;
        _high = high;
        Explanation = explanation;
        RandomEffects = randomEffects;
    }

    internal Consensus(ConsensusMethod method)
    {
        Method = method;
        IsEmpty = true;
        Explanation = "no claims";
    }

    /// <summary>The method.</summary>
    public ConsensusMethod Method { get; }

    /// <summary>Whether there is no estimate (the question has no claims); then Low, Best and High throw.</summary>
    public bool IsEmpty { get; }

    /// <summary>The low estimate.</summary>
    /// <exception cref="InvalidOperationException">There is no estimate.</exception>
    public double Low => IsEmpty ? throw Envelope.Empty() : _low;

    /// <summary>The best estimate; always within the envelope of the claims.</summary>
    /// <exception cref="InvalidOperationException">There is no estimate.</exception>
    public double Best => IsEmpty ? throw Envelope.Empty() : _best;

    /// <summary>The high estimate.</summary>
    /// <exception cref="InvalidOperationException">There is no estimate.</exception>
    public double High => IsEmpty ? throw Envelope.Empty() : _high;

    /// <summary>How the numbers were obtained, in words.</summary>
    public string Explanation { get; }

    /// <summary>For <see cref="ConsensusMethod.RandomEffects"/>: the meta-analysis on the natural-log scale (τ², I², Q, the prediction interval); null otherwise.</summary>
    public RandomEffectsResult? RandomEffects { get; }
}

/// <summary>How much one source moves the headline estimate. Immutable.</summary>
public sealed class SourceSensitivity
{
    internal SourceSensitivity(Source source, double? bestWithout, double? shift, bool influential)
    {
        Source = source;
        BestWithout = bestWithout;
        Shift = shift;
        IsInfluential = influential;
    }

    /// <summary>The source.</summary>
    public Source Source { get; }

    /// <summary>The headline Best without this source's claims; null when no other source made a claim.</summary>
    public double? BestWithout { get; }

    /// <summary><see cref="BestWithout"/> divided by the headline Best; null when either is missing or the Best is 0.</summary>
    public double? Shift { get; }

    /// <summary>Whether the shift exceeds <see cref="ReconcileOptions.InfluenceThreshold"/> either way.</summary>
    public bool IsInfluential { get; }
}

/// <summary>A warning about a question, a source or a claim. Immutable.</summary>
public sealed class Flag
{
    internal Flag(FlagKind kind, string message, Source? source = null, Claim? claim = null)
    {
        Kind = kind;
        Message = message;
        Source = source;
        Claim = claim;
    }

    /// <summary>What it warns about.</summary>
    public FlagKind Kind { get; }

    /// <summary>The warning in words.</summary>
    public string Message { get; }

    /// <summary>The source concerned, or null.</summary>
    public Source? Source { get; }

    /// <summary>The claim concerned, or null.</summary>
    public Claim? Claim { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>Everything the reconciliation says about one question. Immutable.</summary>
public sealed class QuestionReport
{
    internal QuestionReport(Question question, IReadOnlyList<AssessedClaim> claims, Envelope range, Agreement agreement,
        IReadOnlyList<Conflict> conflicts, IReadOnlyList<Camp> camps, Consensus consensus, IReadOnlyDictionary<ConsensusMethod, Consensus> estimates,
        IReadOnlyList<SourceSensitivity> sensitivity, IReadOnlyList<Flag> flags, string summary)
    {
        Question = question;
        Claims = claims;
        Range = range;
        Agreement = agreement;
        Conflicts = conflicts;
        Camps = camps;
        Consensus = consensus;
        Estimates = estimates;
        Sensitivity = sensitivity;
        Flags = flags;
        Summary = summary;
    }

    /// <summary>The question.</summary>
    public Question Question { get; }

    /// <summary>The claims used, each with its weight and the reasons for it, lowest central value first (ties by bounds, then id),
    /// so that the report does not depend on the order of the claims in the dossier.</summary>
    public IReadOnlyList<AssessedClaim> Claims { get; }

    /// <summary>The envelope of all claims.</summary>
    public Envelope Range { get; }

    /// <summary>The interval supported by the most weight.</summary>
    public Agreement Agreement { get; }

    /// <summary>Every pair of claims whose intervals are disjoint, by their ids.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; }

    /// <summary>Groups of mutually compatible claims, lowest first.</summary>
    public IReadOnlyList<Camp> Camps { get; }

    /// <summary>The headline estimate, by <see cref="ReconcileOptions.Method"/>.</summary>
    public Consensus Consensus { get; }

    /// <summary>Every method's estimate, side by side.</summary>
    public IReadOnlyDictionary<ConsensusMethod, Consensus> Estimates { get; }

    /// <summary>For each source with a claim, by id: the headline Best without it.</summary>
    public IReadOnlyList<SourceSensitivity> Sensitivity { get; }

    /// <summary>Warnings.</summary>
    public IReadOnlyList<Flag> Flags { get; }

    /// <summary>A plain-English paragraph built from the numbers.</summary>
    public string Summary { get; }
}

/// <summary>The reconciliation of every question of a dossier. Immutable.</summary>
public sealed class ReconciliationReport
{
    private readonly Dictionary<string, QuestionReport> _byId;

    internal ReconciliationReport(Dossier dossier, ReconcileOptions options, IReadOnlyList<QuestionReport> questions)
    {
        Dossier = dossier;
        Options = options;
        Questions = questions;
        _byId = questions.ToDictionary(q => q.Question.Id, StringComparer.Ordinal);
    }

    /// <summary>The dossier reconciled.</summary>
    public Dossier Dossier { get; }

    /// <summary>The options used.</summary>
    public ReconcileOptions Options { get; }

    /// <summary>Every question of the dossier, in dossier order.</summary>
    public IReadOnlyList<QuestionReport> Questions { get; }

    /// <summary>The same report restricted to some questions, in dossier order; the dossier and the options stay whole.</summary>
    /// <param name="questionIds">The ids of the questions to keep.</param>
    /// <returns>A report on those questions only.</returns>
    /// <exception cref="KeyNotFoundException">An id is not a question of the report; the message names it.</exception>
    public ReconciliationReport Only(params string[] questionIds)
    {
        var keep = new HashSet<string>(questionIds.Select(id => this[id].Question.Id), StringComparer.Ordinal);
        return new ReconciliationReport(Dossier, Options, ReadOnly.List(Questions.Where(q => keep.Contains(q.Question.Id))));
    }

    /// <summary>The report on a question.</summary>
    /// <param name="questionId">The question's id.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">The dossier has no such question; the message names the id.</exception>
    public QuestionReport this[string questionId]
        => _byId.TryGetValue(questionId, out QuestionReport? q)
            ? q
            : throw new KeyNotFoundException($"The report has no question '{questionId}'. Questions: {string.Join(", ", _byId.Keys)}.");
}

internal static class ReadOnly
{
    public static IReadOnlyList<T> List<T>(IEnumerable<T> items) => new ReadOnlyCollection<T>(items.ToArray());
}

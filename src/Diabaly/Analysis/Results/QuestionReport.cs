using Diabaly.Internal;

namespace Diabaly.Analysis;

/// <summary>Everything the reconciliation says about one question. Immutable.</summary>
/// <remarks>The headline numbers (<see cref="Range"/>, <see cref="Agreement"/>, <see cref="Conflicts"/>, <see cref="Camps"/>,
/// <see cref="Consensus"/>, <see cref="Estimates"/>, <see cref="Sensitivity"/>, and the spread and contradiction flags and the
/// <see cref="Summary"/>) are computed on the claims of the headline stratum, <see cref="Target"/>, alone: a claim off target
/// never moves them. Every other stratum is reported in <see cref="Strata"/>.</remarks>
public sealed class QuestionReport
{
    internal QuestionReport()
    {
    }

    /// <summary>The question.</summary>
    public Question Question { get; internal init; } = null!;

    /// <summary>The headline stratum: the question's declared <see cref="Question.Target"/>, its open labels chosen, or the stratum
    /// chosen by the rule <see cref="TargetReason"/> states.</summary>
    public Stratum Target { get; internal init; } = Stratum.Any;

    /// <summary>Whether the question declares its target (<see cref="Question.Target"/>).</summary>
    public bool IsTargetDeclared { get; internal init; }

    /// <summary>Why the headline stratum is the one it is, in words.</summary>
    public string TargetReason { get; internal init; } = string.Empty;

    /// <summary>Every claim on the question, each with its weight, stratum and reasons: those on target first, then each other
    /// stratum in the order of <see cref="Strata"/>; within a stratum lowest central value first (ties by bounds, then id), so that
    /// the report does not depend on the order of the claims in the dossier.</summary>
    public IReadOnlyList<AssessedClaim> Claims { get; internal init; } = [];

    /// <summary>The envelope of the claims on target.</summary>
    public Envelope Envelope { get; internal init; } = null!;

    /// <summary>The interval supported by the most weight on target.</summary>
    public Agreement Agreement { get; internal init; } = null!;

    /// <summary>The conflicts on target: contradictions and discrepancies within tolerance between claims on target, and claims on
    /// target beyond a bound set by a related stratum (or setting one another stratum's claim exceeds); strongest first.</summary>
    public IReadOnlyList<ClaimPair> Conflicts { get; internal init; } = [];

    /// <summary>The claims of related strata that bound the target (<see cref="StratumReport.Bounds"/> of the headline stratum).</summary>
    public IReadOnlyList<Bound> Bounds { get; internal init; } = [];

    /// <summary>Groups of mutually compatible claims on target, lowest first; no camp holds two claims that contradict each other.</summary>
    public IReadOnlyList<Camp> Camps { get; internal init; } = [];

    /// <summary>The headline estimate, by <see cref="ReconcileOptions.Method"/>, of the claims on target.</summary>
    public Consensus Consensus { get; internal init; } = null!;

    /// <summary>Every method's estimate of the claims on target, side by side.</summary>
    public IReadOnlyDictionary<ConsensusMethod, Consensus> Estimates { get; internal init; } = null!;

    /// <summary>For each source with a claim on target, by id: the headline Best without it.</summary>
    /// <remarks>Computed when first asked for, with <see cref="Flags"/> and <see cref="Summary"/>, which rest on it: a result table,
    /// which needs none of them, does not pay for them.</remarks>
    public IReadOnlyList<SourceSensitivity> Sensitivity => _details.Value.Sensitivity;

    /// <summary>Every stratum: the headline first (even when no claim is on it), then the others by time and scope.</summary>
    public IReadOnlyList<StratumReport> Strata { get; internal init; } = [];

    /// <summary>Pairs of claims in strata that cannot be compared (different times of a count that is not cumulative, scopes not
    /// related by <see cref="StratumRelations.Within"/>) whose intervals are disjoint: differences of time or scope, which are not conflicts.</summary>
    public IReadOnlyList<ClaimPair> NotComparable { get; internal init; } = [];

    /// <summary>How many pairs of claims in unrelated strata lie apart: <see cref="NotComparable"/> lists the strongest
    /// <see cref="ReconcileOptions.MaxListedPairs"/> of them.</summary>
    public long NotComparableCount { get; internal init; }

    /// <summary>The pairs of claims in different strata that were not compared because <see cref="ReconcileOptions.MaxComparedPairs"/>
    /// was spent; 0 for any question of ordinary size. When above 0, a <see cref="FlagKind.WorkLimited"/> flag says so.</summary>
    public long PairsNotCompared { get; internal init; }

    /// <summary>Warnings.</summary>
    /// <remarks>Computed when first asked for (see <see cref="Sensitivity"/>).</remarks>
    public IReadOnlyList<Flag> Flags => _details.Value.Flags;

    /// <summary>A plain-English paragraph built from the numbers.</summary>
    /// <remarks>Computed when first asked for (see <see cref="Sensitivity"/>).</remarks>
    public string Summary => _details.Value.Summary;

    private readonly Lazy<ReportDetails> _details = new(new ReportDetails([], [], string.Empty));

    /// <summary>The sensitivity, flags and summary, made on first use (thread-safe: made once, whoever asks first).</summary>
    internal Func<ReportDetails> Details
    {
        init => _details = new Lazy<ReportDetails>(value, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public override string ToString() => Summary;
}

/// <summary>The reconciliation of every question of a dossier. Immutable.</summary>
public sealed class ReconciliationReport
{
    private readonly Dictionary<string, QuestionReport> _byId;

    internal ReconciliationReport(Dossier dossier, ReconcileOptions options, IReadOnlyList<QuestionReport> questions, ReliabilityReport? reliability = null)
    {
        Dossier = dossier;
        Options = options;
        Questions = questions;
        Reliability = reliability ?? new ReliabilityReport(0, 0, true, 1, [], [], null);
        _byId = questions.ToDictionary(q => q.Question.Id, StringComparer.Ordinal);
    }

    /// <summary>The dossier reconciled.</summary>
    public Dossier Dossier { get; }

    /// <summary>The options used.</summary>
    public ReconcileOptions Options { get; }

    /// <summary>Every question of the dossier, in dossier order.</summary>
    public IReadOnlyList<QuestionReport> Questions { get; }

    /// <summary>What the questions say of each source: its learned error and the copies found, which
    /// <see cref="ConsensusMethod.Learned"/> weighs the claims by.</summary>
    public ReliabilityReport Reliability { get; }

    /// <summary>The same report restricted to some questions, in dossier order; the dossier and the options stay whole.</summary>
    /// <param name="questionIds">The ids of the questions to keep.</param>
    /// <returns>A report on those questions only.</returns>
    /// <exception cref="KeyNotFoundException">An id is not a question of the report; the message names it.</exception>
    public ReconciliationReport Only(params string[] questionIds)
    {
        var keep = new HashSet<string>(questionIds.Select(id => this[id].Question.Id), StringComparer.Ordinal);
        return new ReconciliationReport(Dossier, Options, ReadOnly.List(Questions.Where(q => keep.Contains(q.Question.Id))), Reliability);
    }

    /// <summary>The report on a question.</summary>
    /// <param name="questionId">The question's id.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">The dossier has no such question; the message names the id.</exception>
    public QuestionReport this[string questionId]
        => _byId.TryGetValue(questionId, out QuestionReport? q)
            ? q
            : throw new KeyNotFoundException($"The report has no question '{questionId}'. Questions: {string.Join(", ", _byId.Keys)}.");

    /// <summary>Looks up the report on a question.</summary>
    /// <param name="questionId">The question's id.</param>
    /// <param name="question">The report, or null.</param>
    /// <returns>Whether the report has that question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questionId"/> is null.</exception>
    public bool TryGetQuestion(string questionId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out QuestionReport? question)
        => _byId.TryGetValue(Guard.NotNull(questionId), out question);
}

/// <summary>The parts of a <see cref="QuestionReport"/> made on first use.</summary>
internal sealed record ReportDetails(IReadOnlyList<SourceSensitivity> Sensitivity, IReadOnlyList<Flag> Flags, string Summary);

using Diabaly.Internal;

namespace Diabaly.Tables;

/// <summary>One question of a claim table with its claims, as <see cref="ClaimTableReader.ReadQuestions"/> gives them, or as code builds them.</summary>
public sealed class QuestionClaims
{
    private QuestionClaims(Question question, IReadOnlyList<Claim> claims, StratumRelations relations)
    {
        Question = question;
        Claims = claims;
        Relations = relations;
    }

    /// <summary>A question with its claims, from a database or any source of claims, to reconcile or learn from in a stream
    /// (<see cref="Reconciler.ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/>,
    /// <see cref="Reconciler.Learn(IEnumerable{QuestionClaims}, ReconcileOptions?, CancellationToken)"/>).</summary>
    /// <param name="question">The question.</param>
    /// <param name="claims">Its claims, all about <paramref name="question"/>, with distinct ids; a claim without an id is named
    /// from its content, as a dossier names it.</param>
    /// <param name="relations">How its scopes and times relate; null for <see cref="StratumRelations.None"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> or <paramref name="claims"/> is null, or holds null.</exception>
    /// <exception cref="ArgumentException">A claim is about another question, or two claims share an id.</exception>
    public QuestionClaims(Question question, IEnumerable<Claim> claims, StratumRelations? relations)
        : this(Guard.NotNull(question), Checked(question, claims), relations ?? StratumRelations.None)
    {
    }

    /// <summary>A question with its claims, their scopes and times unrelated; see <see cref="QuestionClaims(Question, IEnumerable{Claim}, StratumRelations?)"/>.</summary>
    /// <param name="question">The question.</param>
    /// <param name="claims">Its claims.</param>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> or <paramref name="claims"/> is null, or holds null.</exception>
    /// <exception cref="ArgumentException">A claim is about another question, or two claims share an id.</exception>
    public QuestionClaims(Question question, IEnumerable<Claim> claims)
        : this(question, claims, null)
    {
    }

    /// <summary>The claims a table reader has already checked.</summary>
    internal static QuestionClaims Trusted(Question question, IReadOnlyList<Claim> claims, StratumRelations relations) => new(question, claims, relations);

    /// <summary>The claims, named and checked as <see cref="Reconciler.ReconcileQuestion(Question, IEnumerable{Claim}, ReconcileOptions?, StratumRelations?)"/> checks them.</summary>
    internal static IReadOnlyList<Claim> Checked(Question question, IEnumerable<Claim> claims)
    {
        var list = ClaimNames.NameUnnamed([.. Guard.NotNull(claims).Select(c => Guard.NotNull(c))]).ToList();
        if (list.FirstOrDefault(c => c.Question.Id != question.Id) is { } other)
        {
            throw new ArgumentException($"Claim '{other.Id}' is about question '{other.Question.Id}', not '{question.Id}'.", nameof(claims));
        }

        if (list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new ArgumentException($"Two claims share the id '{dup.Key}'.", nameof(claims));
        }

        return ReadOnly.List(list);
    }

    /// <summary>The question.</summary>
    public Question Question { get; }

    /// <summary>Its claims, in the order of the rows.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>How its scopes and times relate: those of <see cref="ClaimTableReadOptions.Definitions"/>, else none.</summary>
    public StratumRelations Relations { get; }
}

using System.Diagnostics.CodeAnalysis;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// A set of sources, the questions they answer and every claim they made, with lookups by id. Immutable.
/// Build one in code with the constructor, or read one from a YAML or JSON file with <see cref="Load(string, DossierReadOptions?)"/>.
/// </summary>
/// <remarks>
/// The constructor refuses duplicate ids (of sources, of questions, of claims), and a claim whose question, source or relay
/// (<see cref="Claim.Via"/>) is not the one the dossier holds under that id.
/// </remarks>
public sealed partial class Dossier : IEquatable<Dossier>
{
    private readonly Dictionary<string, Source> _sources;
    private readonly Dictionary<string, Question> _questions;
    private readonly Dictionary<string, Claim> _claims;
    private readonly string? _description;
    private readonly StratumRelations _relations = StratumRelations.None;

    /// <summary>Creates a dossier.</summary>
    /// <param name="title">The title.</param>
    /// <param name="sources">The sources, in the order reports list them.</param>
    /// <param name="questions">The questions, in the order reports list them.</param>
    /// <param name="claims">The claims; those built without an id are named from their content, as the dossier reader names them.</param>
    /// <exception cref="ArgumentException">The title is blank or holds a lone surrogate, an id is repeated, or a claim refers to a question or source the dossier does not hold.</exception>
    /// <exception cref="ArgumentNullException">An argument is null or holds null.</exception>
    public Dossier(string title, IEnumerable<Source> sources, IEnumerable<Question> questions, IEnumerable<Claim> claims)
    {
        Title = Guard.NotBlank(title).Trim();
        Sources = ReadOnly.List(Guard.NotNull(sources).Select(s => Guard.NotNull(s)));
        Questions = ReadOnly.List(Guard.NotNull(questions).Select(q => Guard.NotNull(q)));
        Claims = ReadOnly.List(ClaimNames.NameUnnamed(Guard.NotNull(claims).Select(c => Guard.NotNull(c)).ToArray()));
        _sources = Index(Sources, s => s.Id, "source");
        _questions = Index(Questions, q => q.Id, "question");
        _claims = Index(Claims, c => c.Id, "claim");
        foreach (Claim claim in Claims)
        {
            if (!_questions.TryGetValue(claim.Question.Id, out Question? q) || !q.Equals(claim.Question))
            {
                throw new ArgumentException($"Claim '{claim.Id}' is about question '{claim.Question.Id}', which this dossier does not hold.", nameof(claims));
            }

            foreach (Source s in claim.Via.Prepend(claim.Source))
            {
                if (!_sources.TryGetValue(s.Id, out Source? held) || !held.Equals(s))
                {
                    throw new ArgumentException($"Claim '{claim.Id}' names source '{s.Id}', which this dossier does not hold.", nameof(claims));
                }
            }
        }
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>A description; null when none. Blank text is stored as null.</summary>
    public string? Description { get => _description; init => _description = string.IsNullOrWhiteSpace(value) ? null : Guard.WellFormed(value, nameof(Description)); }

    /// <summary>The language claims' values are written in, unless a claim says otherwise (<see cref="Claim.Language"/>).</summary>
    /// <value><see cref="QuantityLanguage.English"/>.</value>
    public QuantityLanguage Language { get; init; }

    /// <summary>How the strata of time and scope relate: which scopes lie within which, and the order of time labels.</summary>
    /// <value><see cref="StratumRelations.None"/>.</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public StratumRelations Relations { get => _relations; init => _relations = Guard.NotNull(value, nameof(Relations)); }

    /// <summary>What the reader read but doubts, with where: a figure such as "1.200" (read as 1.2), words after a figure that the
    /// grammar ignored, a figure that two sources give alike (a possible copy). Empty for a dossier built in code; not part of
    /// equality, nor written by <see cref="ToYaml"/>.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; internal init => field = ReadOnly.List(value); } = ReadOnly.List<Diagnostic>([]);

    /// <summary>The sources, in order.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>The questions, in order.</summary>
    public IReadOnlyList<Question> Questions { get; }

    /// <summary>The claims, in order.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>The source with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The source.</returns>
    /// <exception cref="KeyNotFoundException">No source has that id; the message names it.</exception>
    public Source GetSource(string id) => Get(_sources, id, "source");

    /// <summary>The question with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The question.</returns>
    /// <exception cref="KeyNotFoundException">No question has that id; the message names it.</exception>
    public Question GetQuestion(string id) => Get(_questions, id, "question");

    /// <summary>The claim with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="KeyNotFoundException">No claim has that id; the message names it.</exception>
    public Claim GetClaim(string id) => Get(_claims, id, "claim");

    /// <summary>Looks up a source.</summary>
    /// <param name="id">The id.</param>
    /// <param name="source">The source, or null.</param>
    /// <returns>Whether there is one.</returns>
    public bool TryGetSource(string id, [NotNullWhen(true)] out Source? source) => _sources.TryGetValue(Guard.NotNull(id), out source);

    /// <summary>Looks up a question.</summary>
    /// <param name="id">The id.</param>
    /// <param name="question">The question, or null.</param>
    /// <returns>Whether there is one.</returns>
    public bool TryGetQuestion(string id, [NotNullWhen(true)] out Question? question) => _questions.TryGetValue(Guard.NotNull(id), out question);

    /// <summary>Looks up a claim.</summary>
    /// <param name="id">The id.</param>
    /// <param name="claim">The claim, or null.</param>
    /// <returns>Whether there is one.</returns>
    public bool TryGetClaim(string id, [NotNullWhen(true)] out Claim? claim) => _claims.TryGetValue(Guard.NotNull(id), out claim);

    /// <summary>The claims about a question, in dossier order.</summary>
    /// <param name="questionId">The question's id.</param>
    /// <returns>The claims; empty when there are none.</returns>
    /// <exception cref="KeyNotFoundException">No question has that id.</exception>
    public IReadOnlyList<Claim> ClaimsAbout(string questionId)
    {
        Question q = GetQuestion(questionId);
        return Claims.Where(c => c.Question.Id == q.Id).ToArray();
    }

    /// <summary>The language a claim's value is written in.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns><see cref="Claim.Language"/>, or the dossier's <see cref="Language"/>.</returns>
    public QuantityLanguage LanguageOf(Claim claim) => Guard.NotNull(claim).Language ?? Language;

    /// <inheritdoc />
    public bool Equals(Dossier? other)
        => other is not null && Title == other.Title && Description == other.Description && Language == other.Language
           && Relations.Equals(other.Relations) && Sources.SequenceEqual(other.Sources) && Questions.SequenceEqual(other.Questions) && Claims.SequenceEqual(other.Claims);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Dossier);

    /// <summary>Whether two values are equal, as <see cref="Equals(Dossier?)"/> says (value equality, not reference).</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether both are null or they are equal.</returns>
    public static bool operator ==(Dossier? left, Dossier? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two values differ, as <see cref="Equals(Dossier?)"/> says.</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether they are not equal.</returns>
    public static bool operator !=(Dossier? left, Dossier? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Title, Sources.Count, Questions.Count, Claims.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Title}: {Sources.Count} sources, {Questions.Count} questions, {Claims.Count} claims";

    private static Dictionary<string, T> Index<T>(IReadOnlyList<T> items, Func<T, string> id, string what)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (T item in items)
        {
            if (!index.TryAdd(id(item), item))
            {
                throw new ArgumentException($"The dossier holds two {what}s with the id '{id(item)}'.");
            }
        }

        return index;
    }

    private static T Get<T>(Dictionary<string, T> index, string id, string what)
        => index.TryGetValue(Guard.NotNull(id), out T? item)
            ? item
            : throw new KeyNotFoundException($"The dossier has no {what} '{id}'.");
}

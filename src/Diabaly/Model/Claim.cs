using Diabaly.Internal;

namespace Diabaly;

/// <summary>What one source said about one question: the quantity, in the source's words, with who, when and what it counted. Immutable.</summary>
/// <remarks>Text properties refuse a lone UTF-16 surrogate with an <see cref="ArgumentException"/>, as the reader does: such text cannot be written out.</remarks>
/// <example><code>
/// var claim = new Claim("mari-fighters", fighters, mari, Quantity.Parse("400 men"))
/// {
///     Quote = "the Islamist forces launched the assault on Diabaly with 400 men and 47 pick-ups",
///     Said = new PartialDate(2013, 1),
///     AsOf = "start of the assault",
///     Scope = "assault force",
/// };
/// </code></example>
public sealed record Claim
{
    private readonly IReadOnlyList<Source> _via = System.Collections.ObjectModel.ReadOnlyCollection<Source>.Empty;
    private readonly string? _quote, _asOf, _scope, _note;

    /// <summary>Creates a claim.</summary>
    /// <param name="id">A short identifier, unique in its dossier.</param>
    /// <param name="question">What is counted.</param>
    /// <param name="source">Who said it.</param>
    /// <param name="value">The quantity stated.</param>
    /// <exception cref="ArgumentException">The id is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Claim(string id, Question question, Source source, Quantity value)
    {
        Id = Identifier.Check(id);
        Question = Guard.NotNull(question);
        Source = Guard.NotNull(source);
        Value = Guard.NotNull(value);
    }

    /// <summary>Creates a claim without an id, as a dossier's YAML may leave it out: the <see cref="Dossier"/> it is put in (or
    /// <see cref="Reconciler.ReconcileQuestion(Question, IEnumerable{Claim}, ReconcileOptions?, StratumRelations?)"/>) names it from its content
    /// as the dossier reader does ("mayor-islamist-fighters"), and holds the named copy; until then its id is "unnamed".</summary>
    /// <param name="question">What is counted.</param>
    /// <param name="source">Who said it.</param>
    /// <param name="value">The quantity stated.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Claim(Question question, Source source, Quantity value)
        : this(UnnamedId, question, source, value)
    {
        IsUnnamed = true;
    }

    /// <summary>The id of a claim built without one, until a dossier names it.</summary>
    internal const string UnnamedId = "unnamed";

    /// <summary>Whether the claim was built without an id, to be named by its dossier.</summary>
    internal bool IsUnnamed { get; }

    /// <summary>The identifier, unique in its dossier; ties between claims are broken by it.</summary>
    public string Id { get; }

    /// <summary>What is counted.</summary>
    public Question Question { get; }

    /// <summary>Who said it.</summary>
    public Source Source { get; }

    /// <summary>The quantity stated.</summary>
    public Quantity Value { get; }

    /// <summary>The source's words; null when not recorded. Blank text is stored as null.</summary>
    public string? Quote { get => _quote; init => _quote = Blank(value, nameof(Quote)); }

    /// <summary>When it was said; null when not known.</summary>
    public PartialDate? Said { get; init; }

    /// <summary>When the stated value held: a date (2013-01-15), a date-time (2013-01-14T07:45) or a label ("start of the assault"); null when not stated.</summary>
    /// <remarks>Two claims with different <see cref="AsOf"/> that disagree are reported as a difference of time, not a contradiction.</remarks>
    public string? AsOf { get => _asOf; init => _asOf = Blank(value, nameof(AsOf)); }

    /// <summary>What exactly was counted when it differs between claims ("assault force", "whole area"); null when not stated.</summary>
    /// <remarks>Two claims with different scopes that disagree are reported as a difference of scope, not a contradiction.</remarks>
    public string? Scope { get => _scope; init => _scope = Blank(value, nameof(Scope)); }

    /// <summary>The sources that relayed the claim, in order, nearest the original first; empty when it came directly.</summary>
    /// <value>Empty.</value>
    /// <exception cref="ArgumentNullException">Set to null or to a list holding null.</exception>
    /// <exception cref="ArgumentException">The list names the claim's own <see cref="Source"/>.</exception>
    public IReadOnlyList<Source> Via
    {
        get => _via;
        init
        {
            if (Guard.NotNull(value).Count == 0)
            {
                _via = System.Collections.ObjectModel.ReadOnlyCollection<Source>.Empty; // the usual case: no relay
                return;
            }

            Source[] via = value.Select(s => Guard.NotNull(s)).ToArray();
            _via = via.Any(s => s.Id == Source.Id)
                ? throw new ArgumentException($"Claim '{Id}' is relayed via its own source '{Source.Id}'; Via lists the sources the figure passed through on its way, not the one that gave it.", nameof(value))
                : ReadOnly.List(via);
        }
    }

    /// <summary>The language the value's words are written in, when it differs from the dossier's; null otherwise.</summary>
    public QuantityLanguage? Language { get; init; }

    /// <summary>A free note; null when none.</summary>
    public string? Note { get => _note; init => _note = Blank(value, nameof(Note)); }

    /// <inheritdoc />
    public bool Equals(Claim? other)
        => other is not null
           && Id == other.Id && Question.Equals(other.Question) && Source.Equals(other.Source) && Value.Equals(other.Value)
           && Quote == other.Quote && Nullable.Equals(Said, other.Said) && AsOf == other.AsOf && Scope == other.Scope
           && Via.SequenceEqual(other.Via) && Language == other.Language && Note == other.Note;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Question.Id, Source.Id, Value);

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Source.Name} said {Value.Text ?? Value.ToString()} ({Question.Id})";

    private static string? Blank(string? value, string name)
        => string.IsNullOrWhiteSpace(value) ? null : Guard.WellFormed(value, name);
}

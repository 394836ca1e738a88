using Diabaly.Internal;

namespace Diabaly;

/// <summary>What is being counted, for example the Islamist fighters in the assault on Diabaly. Immutable.</summary>
/// <example><code>var fighters = new Question("fighters") { Subject = "Islamist fighters in the assault", Unit = "fighters" };</code></example>
public sealed record Question
{
    private readonly string _subject = string.Empty, _unit = string.Empty;

    /// <summary>Creates a question; <see cref="Subject"/> and <see cref="Unit"/> are set by name, so that three strings are never
    /// given in the wrong order.</summary>
    /// <param name="id">A short identifier, unique in its dossier: letters, digits, '-', '_' and '.'.</param>
    /// <exception cref="ArgumentException">The id is not a valid identifier.</exception>
    public Question(string id) => Id = Identifier.Check(id);

    /// <summary>The identifier, unique in its dossier.</summary>
    public string Id { get; }

    /// <summary>What is counted, in words; required.</summary>
    /// <exception cref="ArgumentException">Set to blank text, or text with a control character or a lone UTF-16 surrogate.</exception>
    public required string Subject { get => _subject; init => _subject = Guard.NotBlank(value, nameof(Subject)).Trim(); }

    /// <summary>The unit counted, for example "fighters", "vehicles" or "killed"; required.</summary>
    /// <exception cref="ArgumentException">Set to blank text, or text with a control character or a lone UTF-16 surrogate.</exception>
    public required string Unit { get => _unit; init => _unit = Guard.NotBlank(value, nameof(Unit)).Trim(); }

    /// <summary>The stratum the headline answers: the moment and the part of the whole the question is about
    /// (<c>target: {as-of: start of the assault, scope: assault force}</c> in a dossier); null when not declared.</summary>
    /// <value>Null: the reconciliation chooses the stratum with the most source weight and says so.</value>
    /// <remarks>A label the target leaves out is chosen by the same rule among the claims that match the labels it gives
    /// (see <see cref="Reconciler"/>). Claims off target never move the headline; they are reported in their own strata.</remarks>
    public Stratum? Target { get; init; }

    /// <summary>Whether the count only grows with time (a death toll): then a later count bounds an earlier one from above, and an
    /// earlier count bounds a later one from below.</summary>
    /// <value>False.</value>
    public bool Cumulative { get; init; }

    /// <summary>Whether the question counts whole things or measures an amount that may have a fraction.</summary>
    /// <value><see cref="Diabaly.Measure.Count"/>: a question counts things unless it says otherwise (<c>measure: amount</c> in a
    /// dossier, for tonnes, hectares or dollars).</value>
    /// <remarks>For a count, the analyses read every claim's ends as whole counts (the smallest and largest whole numbers the claim
    /// allows), a precise figure ("47") as exactly that figure, and the reports print every low, best and high as whole numbers
    /// (low rounded down, high up, best to the nearest).</remarks>
    public Measure Measure { get; init; }

    /// <inheritdoc />
    public bool Equals(Question? other)
        => other is not null && Id == other.Id && Subject == other.Subject && Unit == other.Unit && Equals(Target, other.Target)
           && Cumulative == other.Cumulative && Measure == other.Measure;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Subject, Unit);

    /// <inheritdoc />
    public override string ToString() => $"{Subject} ({Id})";
}

using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// A part of what a question counts: a moment (a time label, as <see cref="Claim.AsOf"/>) and a part of the whole (a scope label,
/// as <see cref="Claim.Scope"/>). Either label may be left out. Immutable.
/// </summary>
/// <remarks>
/// <para>Two labels are the same when they are the same words, case, accents and spacing aside ("Assault force" and
/// "assault  force"); <see cref="Equals(Stratum?)"/> compares the text exactly, so that a dossier reads back as it was written.</para>
/// <para>A claim is on a question's target when each label it gives is the target's: a label the claim leaves out matches any.
/// Dates (2013-01-15) and date-times (2013-01-14T07:45) order themselves; other time labels are ordered by
/// <see cref="StratumRelations.Times"/>; scopes are related by <see cref="StratumRelations.Within"/>.</para>
/// </remarks>
/// <example><code>var target = new Stratum { AsOf = "start of the assault", Scope = "assault force" };</code></example>
public sealed record Stratum
{
    private readonly string? _asOf, _scope;

    /// <summary>The stratum with neither label: every claim matches it.</summary>
    public static Stratum Any { get; } = new();

    /// <summary>The time label, or null when none is given.</summary>
    /// <value>Null. Blank text is stored as null and text is trimmed.</value>
    /// <exception cref="ArgumentException">Set to text with a control character, a bidirectional control or a lone UTF-16 surrogate.</exception>
    public string? AsOf { get => _asOf; init => _asOf = Label(value, nameof(AsOf)); }

    /// <summary>The scope label, or null when none is given.</summary>
    /// <value>Null. Blank text is stored as null and text is trimmed.</value>
    /// <exception cref="ArgumentException">Set to text with a control character, a bidirectional control or a lone UTF-16 surrogate.</exception>
    public string? Scope { get => _scope; init => _scope = Label(value, nameof(Scope)); }

    /// <summary>Whether neither label is given.</summary>
    public bool IsAny => AsOf is null && Scope is null;

    /// <summary>Whether a claim with these labels is in the stratum <paramref name="target"/>: each label given here is the
    /// target's (case, accents and spacing aside), and a label left out on either side matches any.</summary>
    /// <remarks>The reconciliation first completes a question's declared target: a label the target leaves out is chosen by weight
    /// among the claims (see <see cref="Question.Target"/>). Whether a claim is on target is then
    /// <see cref="AssessedClaim.IsOnTarget"/>, which is this match against the completed target, <see cref="QuestionReport.Target"/>.</remarks>
    /// <param name="target">The stratum to match.</param>
    /// <returns>Whether they match.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public bool Matches(Stratum target)
    {
        Guard.NotNull(target);
        return Same(AsOf, target.AsOf) && Same(Scope, target.Scope);
    }

    /// <inheritdoc />
    public bool Equals(Stratum? other) => other is not null && AsOf == other.AsOf && Scope == other.Scope;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AsOf, Scope);

    /// <summary>The stratum in words: "as of start of the assault · assault force", "assault force", "as of 2013-01-15", or
    /// "any time and scope".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => (AsOf, Scope) switch
        {
            (null, null) => "any time and scope",
            (null, { } s) => s,
            ({ } t, null) => "as of " + t,
            ({ } t, { } s) => $"as of {t} · {s}",
        };

    internal static string? Key(string? label) => label is null ? null : TextKey.Normalize(label);

    private static bool Same(string? a, string? b) => a is null || b is null || Key(a) == Key(b);

    private static string? Label(string? text, string name)
        => string.IsNullOrWhiteSpace(text) ? null : Guard.WellFormed(text.Trim(), name);
}

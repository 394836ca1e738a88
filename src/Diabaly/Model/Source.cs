using Diabaly.Internal;

namespace Diabaly;

/// <summary>Who made a claim: a person, an office or an outlet. Immutable.</summary>
/// <example><code>var mari = new Source("mari", "Jean-Paul Mari") { Kind = SourceKind.Journalist, Outlet = "Le Nouvel Observateur" };</code></example>
public sealed record Source
{
    private readonly double _weight = 1;
    private readonly string? _side, _role, _outlet;

    /// <summary>Creates a source.</summary>
    /// <param name="id">A short identifier, unique in its dossier: letters, digits, '-', '_' and '.'.</param>
    /// <param name="name">The name as it should appear in reports.</param>
    /// <exception cref="ArgumentException">The id is not a valid identifier or the name is blank or holds a lone UTF-16 surrogate.</exception>
    public Source(string id, string name)
    {
        Id = Identifier.Check(id);
        Name = Guard.NotBlank(name).Trim();
    }

    /// <summary>The identifier, unique in its dossier.</summary>
    public string Id { get; }

    /// <summary>The name as it should appear in reports.</summary>
    public string Name { get; }

    /// <summary>What kind of source this is.</summary>
    /// <value><see cref="SourceKind.Unknown"/>.</value>
    public SourceKind Kind { get; init; }

    /// <summary>The source's role, for example "reporter" or "mayor of Diabaly"; null when not stated.</summary>
    public string? Role { get => _role; init => _role = Guard.WellFormed(value, nameof(Role)); }

    /// <summary>The outlet the source wrote or spoke for; null when not stated.</summary>
    public string? Outlet { get => _outlet; init => _outlet = Guard.WellFormed(value, nameof(Outlet)); }

    /// <summary>The party the source belongs to or speaks for: null when not declared, "neutral" for none.</summary>
    /// <value>Null. Blank text is stored as null.</value>
    public string? Side
    {
        get => _side;
        init => _side = string.IsNullOrWhiteSpace(value) ? null : Guard.WellFormed(value.Trim(), nameof(Side));
    }

    /// <summary>Whether the source has a declared side other than "neutral".</summary>
    public bool IsPartisan => Side is { } s && !string.Equals(s, "neutral", StringComparison.OrdinalIgnoreCase);

    /// <summary>How close the source was to what it reports.</summary>
    /// <value><see cref="SourceAccess.Unknown"/>.</value>
    public SourceAccess Access { get; init; }

    /// <summary>A prior weight the user gives the source; the analyses multiply it by access and partisan factors.</summary>
    /// <value>1.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value outside [<see cref="MinWeight"/>, <see cref="MaxWeight"/>].</exception>
    public double Weight
    {
        get => _weight;
        init => _weight = Guard.InRange(value, MinWeight, MaxWeight, nameof(Weight));
    }

    /// <summary>The smallest prior weight.</summary>
    /// <value>10⁻⁶.</value>
    public static double MinWeight => 1e-6;

    /// <summary>The largest prior weight. Weights beyond a million to one say nothing more, and would let products of weights
    /// overflow.</summary>
    /// <value>10⁶.</value>
    public static double MaxWeight => 1e6;

    /// <inheritdoc />
    public bool Equals(Source? other)
        => other is not null
           && Id == other.Id && Name == other.Name && Kind == other.Kind && Role == other.Role && Outlet == other.Outlet
           && Side == other.Side && Access == other.Access && Weight.Equals(other.Weight);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Access, Weight);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Id})";
}

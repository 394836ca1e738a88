using Diabaly.Internal;

namespace Diabaly;

/// <summary>What is being counted, for example the Islamist fighters in the assault on Diabaly. Immutable.</summary>
public sealed class Question : IEquatable<Question>
{
    /// <summary>Creates a question.</summary>
    /// <param name="id">A short identifier, unique in its dossier: letters, digits, '-', '_' and '.'.</param>
    /// <param name="subject">What is counted, in words.</param>
    /// <param name="unit">The unit counted, for example "fighters", "vehicles" or "killed".</param>
    /// <exception cref="ArgumentException">The id is not a valid identifier, or the subject or unit is blank.</exception>
    public Question(string id, string subject, string unit)
    {
        Id = Identifier.Check(id);
        Subject = Guard.NotBlank(subject).Trim();
        Unit = Guard.NotBlank(unit).Trim();
    }

    /// <summary>The identifier, unique in its dossier.</summary>
    public string Id { get; }

    /// <summary>What is counted, in words.</summary>
    public string Subject { get; }

    /// <summary>The unit counted.</summary>
    public string Unit { get; }

    /// <inheritdoc />
    public bool Equals(Question? other) => other is not null && Id == other.Id && Subject == other.Subject && Unit == other.Unit;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Question);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Subject, Unit);

    /// <inheritdoc />
    public override string ToString() => $"{Subject} ({Id})";
}

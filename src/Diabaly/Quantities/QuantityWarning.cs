using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// Something the grammar read but doubts: a figure such as "1.200", which reads as 1.2 though its writer may have meant twelve
/// hundred, or words after the figure that it ignored. The quantity is still read; a warning says where to look.
/// </summary>
public sealed class QuantityWarning
{
    /// <summary>Creates a warning.</summary>
    /// <param name="index">Where in the text the doubtful words start, from 0.</param>
    /// <param name="length">How many characters they take.</param>
    /// <param name="message">What is doubtful, and how to write it unambiguously.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index or the length is negative.</exception>
    /// <exception cref="ArgumentException">The message is blank.</exception>
    public QuantityWarning(int index, int length, string message)
    {
        Index = (int)Guard.InRange(index, 0, int.MaxValue);
        Length = (int)Guard.InRange(length, 0, int.MaxValue);
        Message = Guard.NotBlank(message);
    }

    /// <summary>Where in the text the doubtful words start, from 0.</summary>
    public int Index { get; }

    /// <summary>How many characters the doubtful words take.</summary>
    public int Length { get; }

    /// <summary>What is doubtful, and how to write it unambiguously.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}

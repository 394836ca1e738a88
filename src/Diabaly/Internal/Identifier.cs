using System.Runtime.CompilerServices;

namespace Diabaly.Internal;

/// <summary>Ids of sources, questions and claims: 1 to 100 characters, letters, digits, '-', '_' and '.'.</summary>
internal static class Identifier
{
    public static bool IsValid(string? id)
        => !string.IsNullOrEmpty(id) && id.Length <= 100 && id.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');

    public static string Check(string? id, [CallerArgumentExpression(nameof(id))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(id, name);
        if (!IsValid(id))
        {
            throw new ArgumentException(
                $"'{Excerpt.Of(id)}' is not a valid id: use 1 to 100 letters, digits, '-', '_' or '.', with no spaces.", name);
        }

        return id;
    }
}

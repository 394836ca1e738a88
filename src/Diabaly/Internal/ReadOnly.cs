using System.Collections.ObjectModel;

namespace Diabaly.Internal;

/// <summary>Read-only copies for the result types.</summary>
internal static class ReadOnly
{
    public static IReadOnlyList<T> List<T>(IEnumerable<T> items) => new ReadOnlyCollection<T>(items.ToArray());
}

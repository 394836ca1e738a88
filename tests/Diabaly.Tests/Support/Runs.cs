using System.Globalization;

namespace Diabaly.Tests.Support;

/// <summary>How many cases a property test draws: the count it names, or fewer when <c>CsCheck_Iter</c> is set lower. CsCheck reads
/// that variable only for tests that name no count; the mutation-testing command of docs/contributing.md sets it to 25 so that each of its thousand runs stays short.</summary>
internal static class Runs
{
    private static readonly long? Cap = long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : null;

    public static long Of(long named) => Cap is { } cap ? Math.Min(cap, named) : named;
}

namespace Diabaly.Tests.Support;

/// <summary>Where the repository is, for the tests that read its files.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Diabaly.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("Diabaly.sln is not above the test's folder.");
    }
}

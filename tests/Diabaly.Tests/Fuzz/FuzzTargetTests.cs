using Diabaly.Fuzz;

namespace Diabaly.Tests.Fuzz;

/// <summary>The fuzz targets over their seed corpus and every finding kept as a regression: each keeps its promises.</summary>
[Collection(Support.OnePlotAtATime.Name)]
public class FuzzTargetTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        string root = Path.Combine(AppContext.BaseDirectory, "fuzz");
        foreach (string target in Targets.Names)
        {
            foreach (string folder in new[] { "corpus", "regressions" })
            {
                string dir = Path.Combine(root, folder, target);
                if (Directory.Exists(dir))
                {
                    foreach (string file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
                    {
                        data.Add(target, Path.GetRelativePath(root, file));
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EveryKeptInput_KeepsTheTargetsPromises(string target, string file)
        => new Action(() => Targets.Run(target, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz", file)))).Should().NotThrow();

    [Fact]
    public void TheCorpus_IsThere()
        => Inputs().Count.Should().BeGreaterThan(40);

    [Fact]
    public void AnInputMarkedUtf16_ReachesTheLibrary_AsCodeUnits_LoneSurrogatesAndAll()
    {
        Targets.Text([Targets.Utf16Mark, 0x41, 0x00, 0x00, 0xD8, 0x42]).Should().Be("A\uD800", "the odd last byte is dropped");
        Targets.Text("about 2,000"u8).Should().Be("about 2,000");
        Targets.Names.Should().Contain(["csv", "parquet"]);
        foreach (string target in new[] { "csv", "parquet" })
        {
            Inputs().Count(row => row.Data.Item1 == target).Should().BeGreaterThanOrEqualTo(3, $"the {target} target has a seed corpus");
        }
    }

    [Fact]
    public void ABrokenPromise_FailsTheTarget()
        => new Action(() => Targets.Run("nothing", [])).Should().Throw<ArgumentException>();
}

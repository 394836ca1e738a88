using Diabaly.Sample;

namespace Diabaly.Tests.Sample;

/// <summary>Files written whole or not at all: a failure never damages a previous good file.</summary>
public class AtomicOutputsTests
{
    private static string Folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"diabaly-atomic-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void Committed_ReplacesEveryTarget_AndLeavesNoTemporaryFile()
    {
        string folder = Folder();
        string a = Path.Combine(folder, "a.json"), b = Path.Combine(folder, "b.svg");
        File.WriteAllText(a, "old");
        using (var outputs = new AtomicOutputs())
        {
            outputs.Write(a, s => s.Write("new a"u8));
            outputs.Write(b, s => s.Write("new b"u8));
            File.ReadAllText(a).Should().Be("old", "nothing is replaced before the commit");
            outputs.Commit();
        }

        File.ReadAllText(a).Should().Be("new a");
        File.ReadAllText(b).Should().Be("new b");
        Directory.GetFiles(folder).Should().HaveCount(2);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void AFailure_LeavesEveryPreviousFileAsItWas()
    {
        string folder = Folder();
        string report = Path.Combine(folder, "report.json"), plot = Path.Combine(folder, "plot.png");
        File.WriteAllText(report, "the previous good report");
        var act = () =>
        {
            using var outputs = new AtomicOutputs();
            outputs.Write(report, s => s.Write("half a rep"u8));
            outputs.Write(plot, _ => throw new IOException("No space left on device"));
            outputs.Commit();
        };

        act.Should().Throw<IOException>();
        File.ReadAllText(report).Should().Be("the previous good report");
        Directory.GetFiles(folder).Should().ContainSingle("the temporary files are deleted");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void ADevice_IsWrittenTo_NotReplaced()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("/dev/null is a Unix device.");
        }

        AtomicOutputs.IsDevice("/dev/null").Should().BeTrue();
        AtomicOutputs.IsDevice("/tmp/report.json").Should().BeFalse();
        using (var outputs = new AtomicOutputs())
        {
            outputs.Write("/dev/null", stream => stream.Write("written to the device"u8));
            outputs.Commit();
        }

        // Had the rename replaced /dev/null with a file, the text would read back.
        File.ReadAllText("/dev/null").Should().BeEmpty();
    }
}

using Diabaly.Tests.Support;

namespace Diabaly.Tests.Conventions;

/// <summary>The async file forms do what their synchronous twins do. (Under xUnit.net v3's test context, so not in the mutation
/// project, which compiles the dossier tests under v2.)</summary>
public class AsyncFileTests
{
    [Fact]
    public async Task SaveAsync_ToAFile_WritesWhatSaveWrites_AndACancelledSaveLeavesThePreviousFile()
    {
        Dossier d = Some.Diabaly();
        string folder = Directory.CreateTempSubdirectory("diabaly-save-").FullName;
        string path = Path.Combine(folder, "d.yaml");
        try
        {
            await d.SaveAsync(path, TestContext.Current.CancellationToken);
            File.ReadAllText(path).Should().Be(d.ToYaml());
            (await Dossier.LoadAsync(path, null, TestContext.Current.CancellationToken)).Should().Be(d);

            var other = new Dossier("Other", d.Sources, d.Questions, d.Claims.Take(1));
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            Func<Task> save = () => other.SaveAsync(path, cancelled.Token);
            await save.Should().ThrowAsync<OperationCanceledException>();
            File.ReadAllText(path).Should().Be(d.ToYaml(), "a cancelled save never touches the file");
            Directory.GetFiles(folder).Should().ContainSingle("the temporary file is removed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

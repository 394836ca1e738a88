namespace Diabaly.Tests.Conventions;

/// <summary>The API of #25 as code uses it: the names a user guessed, the learned and streamed paths open to code, symmetric
/// parsing, streams and async, a saved reliability report.</summary>
public class GuessedNamesTests
{
    private static string Sample => Path.Combine(AppContext.BaseDirectory, "dossiers", "diabaly.yaml");

    [Fact]
    public async Task EveryGuessedName_CompilesAndRuns()
    {
        string table = Path.Combine(Path.GetTempPath(), $"diabaly-guessed-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(table, "question,source,value\nq,a,40\nq,b,about 50\nr,a,7\n", TestContext.Current.CancellationToken);
        try
        {
            string said = await Consumer.GuessedNames.RunAsync(Sample, table, TestContext.Current.CancellationToken);
            said.Split('\n').Should().Equal("at least 1,001", "same", "elsewhere", said.Split('\n')[3], "json", "html", "2");
            said.Split('\n')[3].Should().NotBe("no estimate");
        }
        finally
        {
            File.Delete(table);
        }
    }

    [Fact]
    public async Task ADossier_ReadsTheSame_FromAFile_AStream_AReader_AndAsynchronously()
    {
        Dossier file = Dossier.Load(Sample);
        string text = await File.ReadAllTextAsync(Sample, TestContext.Current.CancellationToken);
        Dossier.Parse(text).Should().Be(file);
        Dossier.Load(new StringReader(text)).Should().Be(file);
        using (var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)))
        {
            (await Dossier.LoadAsync(bytes, null, TestContext.Current.CancellationToken)).Should().Be(file);
        }

        (await Dossier.LoadAsync(Sample, null, TestContext.Current.CancellationToken)).Warnings.Select(w => w.ToString())
            .Should().Equal(file.Warnings.Select(w => w.ToString()), "the diagnostics name the file as Load's do");
        using var saved = new MemoryStream();
        await file.SaveAsync(saved, TestContext.Current.CancellationToken);
        System.Text.Encoding.UTF8.GetString(saved.ToArray()).Should().Be(file.ToYaml());
        var writer = new StringWriter();
        file.Save(writer);
        Dossier.Parse(writer.ToString()).Should().Be(file);
        new Action(() => Dossier.Load(new StringReader(text), DossierReadOptions.Default with { MaxLength = 100 }))
            .Should().Throw<UnreadableInputException>().Which.Code.Should().Be("DY0002");
    }

    /// <summary>What the library writes replaces a file whole and keeps its permissions; what it reads is refused as a folder, by
    /// every reader of a path alike.</summary>
    [Fact]
    public async Task FilesTheLibraryWrites_KeepTheirMode_AndFoldersAreRefusedByEveryReader()
    {
        string folder = Directory.CreateTempSubdirectory("diabaly-files-").FullName;
        try
        {
            string path = Path.Combine(folder, "d.yaml");
            Dossier d = Dossier.Load(Sample);
            d.Save(path);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                d.Save(path);
                File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, "a replaced dossier keeps its mode");
            }

            Dossier.Load(path).Should().Be(d);
            Directory.GetFiles(folder).Should().Equal([path], "no temporary file is left beside it");
            new Action(() => Dossier.Load(folder)).Should().Throw<UnreadableInputException>().Which.Code.Should().Be("DY0003");
            (await new Func<Task>(() => Dossier.LoadAsync(folder)).Should().ThrowAsync<UnreadableInputException>()).Which.Code.Should().Be("DY0003");
            new Action(() => ReliabilityReport.Load(folder)).Should().Throw<UnreadableInputException>().Which.Code.Should().Be("DY0003");
            new Action(() => ReliabilityReport.Load(Path.Combine(folder, "missing.json"))).Should().Throw<UnreadableInputException>().Which.Code.Should().Be("DY0001");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TryParse_AndTryGet_AreTheTwinsOfParse_AndGet()
    {
        Dossier.TryParse(null, out Dossier? none).Should().BeFalse();
        none.Should().BeNull();
        Dossier d = Support.Some.Diabaly();
        Dossier.TryParse(d.ToYaml(), out Dossier? again).Should().BeTrue();
        again.Should().Be(d);
        d.TryGetClaim(d.Claims[3].Id, out Claim? c).Should().BeTrue();
        c.Should().BeSameAs(d.GetClaim(d.Claims[3].Id));
        d.TryGetClaim("no-such-claim", out c).Should().BeFalse();
        ReconciliationReport r = Reconciler.Reconcile(d);
        r.TryGetQuestion("islamist-fighters", out QuestionReport? q).Should().BeTrue();
        q.Should().BeSameAs(r["islamist-fighters"]);
        r.TryGetQuestion("nothing", out _).Should().BeFalse();
        Quantity.TryParse("plus d'un millier", QuantityLanguage.French, out Quantity? french).Should().BeTrue();
        french.Should().Be(Quantity.Parse("plus d'un millier", QuantityLanguage.French));
        Read<Quantity>("about 2,000").Should().Be(Quantity.Parse("about 2,000"), "Quantity is IParsable<Quantity>");
    }

    private static T Read<T>(string text)
        where T : IParsable<T>
        => T.TryParse(text, System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), out T? value) ? value : T.Parse(text, null);

    /// <summary>Reliability learned from one dossier, applied to another through its saved JSON, weighs exactly as the report it was
    /// saved from: the two reports are byte for byte the same.</summary>
    [Fact]
    public void AReliabilityReport_SavedAndLoaded_WeighsAsTheOriginal()
    {
        Dossier d = Support.Some.Diabaly();
        ReliabilityReport learned = Reconciler.Learn(d);
        learned.ToJson().Should().Be(Reconciler.Reconcile(d).Reliability.ToJson(), "Learn(dossier) is what Reconcile(dossier) learns");
        string json = learned.ToJson();
        ReliabilityReport loaded = ReliabilityReport.FromJson(json);
        loaded.ToJson().Should().Be(json, "every number reads back bit for bit");
        Schemas.Schemas.Errors(Schemas.Schemas.Reliability, json).Should().BeEmpty();
        json.Should().Contain("\"variance\": 0.", "the sample's sources were learned");
        var learnedOptions = ReconcileOptions.Default with { Method = ConsensusMethod.Learned };
        ReportWriter.ToJson(Reconciler.Reconcile(d, learnedOptions, loaded)).Should().Be(ReportWriter.ToJson(Reconciler.Reconcile(d, learnedOptions, learned)));
        ReportWriter.ToJson(Reconciler.Reconcile(d, learnedOptions, learned)).Should().Be(ReportWriter.ToJson(Reconciler.Reconcile(d, learnedOptions)));

        string path = Path.Combine(Path.GetTempPath(), $"diabaly-reliability-{Guid.NewGuid():N}.json");
        try
        {
            learned.Save(path);
            ReliabilityReport.Load(path).ToJson().Should().Be(json);
            File.WriteAllText(path, "{\"kind\": \"something else\"}");
            new Action(() => ReliabilityReport.Load(path)).Should().Throw<UnreadableInputException>()
                .Which.Should().Match<UnreadableInputException>(e => e.Code == "DY6001" && e.FilePath == path);
        }
        finally
        {
            File.Delete(path);
        }

        new Action(() => ReliabilityReport.FromJson("{ not json")).Should().Throw<UnreadableInputException>().Which.Code.Should().Be("DY6001");
    }

    [Fact]
    public void QuestionClaims_FromCode_StreamAsATablesDo_AndLearnedNeedsAReliability()
    {
        Dossier d = Support.Some.Diabaly();
        var questions = d.Questions.Select(q => new QuestionClaims(q, d.ClaimsAbout(q.Id), d.Relations)).ToList();
        ReliabilityReport learned = Reconciler.Learn(questions);
        learned.ToJson().Should().Be(Reconciler.Learn(d).ToJson());
        var options = ReconcileOptions.Default with { Method = ConsensusMethod.Learned, MaxDegreeOfParallelism = 2 };
        var streamed = Reconciler.ReconcileStream(questions, options, learned).Select(ReportWriter.ToJson).ToList();
        streamed.Should().Equal(Reconciler.Reconcile(d, options).Questions.Select(ReportWriter.ToJson));
        new Action(() => Reconciler.ReconcileStream(questions, options, null)).Should().Throw<ArgumentException>().WithParameterName("reliability");
        new Action(() => _ = new QuestionClaims(d.Questions[0], d.ClaimsAbout(d.Questions[1].Id))).Should().Throw<ArgumentException>().WithMessage("*is about question*");
        new Action(() => _ = ReconcileOptions.Default with { MaxDegreeOfParallelism = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDegreeOfParallelism");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        new Action(() => Reconciler.Learn(d, null, cancelled.Token)).Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public async Task ATable_ReadAsynchronously_GivesTheQuestionsItGivesSynchronously()
    {
        const string Table = "question,source,value\nq,a,40\nq,b,about 50\nr,a,7\nr,c,9\n";
        using var sync = ClaimTableReader.Open(new StringReader(Table), "t.csv", null);
        var expected = sync.ReadQuestions().Select(q => (q.Question, q.Claims.Count)).ToList();
        using var reader = ClaimTableReader.Open(new StringReader(Table), "t.csv", null);
        var read = new List<(Question, int)>();
        await foreach (QuestionClaims q in reader.ReadQuestionsAsync(TestContext.Current.CancellationToken))
        {
            read.Add((q.Question, q.Claims.Count));
        }

        read.Should().Equal(expected);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var again = ClaimTableReader.Open(new StringReader(Table), "t.csv", null);
        await new Func<Task>(async () =>
        {
            await foreach (QuestionClaims _ in again.ReadQuestionsAsync(cancelled.Token))
            {
            }
        }).Should().ThrowAsync<OperationCanceledException>();
    }
}

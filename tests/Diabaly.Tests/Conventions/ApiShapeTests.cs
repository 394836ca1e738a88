using System.Reflection;
using System.Text.RegularExpressions;
using Diabaly.Tests.Support;

namespace Diabaly.Tests.Conventions;

/// <summary>The rules of #25 that reflection (or, for enum values, the source) can check: no public constant, no public array, enums
/// with explicit values, a TryParse for every Parse, value equality with a matching ==, labels that refuse an undefined value.</summary>
public class ApiShapeTests
{
    private static readonly Type[] PublicTypes = typeof(Quantity).Assembly.GetExportedTypes();

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>A public const is compiled into its callers: a later version that changes it leaves them with the old value.</summary>
    [Fact]
    public void NoPublicType_HasAPublicConstant()
        => PublicTypes.Where(t => !t.IsEnum)
            .SelectMany(t => t.GetFields(Declared).Where(f => f.IsLiteral).Select(f => $"{t.Name}.{f.Name}"))
            .Should().BeEmpty();

    [Fact]
    public void NoPublicMember_IsAnArray()
        => PublicTypes.SelectMany(t => t.GetProperties(Declared).Where(p => p.PropertyType.IsArray).Select(p => $"{t.Name}.{p.Name}")
                .Concat(t.GetMethods(Declared).Where(m => !m.IsSpecialName && m.ReturnType.IsArray).Select(m => $"{t.Name}.{m.Name}()")))
            .Should().BeEmpty();

    /// <summary>An enum that may grow must say each member's value, so that adding one never renumbers the others. Reflection cannot
    /// tell an implicit value from an explicit one, so this reads the source.</summary>
    [Fact]
    public void EveryPublicEnum_GivesEachMemberItsValue()
    {
        string src = Path.Combine(Repository.Root, "src", "Diabaly");
        var missing = new List<string>();
        int enums = 0;
        foreach (string file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"^public enum (\w+)[^{]*\{(?<body>[^}]*)\}", RegexOptions.Multiline))
            {
                enums++;
                string body = Regex.Replace(m.Groups["body"].Value, @"///[^\n]*|\[[^\]]*\]", string.Empty);
                missing.AddRange(body.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0 && !x.Contains('=', StringComparison.Ordinal))
                    .Select(x => $"{m.Groups[1].Value}.{x}"));
            }
        }

        enums.Should().Be(PublicTypes.Count(t => t.IsEnum), "every public enum is found in the source");
        missing.Should().BeEmpty();
    }

    /// <summary>Every public <c>Parse(string, …)</c> has a <c>TryParse(string?, …, out T)</c> with the same other parameters.</summary>
    [Fact]
    public void EveryParse_HasATryParseTwin()
    {
        var parses = PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => m.Name == "Parse")).ToList();
        parses.Should().HaveCountGreaterThan(4);
        var missing = parses.Where(p =>
        {
            Type[] expected = [.. p.GetParameters().Select(x => x.ParameterType), p.ReturnType.MakeByRefType()];
            return p.DeclaringType!.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, expected) is not { ReturnType: var r } || r != typeof(bool);
        }).Select(p => $"{p.DeclaringType!.Name}.Parse({string.Join(", ", p.GetParameters().Select(x => x.ParameterType.Name))})");
        missing.Should().BeEmpty();
    }

    /// <summary>A type that compares by value says so with == too: <c>Quantity.Exact(5) == Quantity.Exact(5)</c>.</summary>
    [Fact]
    public void EveryValueEquatableClass_HasAMatchingEqualityOperator()
    {
        var valueTypes = PublicTypes.Where(t => t.IsClass && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>))).ToList();
        valueTypes.Select(t => t.Name).Should().Contain(["Quantity", "Claim", "Source", "Question", "Stratum", "Dossier", "StratumRelations", "VagueTerm", "RoundnessRule"]);
        valueTypes.Where(t => t.GetMethod("op_Equality", [t, t]) is null || t.GetMethod("op_Inequality", [t, t]) is null).Select(t => t.Name).Should().BeEmpty();
    }

    [Fact]
    public void EqualValues_AreEqualByOperator_AndDifferentOnesAreNot()
    {
        (Quantity.Exact(5) == Quantity.Exact(5)).Should().BeTrue();
        (Quantity.Exact(5) != Quantity.Exact(6)).Should().BeTrue();
        (new Stratum { Scope = "camp" } == new Stratum { Scope = "camp" }).Should().BeTrue();
        (new Stratum { Scope = "camp" } == Stratum.Any).Should().BeFalse();
        (new Source("a", "A") == new Source("a", "A")).Should().BeTrue();
        ((Quantity?)null == null).Should().BeTrue();
        (Quantity.Exact(5) == null).Should().BeFalse();
    }

    /// <summary>The model's records copy with <c>with</c>, and the copy goes through the same checks as a new value.</summary>
    [Fact]
    public void AClaim_CopiedWith_ChangesOnlyWhatItSays_AndIsStillChecked()
    {
        var q = Support.Some.Question();
        var claim = new Claim("c", q, Support.Some.Source("a"), Quantity.Exact(47)) { Scope = "assault" };
        Claim moved = claim with { Scope = "whole area" };
        moved.Scope.Should().Be("whole area");
        (claim with { Scope = "  " }).Scope.Should().BeNull("the init accessor stores blank text as null, in a copy as in a new claim");
        (moved.Id, moved.Value, moved.Source, moved.Question).Should().Be((claim.Id, claim.Value, claim.Source, claim.Question));
        claim.Scope.Should().Be("assault");
        moved.Should().NotBe(claim);
        new Action(() => _ = claim with { Scope = "a\u202Eb" }).Should().Throw<ArgumentException>().WithMessage("*Scope*");
        (new Source("a", "A") with { Weight = 2 }).Weight.Should().Be(2);
        new Action(() => _ = new Source("a", "A") with { Weight = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Weight");
    }

    [Fact]
    public void AQuestion_NamesItsSubjectAndUnit_AndRefusesABlankOne()
    {
        var q = new Question("fighters") { Subject = " Islamist fighters ", Unit = "fighters" };
        (q.Id, q.Subject, q.Unit).Should().Be(("fighters", "Islamist fighters", "fighters"));
        new Action(() => _ = new Question("q") { Subject = " ", Unit = "u" }).Should().Throw<ArgumentException>().WithParameterName("Subject");
        new Action(() => _ = new Question("q") { Subject = "S", Unit = "" }).Should().Throw<ArgumentException>().WithParameterName("Unit");
    }

    [Fact]
    public void EveryLabel_RefusesAnUndefinedValue_TheSameWay()
    {
        new Action(() => ReportWriter.Label((ConsensusMethod)42)).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => ReportWriter.Label((FlagKind)42)).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => ReportWriter.Label((ConflictKind)42)).Should().Throw<ArgumentOutOfRangeException>();
        Enum.GetValues<ConflictKind>().Select(ReportWriter.Label).Should().OnlyHaveUniqueItems();
        Enum.GetValues<FlagKind>().Select(ReportWriter.Label).Should().OnlyHaveUniqueItems();
        Enum.GetValues<ConsensusMethod>().Select(ReportWriter.Label).Should().OnlyHaveUniqueItems();
    }

    /// <summary>Every format is in <see cref="ReportFormat"/>, and writing to a string, a text writer, a stream or a stream
    /// asynchronously gives the same text.</summary>
    [Fact]
    public async Task EveryReportFormat_WritesTheSameText_ToAString_AWriter_AndAStream()
    {
        ReconciliationReport r = Reconciler.Reconcile(Support.Some.Diabaly());
        Enum.GetValues<ReportFormat>().Should().BeEquivalentTo([ReportFormat.Markdown, ReportFormat.Json, ReportFormat.Csv, ReportFormat.Html]);
        foreach (ReportFormat f in Enum.GetValues<ReportFormat>())
        {
            string text = ReportWriter.Write(r, f);
            text.Length.Should().BeGreaterThan(1000);
            var writer = new StringWriter();
            ReportWriter.Write(r, f, writer);
            writer.ToString().Should().Be(text, $"{f} to a text writer");
            using var stream = new MemoryStream();
            ReportWriter.Write(r, f, stream);
            System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Be(text, $"{f} to a stream");
            using var later = new MemoryStream();
            await ReportWriter.WriteAsync(r, f, later, TestContext.Current.CancellationToken);
            later.ToArray().Should().Equal(stream.ToArray(), $"{f} to a stream, asynchronously");
        }

        ReportWriter.Write(r, ReportFormat.Html).Should().Be(ReportWriter.ToHtml(r));
        new Action(() => ReportWriter.Write(r, (ReportFormat)9)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task WritingJsonAsynchronously_StopsWhenCancelled()
    {
        ReconciliationReport r = Reconciler.Reconcile(Support.Some.Diabaly());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stream = new MemoryStream();
        await new Func<Task>(() => ReportWriter.WriteJsonAsync(r, stream, cancelled.Token)).Should().ThrowAsync<OperationCanceledException>();
    }
}

/// <summary>The diagnostic codes: each one the library can give is documented, with its severity, and none is documented that it
/// cannot give.</summary>
public class DiagnosticCodeTests
{
    private static readonly Dictionary<string, string> Codes = typeof(Quantity).Assembly.GetType("Diabaly.DiagnosticCodes")!
        .GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);

    [Fact]
    public void EveryCode_IsDocumented_OnceWithItsSeverity()
    {
        string doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "diagnostics.md"));
        var rows = Regex.Matches(doc, @"^\| (DY\d{4}) \| (error|warning) \|", RegexOptions.Multiline).Select(m => (Code: m.Groups[1].Value, Severity: m.Groups[2].Value)).ToList();
        rows.Select(r => r.Code).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Codes.Keys);
        rows.Where(r => r.Code[2] is not '0' && r.Code[3] == '1').Should().OnlyContain(r => r.Severity == "warning", "DYn1nn are warnings");
        Codes.Keys.Should().OnlyContain(c => Regex.IsMatch(c, @"^DY\d{4}$"));
    }

    [Fact]
    public void TheReaders_GiveTheDocumentedCodes()
    {
        Dossier.TryParse("title: [", out _).Should().BeFalse();
        Dossier.TryParse("title: [", null, out _, out IReadOnlyList<Diagnostic> d).Should().BeFalse();
        d.Should().ContainSingle().Which.Code.Should().Be("DY1001");
        const string Head = "title: T\nsources: {a: {name: A}}\nquestions: {q: {subject: S, unit: u}}\nclaims:\n";
        Dossier.TryParse(Head + "  - {question: q, source: b, value: 5}\n", null, out _, out d).Should().BeFalse();
        d.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Code == "DY1005" && x.Line == 5 && x.Severity == DiagnosticSeverity.Error);
        Dossier.TryParse(Head + "  - {question: q, source: a, value: lots}\n", null, out _, out d).Should().BeFalse();
        d.Single().Code.Should().Be("DY2001");
        Dossier.TryParse(Head + "  - {question: q, source: a, value: 1.200}\n", null, out Dossier? ok, out d).Should().BeTrue();
        ok!.Warnings.Should().Equal(d);
        d.Should().ContainSingle().Which.Code.Should().Be("DY2101");
        var e = new Action(() => ClaimTableReader.Open(new StringReader("question,source,colour\n"), "t.csv", null)).Should().Throw<UnreadableInputException>().Which;
        (e.Code, e.Errors[0].Severity, e.FilePath).Should().Be(("DY4001", DiagnosticSeverity.Error, "t.csv"));
        e = new Action(() => ClaimTableReader.Open(new StringReader("question,value\n"), null, null)).Should().Throw<UnreadableInputException>().Which;
        e.Message.Should().StartWith("(input):", "a table read without a name is not called a dossier");
    }
}

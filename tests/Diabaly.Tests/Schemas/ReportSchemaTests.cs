using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Diabaly.Benchmarks.Truth;
using Diabaly.Tests.Support;
using Json.Schema;

namespace Diabaly.Tests.Schemas;

/// <summary><c>schemas/report.schema.json</c> against the JSON reports the library writes: the sample dossiers under every method, the
/// streamed report, one question's JSON, a learned reliability with copies, the reports of generated dossiers
/// (<see cref="Analysis.DomainPropertyTests"/>), and a report one key off, which the schema refuses.</summary>
public class ReportSchemaTests
{
    private static readonly string[] Samples = ["diabaly.yaml", "pension-marches-2023.yaml"];

    private static Dossier Sample(string name) => Dossier.Load(Path.Combine(AppContext.BaseDirectory, "dossiers", name));

    [Fact]
    public void TheReportOfEverySampleDossier_UnderEveryMethodAndEstimator_IsValid()
    {
        foreach (string name in Samples)
        {
            Dossier d = Sample(name);
            foreach (ConsensusMethod method in Enum.GetValues<ConsensusMethod>())
            {
                foreach (Tau2Estimator tau2 in Enum.GetValues<Tau2Estimator>())
                {
                    ReconciliationReport report = Reconciler.Reconcile(d, new ReconcileOptions { Method = method, Tau2Estimator = tau2 });
                    Schemas.Errors(Schemas.Report, ReportWriter.ToJson(report)).Should().BeEmpty($"{name}, {method}, {tau2}");
                }
            }
        }
    }

    [Fact]
    public void TheStreamedReport_AndOneQuestionsJson_AreValid()
    {
        ReconciliationReport report = Reconciler.Reconcile(Some.Diabaly());
        using var stream = new MemoryStream();
        ReportWriter.WriteJson(report, stream);
        Schemas.Errors(Schemas.Report, Encoding.UTF8.GetString(stream.ToArray())).Should().BeEmpty();

        // One question's JSON is the schema's question object.
        JsonSchema question = JsonSchema.FromText("""{"$ref": "https://raw.githubusercontent.com/diabaly/diabaly/main/schemas/report.schema.json#/$defs/question"}""");
        _ = Schemas.Report;
        foreach (QuestionReport q in report.Questions)
        {
            Schemas.Errors(question, ReportWriter.ToJson(q)).Should().BeEmpty(q.Question.Id);
        }

        Schemas.Errors(question, ReportWriter.ToJson(report)).Should().NotBeEmpty("a whole report is not a question");
    }

    [Fact]
    public void ALearnedReliabilityWithCopies_IsValid()
    {
        Simulation simulation = Simulator.Make(questions: 400, sources: 80, seed: 2013);
        ReconciliationReport report = Reconciler.Reconcile(simulation.Dossier, new ReconcileOptions { Method = ConsensusMethod.Learned, WidenRoundNumbers = false });
        report.Reliability.IsLearned.Should().BeTrue();
        report.Reliability.Copies.Should().NotBeEmpty("the simulator makes copiers, and learning finds some");
        Schemas.Errors(Schemas.Report, ReportWriter.ToJson(report)).Should().BeEmpty();
    }

    [Fact]
    public void TheReportOfEveryValueForm_IsValid()
    {
        // Every form a dossier or the grammar can give, the kind form included: exact, about, ranges, bounds, vague, open vague.
        Source a = Some.Source("a"), b = Some.Source("b");
        Question q = Some.Question("q");
        Quantity[] values =
        [
            Quantity.Exact(12), Quantity.About(2000), Quantity.Between(250, 300), Quantity.AtLeast(5), Quantity.AtMost(800),
            Quantity.Parse("several hundred"), Quantity.Parse("many"), Quantity.Parse("more than a thousand"), Quantity.Parse("nearly two thousand"),
            Quantity.Create(QuantityKind.Vague, 5, double.PositiveInfinity, null), Quantity.Create(QuantityKind.Approximate, 5, 9, 6),
            Quantity.Create(QuantityKind.Range, 10, 20, 12), Quantity.Exact(0),
        ];
        var claims = values.Select((v, i) => new Claim($"c{i}", q, i % 2 == 0 ? a : b, v));
        foreach (ConsensusMethod method in Enum.GetValues<ConsensusMethod>())
        {
            ReconciliationReport report = Reconciler.Reconcile(new Dossier("Every form", [a, b], [q], claims), new ReconcileOptions { Method = method });
            Schemas.Errors(Schemas.Report, ReportWriter.ToJson(report)).Should().BeEmpty(method.ToString());
        }
    }

    /// <summary>The fuzzers' kept inputs (hostile dossiers, found crashes, extreme figures): every one the reader accepts gives a
    /// report the schema accepts, and every one the reader accepts is a dossier the dossier schema accepts.</summary>
    [Fact]
    public void EveryFuzzInputTheReaderAccepts_IsValid_AndSoIsItsReport()
    {
        int read = 0;
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fuzz"), "*", SearchOption.AllDirectories)
                     .Where(f => f.Contains("dossier", StringComparison.Ordinal) || f.Contains("pipeline", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string text = File.ReadAllText(file);
            Dossier d;
            try
            {
                d = Dossier.Parse(text);
            }
            catch (UnreadableInputException)
            {
                continue;
            }

            read++;
            Schemas.Errors(Schemas.Report, ReportWriter.ToJson(Reconciler.Reconcile(d))).Should().BeEmpty(file);
            Schemas.Errors(Schemas.Dossier, Schemas.FromYaml(text)).Should().BeEmpty(file);
            Schemas.Errors(Schemas.Dossier, Schemas.FromYaml(d.ToYaml())).Should().BeEmpty(file);
        }

        read.Should().BeGreaterThanOrEqualTo(9, "the corpus holds valid dossiers (9 today) as well as broken ones");
    }

    [Fact]
    public void AReportOneKeyOff_IsRefused()
    {
        JsonNode report = JsonNode.Parse(ReportWriter.ToJson(Reconciler.Reconcile(Some.Diabaly())))!;
        Schemas.Errors(Schemas.Report, report.ToJsonString()).Should().BeEmpty();

        JsonNode extra = report.DeepClone();
        extra["questions"]![0]!["claims"]![0]!["colour"] = "red";
        Schemas.Errors(Schemas.Report, extra.ToJsonString()).Should().Contain(e => e.Contains("/questions/0/claims/0", StringComparison.Ordinal));

        JsonNode missing = report.DeepClone();
        missing["questions"]![0]!.AsObject().Remove("consensus");
        Schemas.Errors(Schemas.Report, missing.ToJsonString()).Should().NotBeEmpty();

        JsonNode wrongKind = report.DeepClone();
        wrongKind["questions"]![0]!["conflicts"]![0]!["kind"] = "disagreement";
        Schemas.Errors(Schemas.Report, wrongKind.ToJsonString()).Should().NotBeEmpty();

        JsonNode text = report.DeepClone();
        text["questions"]![0]!["consensus"]!["best"] = "400";
        Schemas.Errors(Schemas.Report, text.ToJsonString()).Should().NotBeEmpty("JSON keeps numbers as numbers");
    }
}

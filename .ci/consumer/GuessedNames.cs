// The names a new user guessed (#25) and that did not compile against Diabaly 0.x: each is used here as they wrote it. CI compiles
// this file against the packed package; the test project compiles it too and runs it (GuessedNamesTests).
using Diabaly;
using Diabaly.Analysis;
using Diabaly.Reports;
using Diabaly.Tables;

namespace Consumer;

public static class GuessedNames
{
    public static async Task<string> RunAsync(string dossierPath, string tablePath, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        Quantity.TryParse("plus d'un millier", QuantityLanguage.French, out Quantity? q);
        lines.Add(q?.ToString() ?? "none");

        Dossier loaded = await Dossier.LoadAsync(dossierPath);
        using (var stream = File.OpenRead(dossierPath))
        {
            lines.Add(Dossier.Load(stream).Equals(loaded) ? "same" : "different");
        }

        if (Dossier.TryParse(loaded.ToYaml(), out Dossier? again) && again.TryGetClaim(loaded.Claims[0].Id, out Claim? claim))
        {
            Claim moved = claim with { Scope = "elsewhere" };
            lines.Add(moved.Scope!);
        }

        ReliabilityReport reliability = Reconciler.Learn(loaded);
        ReconciliationReport report = Reconciler.Reconcile(loaded, ReconcileOptions.Default, reliability);
        if (report.TryGetQuestion(loaded.Questions[0].Id, out QuestionReport? first))
        {
            lines.Add(first.Consensus.Best is double best ? ReportWriter.FormatNumber(best) : "no estimate");
        }

        using (var json = new MemoryStream())
        {
            await ReportWriter.WriteJsonAsync(report, json, cancellationToken);
            lines.Add(json.Length > 0 ? "json" : "empty");
        }

        var markdown = new StringWriter();
        ReportWriter.WriteMarkdown(report, markdown);
        lines.Add(ReportWriter.Write(report, ReportFormat.Html).Length > markdown.ToString().Length / 10 ? "html" : "short");

        using ClaimTableReader table = ClaimTableReader.Open(tablePath);
        var questions = new List<QuestionClaims>();
        await foreach (QuestionClaims read in table.ReadQuestionsAsync(cancellationToken))
        {
            questions.Add(new QuestionClaims(read.Question, read.Claims, read.Relations));
        }

        lines.Add(Reconciler.ReconcileStream(questions).Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("\n", lines);
    }
}

using Diabaly;
using Diabaly.Analysis;
using Diabaly.Reports;

// Read a dossier of attributed claims and reconcile every question in it.
ReconciliationReport report = Reconciler.Reconcile(Dossier.Load("diabaly.yaml"));
QuestionReport fighters = report["islamist-fighters"];
Console.WriteLine(fighters.Summary);
Console.WriteLine($"Consensus: {ReportWriter.FormatConsensus(fighters.Consensus)}");   // 400 (250–2,500)
foreach (ClaimPair c in fighters.Conflicts)
{
    Console.WriteLine($"{c.First.Claim.Source.Name} vs {c.Second.Claim.Source.Name}: ×{c.Factor:0.##}, {c.Kind}");
}

// Or build the claims in code, from the words each source used.
var q = new Question("fighters") { Subject = "Islamist fighters in the assault", Unit = "fighters" };
Source mari = new("mari", "Jean-Paul Mari"), mayor = new("mayor", "Mayor of Diabaly");
var mine = new Dossier("My dossier", [mari, mayor], [q],
    [new Claim(q, mari, Quantity.Parse("400 men")), new Claim(q, mayor, Quantity.Parse("about 2,000 Islamists"))]);
Consensus best = Reconciler.Reconcile(mine)["fighters"].Consensus;
return best.Best is > 400 and < 2000 && fighters.Conflicts.Count > 0 ? 0 : 1;

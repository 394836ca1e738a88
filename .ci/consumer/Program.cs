using Diabaly;
using Diabaly.Analysis;
using Diabaly.Reports;

// Read a dossier of attributed claims and reconcile every question in it.
Dossier dossier = Dossier.Load("diabaly.yaml");
ReconciliationReport report = Reconciler.Reconcile(dossier);

QuestionReport fighters = report["islamist-fighters"];
Console.WriteLine(fighters.Summary);
Console.WriteLine($"Target: {fighters.Target}. Consensus: {ReportWriter.FormatConsensus(fighters.Consensus)}");
foreach (ClaimPair c in fighters.Conflicts)
{
    Console.WriteLine($"{c.First.Claim.Source.Name} vs {c.Second.Claim.Source.Name}: ×{c.Factor:0.##}, {c.Kind}");
}

foreach (Bound b in fighters.Bounds)
{
    Console.WriteLine($"{ReportWriter.FormatBound(b)} from {b.Claim.Claim.Source.Name}: {b.Reason}");
}

// Or build claims in code, from the words the sources used, saying what each one counted.
var question = new Question("fighters") { Subject = "Islamist fighters in the assault", Unit = "fighters", Target = new Stratum { Scope = "assault force" } };
var mari = new Source("mari", "Jean-Paul Mari") { Kind = SourceKind.Journalist, Outlet = "Le Nouvel Observateur" };
var mayor = new Source("mayor", "Mayor of Diabaly") { Kind = SourceKind.LocalOfficial, Access = SourceAccess.SecondHand };
var minister = new Source("le-drian", "Jean-Yves Le Drian") { Kind = SourceKind.Official, Side = "France" };
var mine = new Dossier("My dossier", [mari, mayor, minister], [question],
[
    new Claim("mari-1", question, mari, Quantity.Parse("400 men")) { Scope = "assault force" },
    new Claim("mayor-1", question, mayor, Quantity.Parse("about 2,000 Islamists")) { Scope = "assault force", Said = new PartialDate(2013, 1, 17) },
    new Claim("le-drian-1", question, minister, Quantity.Parse("1,200–1,300")) { Scope = "forces deployed in the area" },
])
{
    // The assault force lies within the forces in the area: the minister's count bounds it from above.
    Relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["assault force"] = ["forces deployed in the area"] } },
};
QuestionReport assault = Reconciler.Reconcile(mine)["fighters"];
Consensus re = assault.Estimates[ConsensusMethod.RandomEffects];
Console.WriteLine($"Random effects: {re.Best:N0} ({re.Low:N0}–{re.High:N0}), I² = {re.RandomEffects!.I2:P0}");
return assault.Conflicts.Any(c => c.Kind == ConflictKind.ExceedsBound) && fighters.Bounds.Count == 1 ? 0 : 1;

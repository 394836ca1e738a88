using Diabaly;

// Read a dossier of attributed claims and reconcile every question in it.
Dossier dossier = Dossier.Load("diabaly.yaml");
ReconciliationReport report = Reconciler.Reconcile(dossier);

QuestionReport fighters = report["islamist-fighters"];
Console.WriteLine(fighters.Summary);
Console.WriteLine($"Consensus: {fighters.Consensus.Best:N0} ({fighters.Consensus.Low:N0}–{fighters.Consensus.High:N0})");
foreach (Conflict c in fighters.Conflicts)
{
    Console.WriteLine($"{c.First.Claim.Source.Name} vs {c.Second.Claim.Source.Name}: ×{c.Factor:0.##}, {c.Kind}");
}

// Or build claims in code, from the words the sources used.
var question = new Question("fighters", "Islamist fighters in the assault", "fighters");
var mari = new Source("mari", "Jean-Paul Mari") { Kind = SourceKind.Journalist, Outlet = "Le Nouvel Observateur" };
var mayor = new Source("mayor", "Mayor of Diabaly") { Kind = SourceKind.LocalOfficial, Access = SourceAccess.SecondHand };
var mine = new Dossier("My dossier", [mari, mayor], [question],
[
    new Claim("mari-1", question, mari, Quantity.Parse("400 men")),
    new Claim("mayor-1", question, mayor, Quantity.Parse("about 2,000 Islamists")) { Said = new PartialDate(2013, 1, 17) },
]);
Consensus best = Reconciler.Reconcile(mine)["fighters"].Estimates[ConsensusMethod.RandomEffects];
Console.WriteLine($"Random effects: {best.Best:N0} ({best.Low:N0}–{best.High:N0}), I² = {best.RandomEffects!.I2:P0}");
return fighters.Camps.Count == 2 ? 0 : 1;

namespace Diabaly.Tests.Support;

/// <summary>Builders for claims that say what they count: <c>Strata.Claim("a", 400, asOf: "start", scope: "assault")</c>.</summary>
internal static class Strata
{
    public static (string Source, Quantity Value, string? AsOf, string? Scope) Claim(string source, double value, string? asOf = null, string? scope = null)
        => (source, Quantity.Exact(value), asOf, scope);

    public static (string Source, Quantity Value, string? AsOf, string? Scope) Claim(string source, Quantity value, string? asOf = null, string? scope = null)
        => (source, value, asOf, scope);

    /// <summary>One question "q" (with a target, cumulative or not) and relations; one source per distinct name.</summary>
    public static Dossier Dossier(Stratum? target, StratumRelations? relations, bool cumulative, params (string Source, Quantity Value, string? AsOf, string? Scope)[] claims)
    {
        var q = new Question("q") { Subject = "Things counted", Unit = "things", Target = target, Cumulative = cumulative };
        var sources = claims.Select(c => c.Source).Distinct().Select(id => new Source(id, "Source " + id)).ToDictionary(s => s.Id);
        int n = 0;
        var list = claims.Select(c => new Claim($"c{++n:D2}-{c.Source}", q, sources[c.Source], c.Value) { AsOf = c.AsOf, Scope = c.Scope }).ToList();
        return new Dossier("Test", sources.Values, [q], list) { Relations = relations ?? StratumRelations.None };
    }

    public static StratumRelations Within(string inner, string outer, params string[] times)
        => new() { Within = new Dictionary<string, IReadOnlyList<string>> { [inner] = [outer] }, Times = times };
}

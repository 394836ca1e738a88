namespace Diabaly.Tests.Support;

/// <summary>Builders for test data.</summary>
internal static class Some
{
    public static string DiabalyPath => Path.Combine(AppContext.BaseDirectory, "dossiers", "diabaly.yaml");

    public static global::Diabaly.Dossier Diabaly() => global::Diabaly.Dossier.Load(DiabalyPath);

    public static Source Source(string id = "s", double weight = 1, SourceAccess access = SourceAccess.Unknown, string? side = null)
        => new(id, "Source " + id) { Weight = weight, Access = access, Side = side };

    public static Question Question(string id = "q") => new(id) { Subject = "Subject " + id, Unit = "things" };

    /// <summary>A dossier with one question "q" and one claim per (source, value) pair.</summary>
    public static global::Diabaly.Dossier Dossier(params (string Source, string Value)[] claims)
        => Dossier(claims.Select(c => (c.Source, Quantity.Parse(c.Value), (string?)null, (string?)null)).ToArray());

    public static global::Diabaly.Dossier Dossier(params (string Source, Quantity Value, string? AsOf, string? Scope)[] claims)
        => Dossier(Measure.Count, claims);

    /// <summary>A dossier with one question "q" of the given measure and one claim per (source, value) pair.</summary>
    public static global::Diabaly.Dossier Dossier(Measure measure, params (string Source, Quantity Value, string? AsOf, string? Scope)[] claims)
    {
        Question q = new("q") { Subject = "Subject q", Unit = "things", Measure = measure };
        var sources = claims.Select(c => c.Source).Distinct().Select(id => Source(id)).ToDictionary(s => s.Id);
        int n = 0;
        var list = claims.Select(c => new Claim($"c{++n:D2}-{c.Source}", q, sources[c.Source], c.Value) { AsOf = c.AsOf, Scope = c.Scope }).ToList();
        return new global::Diabaly.Dossier("Test", sources.Values, [q], list);
    }

    public const string MinimalYaml = """
        title: Minimal
        sources:
          a:
            name: Source A
        questions:
          q:
            subject: Things
            unit: things
        claims:
          - question: q
            source: a
            value: about 2,000
        """;
}

using CsCheck;
using Diabaly.Tests.Quantities;
using Diabaly.Tests.Support;

namespace Diabaly.Tests.Dossiers;

/// <summary>Nothing lost: <c>Dossier.Parse(d.ToYaml())</c> equals <c>d</c>.</summary>
public class DossierRoundTripTests
{
    private static readonly string[] Texts =
    [
        "Zeïd", "Haïdara", "Traoré", "plain words", "a: colon", "- dash first", "# hash first", "quote \"inside\"", "it's", "null", "~", "",
        " leading space", "trailing space ", "line one\nline two", "tab\there", "1,200", "yes", "no", "true", "2013-01-15", "{not: a map}",
        "[not, a, list]", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick", "|pipe", ">fold", "?question", "emoji 🙂", "Ünïcödé ß",
    ];

    private static readonly string[] Values =
    [
        "about 2,000 Islamists", "250–300 fighters", "400 men", "several hundred", "next to 100", "4+ Rafale", "~12 killed", "a dozen",
        "between 250 and 300", "at least five", "many", "20 or so trucks", "1.5 million",
    ];

    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.Const((string?)null),
        Gen.Int[0, Texts.Length - 1].Select(i => (string?)Texts[i]),
        Gen.String.Select(s => (string?)s));

    private static readonly Gen<string> Id = Gen.Int[0, 5].Select(i => "id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly Gen<Source> SourceGen = Gen.Select(Id, Gen.Int[0, Texts.Length - 1], Gen.Enum<SourceKind>(), Gen.Enum<SourceAccess>(),
        Text, Text, Gen.OneOf(Gen.Const(1.0), Gen.Double[0.01, 10]))
        .Select((id, name, kind, access, role, side, weight) => new Source(id, string.IsNullOrWhiteSpace(Texts[name]) ? "Name" : Texts[name])
        {
            Kind = kind,
            Access = access,
            Role = role,
            Outlet = side is null ? null : "Outlet " + side,
            Side = side,
            Weight = weight,
        });

    private static readonly Gen<Quantity> ValueGen = Gen.OneOf(
        Gen.Int[0, Values.Length - 1].Select(i => Quantity.Parse(Values[i])),
        QuantityTests.AnyQuantity,
        Gen.Select(QuantityTests.AnyQuantity, Gen.Int[0, Texts.Length - 1]).Select((q, t) => q.WithText(Texts[t])));

    private static readonly Gen<Dossier> DossierGen =
        Gen.Select(SourceGen.Array[1, 5], Gen.Int[1, 3], Text, Gen.Bool)
            .SelectMany((sources, questionCount, description, french) =>
            {
                Source[] distinct = sources.DistinctBy(s => s.Id).ToArray();
                Question[] questions = Enumerable.Range(0, questionCount).Select(i => new Question("q" + i) { Subject = "Subject " + i + " Zeïd", Unit = "things" }).ToArray();
                Gen<Claim> claim = Gen.Select(Gen.Int[0, distinct.Length - 1], Gen.Int[0, questions.Length - 1], ValueGen, Text, Text, Text,
                        Gen.Int[0, distinct.Length - 1].Array[0, 2], Gen.OneOf(Gen.Const((PartialDate?)null), Gen.Int[1, 28].Select(d => (PartialDate?)new PartialDate(2013, 1, d))))
                    .Select((s, q, value, quote, asOf, scope, via, said) => new Claim("c", questions[q], distinct[s], value)
                    {
                        Quote = quote, AsOf = asOf, Scope = scope, Note = quote is null ? null : "note: " + quote, Said = said,
                        Via = via.Where(v => v != s).Select(v => distinct[v]).ToArray(), // a claim is never relayed by its own source
                    });
                return Gen.Select(claim.Array[1, 8], Gen.Int).Select((claims, seed) =>
                {
                    // Strata: targets and relations made of the labels the claims use, as the reader requires.
                    var random = new Random(seed);
                    string? Pick(IEnumerable<string?> labels) => labels.OfType<string>().Where(l => !string.IsNullOrWhiteSpace(l)).OrderBy(_ => random.Next()).FirstOrDefault();
                    var targeted = questions.Select(q => random.Next(3) == 0 ? q : new Question(q.Id) { Subject = q.Subject, Unit = q.Unit, Target = new Stratum { AsOf = Pick(claims.Where(c => c.Question.Id == q.Id).Select(c => c.AsOf)), Scope = Pick(claims.Where(c => c.Question.Id == q.Id).Select(c => c.Scope)) } is { IsAny: false } t ? t : null,
                        Cumulative = random.Next(2) == 0, }).ToArray();
                    string[] scopes = claims.Select(c => c.Scope).OfType<string>().Where(l => !string.IsNullOrWhiteSpace(l)).DistinctBy(Stratum.Key).ToArray();
                    string[] times = claims.Select(c => c.AsOf).OfType<string>().Where(l => !string.IsNullOrWhiteSpace(l)).DistinctBy(Stratum.Key).Where(_ => random.Next(2) == 0).ToArray();
                    var within = new Dictionary<string, IReadOnlyList<string>>();
                    for (int i = 0; i + 1 < scopes.Length; i++)
                    {
                        if (random.Next(2) == 0)
                        {
                            within[scopes[i].Trim()] = [scopes[i + 1].Trim()];
                        }
                    }

                    return new Dossier(
                        "Title " + description,
                        distinct,
                        targeted,
                        claims.Select((c, i) => new Claim("c" + i, targeted.Single(q => q.Id == c.Question.Id), c.Source, c.Value)
                        {
                            Quote = c.Quote, AsOf = c.AsOf, Scope = c.Scope, Note = c.Note, Said = c.Said, Via = c.Via,
                        }))
                    {
                        Description = description,
                        Language = french ? QuantityLanguage.French : QuantityLanguage.English,
                        Relations = new StratumRelations { Within = within, Times = times.Select(t => t.Trim()).ToArray() },
                    };
                });
            });

    [Fact]
    public void ToYaml_ParsedBack_EqualsTheDossier()
        => DossierGen.Sample(d =>
        {
            string yaml = d.ToYaml();
            Dossier back = Dossier.Parse(yaml);
            back.Should().Be(d, yaml);
        }, iter: Support.Runs.Of(2_000));

    public static TheoryData<string> EdgeOfTheDomain => new()
    {
        "{exact: 1e15}",
        "{kind: vague, low: 0, high: 1e15, central: 1e15}",
        "{kind: approximate, low: 7e14, high: 1e15, central: 9e14}",
        "{about: 8e14}",
        "{kind: at-least, low: 1e15, central: 1e15}",
    };

    [Theory]
    [MemberData(nameof(EdgeOfTheDomain))]
    public void ACountAtTheEdgeOfTheDomain_RoundTrips(string value)
    {
        // A property test drew a vague value centred near 10^15: ToYaml asked Quantity.About(central) whether {about: central} would
        // do, and "about 10^15" reaches past the largest count, so ToYaml threw ArgumentOutOfRangeException on a dossier Parse accepted.
        Dossier d = Dossier.Parse($"title: T\nsources:\n  a: {{name: A}}\nquestions:\n  q: {{subject: S, unit: u}}\nclaims:\n  - {{question: q, source: a, value: {value}}}\n");
        Dossier back = Dossier.Parse(d.ToYaml());
        back.Should().Be(d);
    }

    [Fact]
    public void Diabaly_RoundTrips_ThroughAFile()
    {
        Dossier d = Some.Diabaly();
        string path = Path.Combine(Path.GetTempPath(), $"diabaly-rt-{Guid.NewGuid():N}.yaml");
        try
        {
            d.Save(path);
            Dossier.Load(path).Should().Be(d);
            File.ReadAllText(path).Should().Contain("Seydou Traoré").And.Contain("value: about 2,000 Islamists");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

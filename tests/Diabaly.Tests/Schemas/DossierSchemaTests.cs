using System.Text.Json;
using Diabaly.Internal;
using Diabaly.Tests.Support;
using Json.Schema;

namespace Diabaly.Tests.Schemas;

/// <summary><c>schemas/dossier.schema.json</c> against the reader: every sample dossier and every dossier the writer writes is valid,
/// and what the reader refuses for its shape (a wrong key, a value out of its set) the schema refuses too.</summary>
public class DossierSchemaTests
{
    private const string LanguageServerLine = "# yaml-language-server: $schema=../../schemas/dossier.schema.json";

    /// <summary>A small dossier that uses every key of the format once.</summary>
    private const string Every = """
        title: T
        description: every key once
        language: en
        scopes:
          assault force: {within: forces deployed}
        times: [start, end]
        sources:
          a: {name: A, kind: journalist, role: reporter, outlet: Le Monde, side: neutral, access: first-hand, weight: 2}
          b: {name: B}
        questions:
          q:
            subject: S
            unit: fighters
            target: {as-of: start, scope: assault force}
            cumulative: true
        claims:
          - {id: c1, question: q, source: a, value: 400 men, quote: 400 men, said: 2013-01, as-of: start, scope: assault force, note: n, language: en}
          - {question: q, source: b, value: {low: 250, high: 300, central: 270, text: 250 to 300}, via: [a], as-of: end, scope: forces deployed}
        """;

    private const string Value = "{low: 250, high: 300, central: 270, text: 250 to 300}";

    private static IReadOnlyList<string> SchemaErrors(string yaml) => Schemas.Errors(Schemas.Dossier, Schemas.FromYaml(yaml));

    [Fact]
    public void TheSchemas_AreValidDraft202012Schemas()
    {
        foreach (string file in new[] { "dossier.schema.json", "report.schema.json" })
        {
            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Schemas.Path(file)));
            Schemas.Errors(MetaSchemas.Draft202012, schema.RootElement).Should().BeEmpty(file);
            schema.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        }
    }

    [Fact]
    public void EverySampleDossier_NamesTheSchemaOnItsFirstLine_AndIsValid()
    {
        var dossiers = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "dossiers"), "*.yaml");
        dossiers.Should().HaveCountGreaterThanOrEqualTo(2);
        foreach (string path in dossiers)
        {
            string text = File.ReadAllText(path);
            text.Split('\n')[0].Should().Be(LanguageServerLine, Path.GetFileName(path));
            SchemaErrors(text).Should().BeEmpty(Path.GetFileName(path));
            Dossier.Parse(text).Claims.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void ADossierUsingEveryKey_IsValidForBoth()
    {
        Dossier.Parse(Every).Claims.Should().HaveCount(2);
        SchemaErrors(Every).Should().BeEmpty();
    }

    [Fact]
    public void AJsonDossier_MayNameItsSchema_AsJsonEditorsExpect()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Schemas.FromYaml(Every).GetRawText())!.AsObject();
        json.Insert(0, "$schema", "https://raw.githubusercontent.com/diabaly/diabaly/main/schemas/dossier.schema.json");
        string text = json.ToJsonString();
        Dossier.Parse(text).Claims.Should().HaveCount(2);
        Schemas.Errors(Schemas.Dossier, text).Should().BeEmpty();

        json["$schema"] = new System.Text.Json.Nodes.JsonArray();
        Action read = () => Dossier.Parse(json.ToJsonString());
        read.Should().Throw<UnreadableInputException>().Which.Errors.Should().Contain(e => e.Message == "'$schema' must be text, but is a list");
        Schemas.Errors(Schemas.Dossier, json.ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public void EveryDossierTheWriterWrites_IsValid()
    {
        // The writer's output for the samples, and for a dossier of every value form.
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "dossiers"), "*.yaml"))
        {
            SchemaErrors(Dossier.Load(path).ToYaml()).Should().BeEmpty(Path.GetFileName(path));
        }

        Source s = Some.Source("s");
        Question q = Some.Question("q");
        Quantity[] values =
        [
            Quantity.Exact(12), Quantity.About(2000), Quantity.Between(250, 300), Quantity.AtLeast(5), Quantity.AtMost(800),
            Quantity.Parse("several hundred"), Quantity.Parse("more than a thousand"), Quantity.Create(QuantityKind.Vague, 0, 1e15, 1e15),
        ];
        var d = new Dossier("Every form", [s], [q], values.Select((v, i) => new Claim($"c{i}", q, s, v)));
        SchemaErrors(d.ToYaml()).Should().BeEmpty();
    }

    public static TheoryData<string, string, string> WrongKeys => new()
    {
        { "the dossier", "title: T\n", "title: T\ntitel: T\n" },
        { "a source", "{name: A,", "{name: A, website: x," },
        { "a question", "unit: fighters\n", "unit: fighters\n    units: fighters\n" },
        { "a target", "{as-of: start, scope: assault force}", "{as-of: start, scope: assault force, asof: start}" },
        { "a claim", "value: 400 men,", "value: 400 men, qoute: x," },
        { "a value", "central: 270,", "central: 270, hihg: 310," },
        { "a scope", "{within: forces deployed}", "{within: forces deployed, contains: x}" },
    };

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public void AWrongKey_IsRefusedByTheReader_AndByTheSchema(string where, string find, string replace)
    {
        Every.Should().Contain(find);
        string yaml = Every.Replace(find, replace, StringComparison.Ordinal);
        Action read = () => Dossier.Parse(yaml);
        read.Should().Throw<UnreadableInputException>(where).Which.Errors.Should().Contain(e => e.Message.StartsWith("unknown key", StringComparison.Ordinal));
        SchemaErrors(yaml).Should().NotBeEmpty(where);
    }

    public static TheoryData<string, string, string, string> WrongValues => new()
    {
        { "an unknown kind of source", "kind: journalist", "kind: newspaper", "'newspaper' is not a valid kind" },
        { "an unknown access", "access: first-hand", "access: direct", "'direct' is not a valid access" },
        { "a weight of zero", "weight: 2", "weight: 0", "the weight of source 'a' must be between 0.000001 and 1,000,000" },
        { "a weight above a million", "weight: 2", "weight: 2000000", "the weight of source 'a' must be between 0.000001 and 1,000,000" },
        { "a source without a name", "b: {name: B}", "b: {outlet: B}", "source 'b' has no 'name'" },
        { "a blank title", "title: T\n", "title: \"  \"\n", "'title'" },
        { "an id with a space", "id: c1", "id: c 1", "'c 1' is not a valid claim id" },
        { "a question without a unit", "    unit: fighters\n", string.Empty, "question 'q' has no 'unit'" },
        { "a claim without a value", ", value: 400 men,", ",", "has no 'value'" },
        { "a negative figure", Value, "{exact: -5}", "must not be negative" },
        { "a figure above 10^15", Value, "{exact: 2e15}", "at most 1,000,000,000,000,000" },
        { "two forms at once", Value, "{exact: 5, about: 6}", "is not one of the structured forms" },
        { "a central without a range", Value, "{exact: 5, central: 4}", "gives 'central' without a range" },
        { "a form beside 'kind'", Value, "{kind: range, low: 1, high: 2, exact: 3}", "gives 'exact' beside 'kind'" },
        { "a 'kind' without 'low'", Value, "{kind: at-least, high: 3}", "has no 'low'" },
        { "an exact 'kind' without its central", Value, "{kind: exact, low: 5}", "An exact quantity has lower = upper = central" },
        { "an open approximate value", Value, "{kind: approximate, low: 5, central: 6}", "A quantity of kind Approximate has a finite upper bound" },
        { "a bounded at-least value", Value, "{kind: at-least, low: 5, high: 9}", "An at-least quantity has no upper bound" },
        { "a range without its high", Value, "{kind: range, low: 5}", "A quantity of kind Range has a finite upper bound" },
        { "an unknown kind of value", Value, "{kind: many, low: 3}", "'many' is not a valid kind" },
        { "a date that is not one", "said: 2013-01", "said: 2013-13", "'2013-13' is not a date" },
        { "an unknown language", "language: en\n", "language: de\n", "'de' is not a supported language" },
        { "a target with neither key", "{as-of: start, scope: assault force}", "{}", "gives neither 'as-of' nor 'scope'" },
        { "cumulative neither true nor false", "cumulative: true", "cumulative: sometimes", "must be true or false" },
        { "a relay that is a map", "via: [a]", "via: {a: 1}", "'via' must be text" },
        { "scopes as a list", "  assault force: {within: forces deployed}\n", "  - assault force\n", "'scopes'" },
        { "sources as a list", "  a: {name: A, kind: journalist, role: reporter, outlet: Le Monde, side: neutral, access: first-hand, weight: 2}\n  b: {name: B}\n", "  - {name: A}\n", "'sources'" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public void AValueOutOfItsSet_IsRefusedByTheReader_AndByTheSchema(string what, string find, string replace, string message)
    {
        Every.Should().Contain(find);
        string yaml = Every.Replace(find, replace, StringComparison.Ordinal);
        Action read = () => Dossier.Parse(yaml);
        read.Should().Throw<UnreadableInputException>(what).Which.Errors.Should().Contain(e => e.Message.Contains(message, StringComparison.Ordinal), what);
        SchemaErrors(yaml).Should().NotBeEmpty(what);
    }

    public static TheoryData<string, string, string> OtherSpellings => new()
    {
        { "a bare number as the value", "value: 400 men,", "value: 400," },
        { "a number as text", "weight: 2", "weight: \"2.5\"" },
        { "one relay, not a list", "via: [a]", "via: a" },
        { "a year as a number", "said: 2013-01", "said: 2013" },
        { "an open 'kind'", "{low: 250, high: 300, central: 270, text: 250 to 300}", "{kind: at-least, low: 5, central: 10}" },
        { "cumulative as text", "cumulative: true", "cumulative: \"false\"" },
        { "an empty optional key", "description: every key once", "description:" },
        { "a language by name", "language: en\n", "language: français\n" },
        { "scope within a list", "{within: forces deployed}", "{within: [forces deployed]}" },
        { "a kind of source in capitals", "kind: journalist", "kind: Journalist" },
        { "an access with spaces around", "access: first-hand", "access: \" First-Hand \"" },
        { "a language by name, capitalised", "language: en\n", "language: French\n" },
        { "a language without its accent", "language: en\n", "language: Espanol\n" },
        { "a kind of value in capitals", Value, "{kind: Range, low: 1, high: 2}" },
        { "an open vague value", Value, "{kind: vague, low: 5}" },
        { "an exact value given whole", Value, "{kind: exact, low: 5, high: 5, central: 5}" },
        { "an id that YAML reads as a number", "id: c1", "id: 1.5" },
        { "an empty id", "id: c1", "id:" },
        { "an empty kind", "kind: journalist", "kind:" },
    };

    [Theory]
    [MemberData(nameof(OtherSpellings))]
    public void WhatTheReaderAccepts_TheSchemaAccepts(string what, string find, string replace)
    {
        Every.Should().Contain(find);
        string yaml = Every.Replace(find, replace, StringComparison.Ordinal);
        Dossier.Parse(yaml).Claims.Should().HaveCount(2, what);
        SchemaErrors(yaml).Should().BeEmpty(what);
    }

    [Fact]
    public void TheSchemasSets_AreTheReadersSets()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Schemas.Path("dossier.schema.json")));
        JsonElement defs = schema.RootElement.GetProperty("$defs");
        static string[] Values(JsonElement e) => [.. (e.TryGetProperty("enum", out JsonElement values) ? values : e.GetProperty("anyOf")[0].GetProperty("enum"))
            .EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
        Values(defs.GetProperty("source").GetProperty("properties").GetProperty("kind")).Should().BeEquivalentTo(EnumText.ByKebab<SourceKind>().Keys);
        Values(defs.GetProperty("source").GetProperty("properties").GetProperty("access")).Should().BeEquivalentTo(EnumText.ByKebab<SourceAccess>().Keys);
        Values(defs.GetProperty("structuredValue").GetProperty("properties").GetProperty("kind")).Should().BeEquivalentTo(EnumText.ByKebab<QuantityKind>().Keys);
        foreach (string name in Values(defs.GetProperty("language")))
        {
            QuantityWords.Named(name).Should().NotBeNull(name);
        }

        Values(defs.GetProperty("language")).Select(n => QuantityWords.Named(n)).Distinct().Should().BeEquivalentTo(System.Enum.GetValues<QuantityLanguage>().Cast<QuantityLanguage?>());
    }
}

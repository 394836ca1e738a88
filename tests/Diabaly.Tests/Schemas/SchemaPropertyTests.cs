using CsCheck;

namespace Diabaly.Tests.Schemas;

/// <summary>The dossier schema never refuses what the reader accepts: dossiers assembled from spellings of every key, right and wrong
/// (cases, spaces, numbers where text goes, empty values, values out of their sets, keys that do not exist), read by both.</summary>
public class SchemaPropertyTests
{

    private static readonly (string[] Right, string[] Wrong) Kinds = (["journalist", "Journalist", "' official '", "LOCAL-OFFICIAL", ""], ["newspaper", "5"]);
    private static readonly (string[] Right, string[] Wrong) Accesses = (["first-hand", "Second-Hand", "~", "unknown"], ["direct"]);
    private static readonly (string[] Right, string[] Wrong) Weights = (["1", "0.5", "'2'", "1000000", "0.000001"], ["0", "-1", "1e7", "'1e-7'", "abc"]);
    private static readonly (string[] Right, string[] Wrong) Languages = (["en", "French", "Español", "espanol", "~", "' fr '"], ["de", "3"]);
    private static readonly (string[] Right, string[] Wrong) Cumulatives = (["true", "'False'", "~", "FALSE"], ["yes", "1"]);
    private static readonly (string[] Right, string[] Wrong) Saids = (["2013", "2013-01", "2013-01-15", "~", "' 2013-01 '"], ["2013-13", "13", "2013.0", "'2013-02-30'"]);
    private static readonly (string[] Right, string[] Wrong) Values = (["400 men", "400", "about 2,000", "{exact: 5}", "{about: 5}", "{low: 1, high: 2}", "{low: 1, high: 2, central: 1.5}", "{kind: vague, low: 5}", "{kind: Exact, low: 5, high: 5, central: 5}", "{at-most: '7'}", "{exact: 5, text: five}", "several hundred", "'1.200'"], ["lots", "''", "{low: 2, high: 1}", "{kind: approximate, low: 5, central: 6}", "{at-least: 1e16}", "{exact: 5, central: 5}", "{kind: at-least, low: 5, high: 9}", "{kind: range, low: 1}", "[1, 2]", "{exact: 0x10}", "{exact: .inf}"]);
    private static readonly (string[] Right, string[] Wrong) Ids = (["c1", "2013", "1.5", "~", "-x", "true"], ["'c 1'"]);
    private static readonly (string[] Right, string[] Wrong) Targets = (["{scope: s}", "{as-of: start}", "{scope: '', as-of: start}", "{scope: s, as-of: ''}"], ["~", "{}", "{scope: other}", "{scope: nowhere}"]);
    private static readonly (string[] Right, string[] Wrong) Vias = (["[b]", "b", "[]"], ["~", "[a]", "{b: 1}", "[zz]"]);
    private static readonly (string[] Right, string[] Wrong) Extras = ([""], ["colour: red", "titel: x"]);

    private static readonly Gen<string> Dossiers =
        Gen.Select(Gen.Int[0, 100_000].Array[12], picks =>
        {
            // Nine picks in ten are spellings the reader takes, so that about a quarter of the dossiers pass it and reach the schema.
            string P((string[] Right, string[] Wrong) pool, int i)
                => picks[i] % 10 > 0 ? pool.Right[picks[i] / 10 % pool.Right.Length] : pool.Wrong[picks[i] / 10 % pool.Wrong.Length];
            string extra = P(Extras, 11);
            int where = picks[11] / 7 % 5;
            string Extra(int at, string indent) => where == at && extra.Length > 0 ? $"\n{indent}{extra}" : string.Empty;
            return $"""
                title: T{Extra(0, "")}
                language: {P(Languages, 0)}
                scopes:
                  s: {"{"}within: [other]{"}"}
                times: [start]
                sources:
                  a:
                    name: A
                    kind: {P(Kinds, 1)}
                    access: {P(Accesses, 2)}
                    weight: {P(Weights, 3)}{Extra(1, "    ")}
                  b: {"{"}name: B{"}"}
                questions:
                  q:
                    subject: S
                    unit: fighters
                    target: {P(Targets, 4)}
                    cumulative: {P(Cumulatives, 5)}{Extra(2, "    ")}
                claims:
                  - id: {P(Ids, 6)}
                    question: q
                    source: a
                    value: {P(Values, 7)}
                    said: {P(Saids, 8)}
                    as-of: start
                    scope: s
                    via: {P(Vias, 9)}{Extra(3, "    ")}
                  - question: q
                    source: b
                    value: {P(Values, 10)}
                    scope: other{Extra(4, "    ")}
                """;
        });

    [Fact]
    public void WhatTheReaderAccepts_TheSchemaAccepts()
    {
        int accepted = 0;
        Dossiers.Sample(yaml =>
        {
            try
            {
                Dossier.Parse(yaml);
            }
            catch (UnreadableInputException)
            {
                return;
            }

            Interlocked.Increment(ref accepted);
            Schemas.Errors(Schemas.Dossier, Schemas.FromYaml(yaml)).Should().BeEmpty();
        }, iter: Support.Runs.Of(3_000), print: y => "\n" + y);
        accepted.Should().BeGreaterThan((int)(Support.Runs.Of(3_000) / 10), "most spellings are right ones, so that the reader accepts many dossiers");
    }
}

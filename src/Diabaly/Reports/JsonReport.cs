using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Diabaly.Statistics;

using Diabaly.Internal;

namespace Diabaly;

internal static class JsonReport
{
    public static string Write(ReconciliationReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Dossier d = report.Dossier;
            ReconcileOptions o = report.Options;
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", ReportWriter.JsonSchemaVersion);
            w.WriteString("title", d.Title);
            w.WriteString("description", d.Description);

            w.WriteStartObject("options");
            w.WriteString("method", EnumText.Camel(o.Method));
            w.WriteString("tau2Estimator", EnumText.Camel(o.Tau2Estimator));
            w.WriteBoolean("widenRoundNumbers", o.WidenRoundNumbers);
            w.WriteNumber("firstHandFactor", o.FirstHandFactor);
            w.WriteNumber("secondHandFactor", o.SecondHandFactor);
            w.WriteNumber("unknownAccessFactor", o.UnknownAccessFactor);
            w.WriteNumber("partisanFactor", o.PartisanFactor);
            w.WriteNumber("openTailFactor", o.OpenTailFactor);
            w.WriteNumber("zeroFloor", o.ZeroFloor);
            w.WriteNumber("tolerance", o.Tolerance);
            w.WriteBoolean("clipToBounds", o.ClipToBounds);
            w.WriteNumber("spreadFactor", o.SpreadFactor);
            w.WriteNumber("influenceThreshold", o.InfluenceThreshold);
            w.WriteNumber("lowQuantile", o.LowQuantile);
            w.WriteNumber("highQuantile", o.HighQuantile);
            w.WriteEndObject();

            w.WriteStartObject("relations");
            w.WriteStartArray("scopes");
            foreach (var (scope, within) in d.Relations.Within)
            {
                w.WriteStartObject();
                w.WriteString("scope", scope);
                w.WriteStartArray("within");
                foreach (string c in within)
                {
                    w.WriteStringValue(c);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("times");
            foreach (string t in d.Relations.Times)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("sources");
            foreach (Source s in d.Sources)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("name", s.Name);
                w.WriteString("kind", EnumText.Camel(s.Kind));
                w.WriteString("role", s.Role);
                w.WriteString("outlet", s.Outlet);
                w.WriteString("side", s.Side);
                w.WriteString("access", EnumText.Camel(s.Access));
                w.WriteNumber("weight", s.Weight);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("questions");
            foreach (QuestionReport q in report.Questions)
            {
                WriteQuestion(w, q);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteQuestion(Utf8JsonWriter w, QuestionReport q)
    {
        w.WriteStartObject();
        w.WriteString("id", q.Question.Id);
        w.WriteString("subject", q.Question.Subject);
        w.WriteString("unit", q.Question.Unit);
        w.WriteBoolean("cumulative", q.Question.Cumulative);
        w.WriteStartObject("target");
        WriteStratum(w, q.Target);
        w.WriteBoolean("declared", q.IsTargetDeclared);
        w.WriteString("reason", q.TargetReason);
        w.WriteEndObject();
        w.WriteString("summary", q.Summary);

        w.WriteStartArray("claims");
        foreach (AssessedClaim a in q.Claims)
        {
            WriteClaim(w, a);
        }

        w.WriteEndArray();

        w.WritePropertyName("range");
        WriteRange(w, q.Range);

        w.WriteStartObject("agreement");
        MaybeBounds(w, q.Agreement.IsEmpty, () => (q.Agreement.Lower, q.Agreement.Upper));
        w.WriteNumber("weight", q.Agreement.Weight);
        w.WriteNumber("fraction", q.Agreement.Fraction);
        Ids(w, "claims", q.Agreement.Claims);
        w.WriteEndObject();

        WriteConflicts(w, "conflicts", q.Conflicts);
        WriteBounds(w, q.Bounds);

        w.WriteStartArray("camps");
        foreach (Camp c in q.Camps)
        {
            w.WriteStartObject();
            Ids(w, "claims", c.Claims);
            Bounds(w, c.Lower, c.Upper);
            w.WriteNumber("central", c.Central);
            w.WriteNumber("weight", c.Weight);
            Assumed(w, c.IsCentralAssumed ? "central" : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WritePropertyName("consensus");
        WriteConsensus(w, q.Consensus);
        w.WriteStartArray("estimates");
        foreach (Consensus e in q.Estimates.Values.OrderBy(e => e.Method))
        {
            WriteConsensus(w, e);
        }

        w.WriteEndArray();

        w.WriteStartArray("sensitivity");
        foreach (SourceSensitivity s in q.Sensitivity)
        {
            w.WriteStartObject();
            w.WriteString("sourceId", s.Source.Id);
            Number(w, "bestWithout", s.BestWithout);
            Number(w, "shift", s.Shift);
            w.WriteBoolean("influential", s.IsInfluential);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("strata");
        foreach (StratumReport s in q.Strata)
        {
            w.WriteStartObject();
            WriteStratum(w, s.Stratum);
            w.WriteBoolean("target", s.IsTarget);
            Ids(w, "claims", s.Claims);
            w.WritePropertyName("range");
            WriteRange(w, s.Range);
            w.WritePropertyName("consensus");
            WriteConsensus(w, s.Consensus);
            WriteConflicts(w, "conflicts", s.Conflicts);
            WriteBounds(w, s.Bounds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteConflicts(w, "notComparable", q.NotComparable);

        w.WriteStartArray("flags");
        foreach (Flag f in q.Flags)
        {
            w.WriteStartObject();
            w.WriteString("kind", EnumText.Camel(f.Kind));
            w.WriteString("message", f.Message);
            w.WriteString("sourceId", f.Source?.Id);
            w.WriteString("claimId", f.Claim?.Id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter w, AssessedClaim a)
    {
        Claim c = a.Claim;
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("sourceId", c.Source.Id);
        w.WriteString("source", c.Source.Name);
        w.WriteStartObject("value");
        w.WriteString("text", c.Value.Text);
        w.WriteString("canonical", c.Value.ToString());
        w.WriteString("kind", EnumText.Camel(c.Value.Kind));
        Bounds(w, c.Value.Lower, c.Value.Upper);
        Number(w, "central", c.Value.Central);
        w.WriteEndObject();
        w.WriteStartObject("normalized");
        Bounds(w, a.Lower, a.Upper);
        w.WriteNumber("central", a.Central);
        Number(w, "reach", a.Reach);
        Assumed(w, a.IsCentralAssumed ? "central" : null, a.Reach is null ? null : "reach");
        w.WriteEndObject();
        w.WriteNumber("weight", a.Weight);
        w.WriteStartArray("reasons");
        foreach (string r in a.Reasons)
        {
            w.WriteStringValue(r);
        }

        w.WriteEndArray();
        w.WriteStartObject("stratum");
        WriteStratum(w, a.Stratum);
        w.WriteEndObject();
        w.WriteBoolean("onTarget", a.IsOnTarget);
        w.WriteString("quote", c.Quote);
        w.WriteString("said", c.Said?.ToString());
        w.WriteString("asOf", c.AsOf);
        w.WriteString("scope", c.Scope);
        w.WriteStartArray("via");
        foreach (Source v in c.Via)
        {
            w.WriteStringValue(v.Id);
        }

        w.WriteEndArray();
        w.WriteString("note", c.Note);
        w.WriteEndObject();
    }

    private static void WriteStratum(Utf8JsonWriter w, Stratum s)
    {
        w.WriteString("asOf", s.AsOf);
        w.WriteString("scope", s.Scope);
    }

    private static void WriteRange(Utf8JsonWriter w, Envelope range)
    {
        w.WriteStartObject();
        MaybeBounds(w, range.IsEmpty, () => (range.Lower, range.Upper));
        Number(w, "lowestStated", range.LowestStated);
        Number(w, "highestStated", range.HighestStated);
        w.WriteEndObject();
    }

    private static void WriteConflicts(Utf8JsonWriter w, string name, IEnumerable<Conflict> conflicts)
    {
        w.WriteStartArray(name);
        foreach (Conflict c in conflicts)
        {
            w.WriteStartObject();
            w.WriteString("first", c.First.Claim.Id);
            w.WriteString("second", c.Second.Claim.Id);
            w.WriteNumber("factor", c.Factor);
            w.WriteString("kind", EnumText.Camel(c.Kind));
            w.WriteBoolean("contradiction", c.IsContradiction);
            if (c.Bound is { } b)
            {
                w.WriteStartObject("bound");
                w.WriteString("claim", b.Claim.Claim.Id);
                w.WriteString("direction", EnumText.Camel(b.Direction));
                w.WriteString("reason", b.Reason);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("bound");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteBounds(Utf8JsonWriter w, IEnumerable<Bound> bounds)
    {
        w.WriteStartArray("bounds");
        foreach (Bound b in bounds)
        {
            w.WriteStartObject();
            w.WriteString("claim", b.Claim.Claim.Id);
            w.WriteString("direction", EnumText.Camel(b.Direction));
            w.WriteNumber("value", b.Value);
            w.WriteStartObject("from");
            WriteStratum(w, b.Claim.Stratum);
            w.WriteEndObject();
            w.WriteString("reason", b.Reason);
            Ids(w, "exceededBy", b.ExceededBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The names of the numbers of the object being written that the engine assumed rather than read.</summary>
    private static void Assumed(Utf8JsonWriter w, params string?[] names)
    {
        w.WriteStartArray("assumed");
        foreach (string? name in names)
        {
            if (name is not null)
            {
                w.WriteStringValue(name);
            }
        }

        w.WriteEndArray();
    }

    private static void WriteConsensus(Utf8JsonWriter w, Consensus c)
    {
        w.WriteStartObject();
        w.WriteString("method", EnumText.Camel(c.Method));
        w.WriteBoolean("empty", c.IsEmpty);
        Number(w, "low", c.IsEmpty ? null : c.Low);
        Number(w, "best", c.IsEmpty ? null : c.Best);
        Number(w, "high", c.IsEmpty ? null : c.High);
        Assumed(w, c.Assumed.HasFlag(EstimateParts.Low) ? "low" : null, c.Assumed.HasFlag(EstimateParts.Best) ? "best" : null,
            c.Assumed.HasFlag(EstimateParts.High) ? "high" : null);
        w.WriteString("explanation", c.Explanation);
        if (c.RandomEffects is { } re)
        {
            WriteRandomEffects(w, re);
        }

        w.WriteEndObject();
    }

    private static void WriteRandomEffects(Utf8JsonWriter w, RandomEffectsResult re)
    {
        w.WriteStartObject("randomEffects");
        w.WriteString("scale", "natural log");
        w.WriteNumber("estimate", re.Estimate);
        w.WriteNumber("standardError", re.StandardError);
        w.WriteNumber("tau2", re.Tau2);
        w.WriteNumber("i2", re.I2);
        w.WriteNumber("q", re.Q);
        w.WriteNumber("k", re.K);
        w.WriteNumber("ciLower", re.CiLower);
        w.WriteNumber("ciUpper", re.CiUpper);
        w.WriteNumber("piLower", re.PiLower);
        w.WriteNumber("piUpper", re.PiUpper);
        w.WriteEndObject();
    }

    /// <summary>"empty" and the bounds, which are null when there are none (a question without claims).</summary>
    private static void MaybeBounds(Utf8JsonWriter w, bool empty, Func<(double Lower, double Upper)> bounds)
    {
        w.WriteBoolean("empty", empty);
        if (empty)
        {
            w.WriteNull("lower");
            w.WriteNull("upper");
            w.WriteBoolean("upperOpen", false);
            return;
        }

        var (lower, upper) = bounds();
        Bounds(w, lower, upper);
    }

    private static void Bounds(Utf8JsonWriter w, double lower, double upper)
    {
        w.WriteNumber("lower", lower);
        Number(w, "upper", double.IsPositiveInfinity(upper) ? null : upper);
        w.WriteBoolean("upperOpen", double.IsPositiveInfinity(upper));
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Ids(Utf8JsonWriter w, string name, IEnumerable<AssessedClaim> claims)
    {
        w.WriteStartArray(name);
        foreach (AssessedClaim a in claims)
        {
            w.WriteStringValue(a.Claim.Id);
        }

        w.WriteEndArray();
    }
}

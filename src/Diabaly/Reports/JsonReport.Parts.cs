using System.Text.Json;
using Diabaly.Internal;
using Diabaly.Statistics;

namespace Diabaly;

/// <summary>The parts of the JSON report: a claim, a stratum, conflicts and bounds, an estimate, and numbers that may be open or missing.</summary>
internal static partial class JsonReport
{
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
        MaybeBounds(w, range.IsEmpty, () => (range.LowerValue, range.UpperValue));
        Number(w, "lowestStated", range.LowestStated);
        Number(w, "highestStated", range.HighestStated);
        w.WriteEndObject();
    }

    private static void WriteConflicts(Utf8JsonWriter w, string name, IEnumerable<ClaimPair> conflicts)
    {
        w.WriteStartArray(name);
        foreach (ClaimPair c in conflicts)
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

    /// <summary>Every conflict of a stratum counted by kind, listed or not, and how many bounds it has.</summary>
    private static void WriteCounts(Utf8JsonWriter w, StratumReport s)
    {
        w.WriteStartObject("conflictCounts");
        foreach (var (kind, count) in s.ConflictCounts.OrderBy(p => p.Key))
        {
            w.WriteNumber(EnumText.Camel(kind), count);
        }

        w.WriteEndObject();
        w.WriteNumber("boundCount", s.BoundCount);
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
            w.WriteNumber("exceededCount", b.ExceededCount);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The names of the numbers of the object being written that the engine assumed rather than read.</summary>
    private static void Assumed(Utf8JsonWriter w, params string?[] names) => Named(w, "assumed", names);

    /// <summary>An array of the names given, the nulls left out: which of low, best and high are assumed, or stated.</summary>
    private static void Named(Utf8JsonWriter w, string property, params string?[] names)
    {
        w.WriteStartArray(property);
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
        Named(w, "stated", c.Stated.HasFlag(EstimateParts.Low) ? "low" : null, c.Stated.HasFlag(EstimateParts.Best) ? "best" : null,
            c.Stated.HasFlag(EstimateParts.High) ? "high" : null);
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
        w.WriteNumber("estimate", re.LogEstimate);
        w.WriteNumber("standardError", re.LogStandardError);
        w.WriteNumber("tau2", re.Tau2);
        w.WriteNumber("i2", re.I2);
        w.WriteNumber("q", re.Q);
        w.WriteNumber("k", re.K);
        w.WriteNumber("ciLower", re.LogCiLower);
        w.WriteNumber("ciUpper", re.LogCiUpper);
        w.WriteNumber("piLower", re.LogPiLower);
        w.WriteNumber("piUpper", re.LogPiUpper);
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

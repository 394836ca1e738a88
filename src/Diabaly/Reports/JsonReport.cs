using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Diabaly.Statistics;

using Diabaly.Internal;

namespace Diabaly;

internal static partial class JsonReport
{
    public static string Write(ReconciliationReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>One question's object, as the report's <c>questions</c> array holds it.</summary>
    public static string Write(QuestionReport q)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteQuestion(w, q);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The version of the JSON schema this writes.</summary>
    public const int SchemaVersion = 2;

    private static JsonWriterOptions StreamOptions => new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    /// <summary>Writes the report to a stream as it goes, a question at a time, so that a large report is never held whole.</summary>
    public static void Write(ReconciliationReport report, Stream stream) => Write(report, stream, afterEach: null);

    /// <summary>Writes the report to a text writer a question at a time, through a buffer emptied after each.</summary>
    public static void Write(ReconciliationReport report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        void Drain()
        {
            writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }

        Write(report, buffer, Drain);
        Drain();
    }

    /// <summary>Writes the report to a stream asynchronously, flushing after each question.</summary>
    public static async Task WriteAsync(ReconciliationReport report, Stream stream, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using (var w = new Utf8JsonWriter(stream, StreamOptions))
        {
            WriteHead(w, report);
            w.WriteStartArray("questions");
            foreach (QuestionReport q in report.Questions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriteQuestion(w, q);
                await w.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            await w.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await stream.WriteAsync(NewLine.AsMemory(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static readonly byte[] NewLine = [(byte)'\n'];

    private static void Write(ReconciliationReport report, Stream stream, Action? afterEach)
    {
        using (var w = new Utf8JsonWriter(stream, StreamOptions))
        {
            WriteHead(w, report);
            w.WriteStartArray("questions");
            foreach (QuestionReport q in report.Questions)
            {
                WriteQuestion(w, q);
                w.Flush();
                afterEach?.Invoke();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.Write(NewLine);
    }

    /// <summary>Everything before the questions: the version, title, options, relations, sources and reliability.</summary>
    private static void WriteHead(Utf8JsonWriter w, ReconciliationReport report)
    {
        Dossier d = report.Dossier;
        ReconcileOptions o = report.Options;
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
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
        w.WriteNumber("minimumLogSd", o.MinimumLogSd);
        w.WriteStartObject("roundness");
        w.WriteNumber("minimumRelativeTolerance", o.Roundness.MinimumRelativeTolerance);
        w.WriteNumber("maximumRelativeTolerance", o.Roundness.MaximumRelativeTolerance);
        w.WriteEndObject();
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
        WriteReliability(w, report.Reliability);
    }

    /// <summary>What the dossier says of each source (<see cref="ReliabilityReport"/>), full precision.</summary>
    private static void WriteReliability(Utf8JsonWriter w, ReliabilityReport r)
    {
        w.WriteStartObject("reliability");
        w.WriteBoolean("learned", r.IsLearned);
        w.WriteNumber("questions", r.Questions);
        w.WriteNumber("iterations", r.Iterations);
        w.WriteBoolean("converged", r.IsConverged);
        w.WriteNumber("pooledErrorFactor", r.PooledErrorFactor);
        w.WriteString("explanation", r.Explanation);
        w.WriteStartArray("sources");
        foreach (SourceReliability s in r.Sources)
        {
            w.WriteStartObject();
            w.WriteString("source", s.Source.Id);
            w.WriteNumber("claimsUsed", s.ClaimsUsed);
            w.WriteNumber("errorFactor", s.ErrorFactor);
            w.WriteNumber("errorFactorLow", s.ErrorFactorLow);
            w.WriteNumber("errorFactorHigh", s.ErrorFactorHigh);
            w.WriteNumber("weightFactor", s.WeightFactor);
            w.WriteBoolean("learned", s.IsLearned);
            w.WriteStartArray("copies");
            foreach (CopyEvidence c in s.Copies)
            {
                w.WriteStringValue(c.Other(s.Source).Id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteCopies(w, r.Copies);
        w.WriteEndObject();
    }

    /// <summary>The copies found, as the report and a saved reliability report both write them.</summary>
    internal static void WriteCopies(Utf8JsonWriter w, IReadOnlyList<CopyEvidence> copies)
    {
        w.WriteStartArray("copies");
        foreach (CopyEvidence c in copies)
        {
            w.WriteStartObject();
            w.WriteString("first", c.First.Id);
            w.WriteString("second", c.Second.Id);
            w.WriteNumber("sharedValues", c.SharedValues);
            w.WriteNumber("sharedErrors", c.SharedErrors);
            w.WriteNumber("commonQuestions", c.CommonQuestions);
            w.WriteNumber("pValue", c.PValue);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteQuestion(Utf8JsonWriter w, QuestionReport q)
    {
        w.WriteStartObject();
        w.WriteString("id", q.Question.Id);
        w.WriteString("subject", q.Question.Subject);
        w.WriteString("unit", q.Question.Unit);
        w.WriteBoolean("cumulative", q.Question.Cumulative);
        w.WriteString("measure", q.Question.Measure == Measure.Amount ? "amount" : "count");
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
        WriteRange(w, q.Envelope);

        w.WriteStartObject("agreement");
        MaybeBounds(w, q.Agreement.IsEmpty, () => (q.Agreement.LowerValue, q.Agreement.UpperValue));
        w.WriteNumber("weight", q.Agreement.Weight);
        w.WriteNumber("fraction", q.Agreement.Fraction);
        Ids(w, "claims", q.Agreement.Claims);
        w.WriteEndObject();

        WriteConflicts(w, "conflicts", q.Conflicts);
        WriteCounts(w, q.Strata[0]);
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
            WriteRange(w, s.Envelope);
            w.WritePropertyName("consensus");
            WriteConsensus(w, s.Consensus);
            WriteConflicts(w, "conflicts", s.Conflicts);
            WriteCounts(w, s);
            WriteBounds(w, s.Bounds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteConflicts(w, "notComparable", q.NotComparable);
        w.WriteNumber("notComparableCount", q.NotComparableCount);
        w.WriteNumber("pairsNotCompared", q.PairsNotCompared);

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
}

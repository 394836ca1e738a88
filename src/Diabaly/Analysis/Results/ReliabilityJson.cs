using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Diabaly.Internal;

namespace Diabaly.Analysis;

/// <summary>The JSON form of a <see cref="ReliabilityReport"/>: everything <see cref="ConsensusMethod.Learned"/> needs to weigh the
/// claims of another dossier or stream, and everything the report shows, full precision (a number read back is the number
/// written, bit for bit).</summary>
internal static class ReliabilityJson
{
    public const int SchemaVersion = 1;

    private const string Kind = "diabaly-reliability";

    public static string Write(ReliabilityReport r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ReliabilityModel? m = r.Model;
            w.WriteStartObject();
            w.WriteString("kind", Kind);
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteNumber("questions", r.Questions);
            w.WriteNumber("iterations", r.Iterations);
            w.WriteBoolean("converged", r.IsConverged);
            Number(w, "pooledErrorFactor", r.PooledErrorFactor);
            if (m is null)
            {
                w.WriteNull("unknownVariance");
            }
            else
            {
                Number(w, "unknownVariance", m.UnknownVariance);
            }

            w.WriteNumber("copyPairs", m?.CopyPairs ?? 0);
            w.WriteStartArray("sources");
            foreach (SourceReliability s in r.Sources)
            {
                w.WriteStartObject();
                w.WriteString("id", s.Source.Id);
                w.WriteString("name", s.Source.Name);
                w.WriteString("kind", EnumText.Camel(s.Source.Kind));
                w.WriteString("access", EnumText.Camel(s.Source.Access));
                w.WriteString("role", s.Source.Role);
                w.WriteString("outlet", s.Source.Outlet);
                w.WriteString("side", s.Source.Side);
                Number(w, "weight", s.Source.Weight);
                w.WriteBoolean("learned", s.IsLearned);
                w.WriteNumber("claimsUsed", s.ClaimsUsed);
                Number(w, "errorFactor", s.ErrorFactor);
                Number(w, "errorFactorLow", s.ErrorFactorLow);
                Number(w, "errorFactorHigh", s.ErrorFactorHigh);
                Number(w, "weightFactor", s.WeightFactor);
                if (m is not null && m.Variances.TryGetValue(s.Source.Id, out double v))
                {
                    Number(w, "variance", v);
                }
                else
                {
                    w.WriteNull("variance");
                }

                w.WriteString("copyGroup", m is not null && m.CopyGroups.TryGetValue(s.Source.Id, out string? g) ? g : null);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            JsonReport.WriteCopies(w, r.Copies);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Infinity has no JSON number; it is written as the string "Infinity".</summary>
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteString(name, value > 0 ? "Infinity" : "-Infinity");
        }
    }

    public static ReliabilityReport Read(string json, string? file)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("kind", out JsonElement kind) || kind.GetString() != Kind)
            {
                throw Refuse($"not a reliability report: expected an object with \"kind\": \"{Kind}\"", file);
            }

            int version = root.GetProperty("schemaVersion").GetInt32();
            if (version != SchemaVersion)
            {
                throw Refuse($"reliability schema version {version}; this version of Diabaly reads version {SchemaVersion}", file);
            }

            var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
            var list = new List<(JsonElement Element, Source Source)>();
            foreach (JsonElement e in root.GetProperty("sources").EnumerateArray())
            {
                var s = new Source(e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!)
                {
                    Kind = EnumText.ParseCamel<SourceKind>(e.GetProperty("kind").GetString()!),
                    Access = EnumText.ParseCamel<SourceAccess>(e.GetProperty("access").GetString()!),
                    Role = e.GetProperty("role").GetString(),
                    Outlet = e.GetProperty("outlet").GetString(),
                    Side = e.GetProperty("side").GetString(),
                    Weight = Double(e.GetProperty("weight")),
                };
                sources.Add(s.Id, s);
                list.Add((e, s));
            }

            Source Named(JsonElement e) => sources.TryGetValue(e.GetString()!, out Source? s) ? s
                : throw Refuse($"a copy names source '{Excerpt.Of(e.GetString())}', which the report does not list", file);
            var copies = root.GetProperty("copies").EnumerateArray().Select(c => new CopyEvidence(Named(c.GetProperty("first")), Named(c.GetProperty("second")),
                c.GetProperty("sharedValues").GetInt32(), c.GetProperty("sharedErrors").GetInt32(), c.GetProperty("commonQuestions").GetInt32(),
                Double(c.GetProperty("pValue")))).ToList();

            var variances = new Dictionary<string, double>(StringComparer.Ordinal);
            var groups = new Dictionary<string, string>(StringComparer.Ordinal);
            var reliabilities = new List<SourceReliability>();
            foreach (var (e, s) in list)
            {
                if (e.GetProperty("variance") is { ValueKind: not JsonValueKind.Null } v)
                {
                    variances.Add(s.Id, Double(v));
                }

                if (e.GetProperty("copyGroup").GetString() is { } g)
                {
                    groups.Add(s.Id, g);
                }

                reliabilities.Add(new SourceReliability(s, e.GetProperty("claimsUsed").GetInt32(), Double(e.GetProperty("errorFactor")),
                    Double(e.GetProperty("errorFactorLow")), Double(e.GetProperty("errorFactorHigh")), Double(e.GetProperty("weightFactor")),
                    ReadOnly.List(copies.Where(c => c.First.Id == s.Id || c.Second.Id == s.Id).ToList()))
                { IsLearned = e.GetProperty("learned").GetBoolean() });
            }

            int questions = root.GetProperty("questions").GetInt32();
            ReliabilityModel? model = root.GetProperty("unknownVariance") is { ValueKind: not JsonValueKind.Null } u
                ? new ReliabilityModel(variances, groups, Double(u), questions, root.GetProperty("copyPairs").GetInt32())
                : null;
            return new ReliabilityReport(questions, root.GetProperty("iterations").GetInt32(), root.GetProperty("converged").GetBoolean(),
                Double(root.GetProperty("pooledErrorFactor")), ReadOnly.List(reliabilities), ReadOnly.List(copies), model);
        }
        catch (JsonException e)
        {
            throw new UnreadableInputException(Diagnostic.Error(DiagnosticCodes.ReliabilityJson, (e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1,
                "not valid JSON: " + Excerpt.Of(e.Message), file));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw Refuse("not a reliability report of this version: " + Excerpt.Of(e.Message.Split(" (Parameter", 2)[0]), file);
        }
    }

    private static double Double(JsonElement e) => e.ValueKind == JsonValueKind.String && e.GetString() is "Infinity" ? double.PositiveInfinity
        : e.ValueKind == JsonValueKind.String && e.GetString() is "-Infinity" ? double.NegativeInfinity
        : e.GetDouble();

    private static UnreadableInputException Refuse(string message, string? file)
        => new(Diagnostic.Error(DiagnosticCodes.ReliabilityJson, 0, 0, message, file));
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Diabaly.Tests.Schemas;

/// <summary>The repository's JSON Schemas (<c>schemas/</c>), evaluated by JsonSchema.Net as an editor's language server evaluates them,
/// and YAML turned into the JSON an editor validates: scalars typed by the YAML 1.2 core schema, as the YAML language server types
/// them (a plain <c>400</c> is a number, <c>true</c> a boolean, an empty value null, anything quoted a string).</summary>
internal static class Schemas
{
    private static readonly Lazy<JsonSchema> DossierSchema = new(() => Load("dossier.schema.json"));

    private static readonly Lazy<JsonSchema> ReportSchema = new(() => Load("report.schema.json"));

    private static readonly Lazy<JsonSchema> ReliabilitySchema = new(() => Load("reliability.schema.json"));

    public static JsonSchema Reliability => ReliabilitySchema.Value;

    public static JsonSchema Dossier => DossierSchema.Value;

    public static JsonSchema Report => ReportSchema.Value;

    private static readonly EvaluationOptions List = new() { OutputFormat = OutputFormat.List };

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "schemas", file);

    private static JsonSchema Load(string file) => JsonSchema.FromText(File.ReadAllText(Path(file)));

    /// <summary>What the schema finds wrong with the instance, one line per error with its place; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonElement instance)
    {
        EvaluationResults results = schema.Evaluate(instance, List);
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return Errors(schema, doc.RootElement.Clone());
    }

    /// <summary>A YAML document as the JSON the YAML language server checks against a schema.</summary>
    public static JsonElement FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        JsonNode? node = Convert(stream.Documents[0].RootNode);
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value ?? string.Empty, Convert(e.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    /// <summary>The YAML 1.2 core schema's resolution of a plain scalar (null, bool, int in decimal, 0x hex or 0o octal, float); a
    /// quoted scalar stays a string, and so do infinities and NaN, which JSON cannot hold.</summary>
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(text, "^[-+]?[0-9]+$") && decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal integer))
        {
            return JsonValue.Create(integer);
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(text, "^0x[0-9a-fA-F]{1,15}$") || System.Text.RegularExpressions.Regex.IsMatch(text, "^0o[0-7]{1,20}$"))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], text[1] == 'x' ? 16 : 8));
        }

        if (System.Text.RegularExpressions.Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }
}

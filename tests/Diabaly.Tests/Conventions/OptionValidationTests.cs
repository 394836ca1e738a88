namespace Diabaly.Tests.Conventions;

/// <summary>Options refuse what cannot work where they are made, naming the property (#25, item 4): an error said
/// "value must be in [1, 1000000]; received 0.5 (Parameter 'value')", and a table's options checked nothing.</summary>
public class OptionValidationTests
{
    public static TheoryData<string, Func<object>> Impossible => new()
    {
        { "Tolerance", () => ReconcileOptions.Default with { Tolerance = 0.5 } },
        { "LowQuantile", () => ReconcileOptions.Default with { LowQuantile = 0.9 } },
        { "MaxListedPairs", () => ReconcileOptions.Default with { MaxListedPairs = 0 } },
        { "Roundness", () => ReconcileOptions.Default with { Roundness = null! } },
        { "MaxDepth", () => DossierReadOptions.Default with { MaxDepth = 0 } },
        { "MaxErrors", () => DossierReadOptions.Default with { MaxErrors = -1 } },
        { "QuantityOptions", () => DossierReadOptions.Default with { QuantityOptions = null! } },
        { "Language", () => QuantityParseOptions.Default with { Language = (QuantityLanguage)9 } },
        { "Lexicon", () => QuantityParseOptions.Default with { Lexicon = null! } },
        { "MaxErrors", () => ClaimTableReadOptions.Default with { MaxErrors = -5 } },
        { "QuantityOptions", () => ClaimTableReadOptions.Default with { QuantityOptions = null! } },
        { "Separator", () => ClaimTableReadOptions.Default with { Separator = '"' } },
        { "Separator", () => ClaimTableReadOptions.Default with { Separator = '\n' } },
        { "Separator", () => ClaimTableReadOptions.Default with { Separator = '\u001B' } },
        { "MaxClaimsPerQuestion", () => ClaimTableReadOptions.Default with { MaxClaimsPerQuestion = 0 } },
        { "Weight", () => new Source("s", "S") { Weight = 0 } },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void AnImpossibleOption_IsRefused_NamingItsProperty(string property, Func<object> make)
    {
        ArgumentException e = new Action(() => make()).Should().Throw<ArgumentException>().Which;
        e.ParamName.Should().Be(property);
        if (e is ArgumentOutOfRangeException && e.Message.Contains("must", StringComparison.Ordinal))
        {
            e.Message.Should().StartWith(property + " must", "the message names the property, not 'value'");
        }
    }

    [Fact]
    public void PossibleOptions_AreKept()
    {
        (ClaimTableReadOptions.Default with { Separator = '\t', MaxErrors = 0 }).Separator.Should().Be('\t');
        (ClaimTableReadOptions.Default with { Separator = ';' }).Separator.Should().Be(';');
        (ClaimTableReadOptions.Default with { Separator = null }).Separator.Should().BeNull();
        (QuantityParseOptions.Default with { Language = QuantityLanguage.Spanish }).Language.Should().Be(QuantityLanguage.Spanish);
    }
}

/// <summary>Every property of every options record is checked where it is set, found by reflection (#25): a value no setting can
/// take (NaN, a negative count, an undefined enum value, null, a quote as separator) is refused naming the property. Booleans, and the
/// Definitions dossier of a table (any dossier is one), have no impossible value.</summary>
public class EveryOptionIsValidatedTests
{
    [Fact]
    public void EveryOptionsProperty_RefusesAnImpossibleValue_NamingItself()
    {
        Type[] options = [.. typeof(Quantity).Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))];
        options.Select(t => t.Name).Should().BeEquivalentTo(["ReconcileOptions", "DossierReadOptions", "QuantityParseOptions", "ClaimTableReadOptions"]);
        var unchecked_ = new List<string>();
        int checkedCount = 0;
        foreach (Type t in options)
        {
            object defaults = t.GetProperty("Default")!.GetValue(null)!;
            foreach (var p in t.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.SetMethod is not null))
            {
                object?[] impossible = Impossible(p.PropertyType);
                if (impossible.Length == 0)
                {
                    continue;
                }

                foreach (object? value in impossible)
                {
                    object copy = t.GetMethod("<Clone>$")!.Invoke(defaults, null)!;
                    try
                    {
                        p.SetMethod!.Invoke(copy, [value]);
                        unchecked_.Add($"{t.Name}.{p.Name} = {value ?? "null"}");
                    }
                    catch (System.Reflection.TargetInvocationException e) when (e.InnerException is ArgumentException a)
                    {
                        a.ParamName.Should().Be(p.Name, $"{t.Name}.{p.Name} = {value ?? "null"} names the property");
                        checkedCount++;
                    }
                }
            }
        }

        unchecked_.Should().BeEmpty();
        checkedCount.Should().BeGreaterThan(40);
    }

    private static object?[] Impossible(Type type)
    {
        Type inner = Nullable.GetUnderlyingType(type) ?? type;
        object?[] values = inner switch
        {
            _ when inner == typeof(double) => [double.NaN, -1.0, double.PositiveInfinity],
            _ when inner == typeof(int) => [-1, int.MinValue],
            _ when inner == typeof(long) => [-1L, long.MinValue],
            _ when inner.IsEnum => [Enum.ToObject(inner, 999)],
            _ when inner == typeof(char) => ['"', '\n'],
            _ when inner == typeof(bool) || inner == typeof(Dossier) => [],
            _ => [null],
        };
        return type == inner || inner == typeof(char) ? values : values.Where(v => v is not null).ToArray();
    }
}

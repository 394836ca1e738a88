namespace Diabaly.Internal;

/// <summary>Enumeration names as the file formats write them: kebab-case in dossiers and CSV, camelCase in JSON.</summary>
internal static class EnumText
{
    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }

    public static string Camel<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The value whose camelCase name this is, as JSON writes it.</summary>
    /// <exception cref="FormatException">No value has that name.</exception>
    public static T ParseCamel<T>(string text)
        where T : struct, Enum
        => Enum.GetValues<T>().FirstOrDefault(v => Camel(v) == text) is var v && Camel(v) == text ? v
         : throw new FormatException($"'{Excerpt.Of(text)}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(Camel))}");

    /// <summary>Every value of <typeparamref name="T"/> by its kebab-case name, as dossiers and claim tables write them.</summary>
    public static IReadOnlyDictionary<string, T> ByKebab<T>()
        where T : struct, Enum
        => Names<T>.ByKebab;

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, T> ByKebab = Enum.GetValues<T>().ToDictionary(Kebab, v => v, StringComparer.Ordinal);
    }
}

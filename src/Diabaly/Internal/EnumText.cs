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
}

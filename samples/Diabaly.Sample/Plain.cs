using Spectre.Console;

namespace Diabaly.Sample;

/// <summary>Text from a dossier, made safe for Spectre's markup and for a terminal: markup escaped, tabs as spaces (a tab's width
/// depends on the terminal, so a table with one would overflow), every line break as "\n" (a lone carriage return would overwrite).</summary>
internal static class Plain
{
    public static string Esc(string text) => Markup.Escape(text.ReplaceLineEndings("\n").Replace('\t', ' '));

    /// <summary>An enum member's name as the dossier and the command line spell it: "LocalOfficial" → "local-official".</summary>
    public static string Kebab(string name)
        => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

using Spectre.Console;

namespace Diabaly.Sample;

/// <summary>Text from a dossier, made safe for Spectre's markup and for a terminal: markup escaped, tabs as spaces (a tab's width
/// depends on the terminal, so a table with one would overflow), every line break as "\n" (a lone carriage return would overwrite).</summary>
internal static class Plain
{
    public static string Esc(string text) => Markup.Escape(text.ReplaceLineEndings("\n").Replace('\t', ' '));
}

using System.Globalization;

namespace Diabaly;

/// <summary>What makes a CSV cell safe to open in a spreadsheet.</summary>
internal static class Spreadsheet
{
    /// <summary>A text cell that a spreadsheet would take for a formula (it begins with '=', '+', '-', '@', a tab or a carriage
    /// return: <c>=HYPERLINK(…)</c>, <c>+cmd|' /C calc'!A0</c>) gets a leading apostrophe, as OWASP advises, so that it opens as the
    /// text it is; a number ("-0.5", "1e-9") is left as it is.</summary>
    public static string Neutralize(string cell)
        => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
           && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + cell
            : cell;
}

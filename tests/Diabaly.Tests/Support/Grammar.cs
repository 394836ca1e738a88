using System.Diagnostics.CodeAnalysis;

namespace Diabaly.Tests;

/// <summary>The shapes of <c>Quantity.TryParse</c> that tests of the grammar's messages want: the error as text, and the warnings
/// apart. Built on the public <see cref="Quantity.TryParse(string?, QuantityParseOptions?, out Quantity?, out IReadOnlyList{Diagnostic})"/>,
/// which gives both as <see cref="Diagnostic"/>s; the assertions check its codes and severities where they matter.</summary>
internal static class Grammar
{
    extension(Quantity)
    {
        public static bool TryParse([NotNullWhen(true)] string? text, QuantityParseOptions? options, [NotNullWhen(true)] out Quantity? quantity, [NotNullWhen(false)] out string? error)
            => Quantity.TryParse(text, options, out quantity, out error, out _);

        public static bool TryParse([NotNullWhen(true)] string? text, QuantityParseOptions? options, [NotNullWhen(true)] out Quantity? quantity, [NotNullWhen(false)] out string? error, out IReadOnlyList<Diagnostic> warnings)
        {
            bool read = Quantity.TryParse(text, options, out quantity, out IReadOnlyList<Diagnostic> diagnostics);
            if (diagnostics.Any(d => d.Severity != (read ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)) || (!read && diagnostics.Count != 1))
            {
                throw new InvalidOperationException("A failure gives one error, a success only warnings.");
            }

            error = read ? null : diagnostics.Single().Message;
            warnings = read ? diagnostics : [];
            return read;
        }
    }
}

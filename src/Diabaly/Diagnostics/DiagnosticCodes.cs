namespace Diabaly;

/// <summary>The codes of <see cref="Diagnostic"/>, one per kind of problem, as <c>docs/diagnostics.md</c> lists them. Internal: the
/// list a caller relies on is the documented one, which a test holds to this class.</summary>
internal static class DiagnosticCodes
{
    // Any input.
    public const string Unreadable = "DY0001";
    public const string TooLarge = "DY0002";
    public const string NotAFile = "DY0003";
    public const string Malformed = "DY0004";

    // Dossiers (YAML).
    public const string Syntax = "DY1001";
    public const string Structure = "DY1002";
    public const string Identifier = "DY1003";
    public const string Duplicate = "DY1004";
    public const string Undefined = "DY1005";
    public const string Setting = "DY1006";

    // Values in words or numbers.
    public const string NotAQuantity = "DY2001";
    public const string AmbiguousSeparator = "DY2101";
    public const string IgnoredWords = "DY2102";

    // Strata: scopes, times, targets.
    public const string Relations = "DY3001";
    public const string UnknownTargetLabel = "DY3002";
    public const string UnusedLabel = "DY3101";

    // Claim tables (CSV, TSV, Parquet).
    public const string Header = "DY4001";
    public const string Cell = "DY4002";
    public const string Damaged = "DY4003";
    public const string Order = "DY4004";

    // Copies seen while reading.
    public const string SharedFigure = "DY5101";
    public const string MoreWarnings = "DY5102";

    // Saved reliability reports.
    public const string ReliabilityJson = "DY6001";
}

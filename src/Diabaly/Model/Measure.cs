namespace Diabaly;

/// <summary>What a question's figures are: counts of whole things, or amounts that may have a fraction.</summary>
/// <remarks>Members may be added in a later version; each has an explicit value.</remarks>
public enum Measure
{
    /// <summary>Whole things: people, vehicles, deaths. No bound and no printed estimate has a fraction; a precise figure ("47")
    /// is read as exactly itself, a round one ("400") by its roundness.</summary>
    Count = 0,

    /// <summary>An amount with a unit that divides (tonnes, km², dollars): bounds and estimates keep their fractions.</summary>
    Amount = 1,
}

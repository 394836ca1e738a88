namespace Diabaly;

/// <summary>What kind of statement a source made about a number.</summary>
public enum QuantityKind
{
    /// <summary>A plain number, as in "400 men": <see cref="Quantity.Lower"/> = <see cref="Quantity.Upper"/> = <see cref="Quantity.Central"/>.</summary>
    Exact = 0,

    /// <summary>A number the source marked as approximate ("about 2,000", "next to 100", "a dozen", "20 or so"); it always has a central value.</summary>
    Approximate = 1,

    /// <summary>Two figures, a low and a high ("250–300", "between 1,200 and 1,300"); its central value is null unless one was given.</summary>
    Range = 2,

    /// <summary>A lower bound only ("at least five", "more than a thousand", "4+"); <see cref="Quantity.Upper"/> is positive infinity.</summary>
    AtLeast = 3,

    /// <summary>An upper bound only ("at most seven", "up to 300"); <see cref="Quantity.Lower"/> is zero unless stated.</summary>
    AtMost = 4,

    /// <summary>A vague amount read through a <see cref="VagueLexicon"/> ("several hundred", "dozens", "many").</summary>
    Vague = 5,
}

/// <summary>The language in which quantities are written, which decides the number words and the number format.</summary>
public enum QuantityLanguage
{
    /// <summary>English: <c>1,200</c> is twelve hundred and <c>1.5</c> is one and a half.</summary>
    English = 0,

    /// <summary>French: <c>1 200</c> and <c>1.200</c> are twelve hundred and <c>1,5</c> is one and a half.</summary>
    French = 1,

    /// <summary>Spanish: <c>1.200</c> and <c>1 200</c> are twelve hundred and <c>1,5</c> is one and a half.</summary>
    Spanish = 2,
}

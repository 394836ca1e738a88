namespace Diabaly;

/// <summary>What kind of source made a claim.</summary>
public enum SourceKind
{
    /// <summary>Not known or not stated.</summary>
    Unknown = 0,

    /// <summary>A reporter or a news organization's correspondent.</summary>
    Journalist = 1,

    /// <summary>A government official speaking for a ministry or a government.</summary>
    Official = 2,

    /// <summary>A military officer or a military spokesperson.</summary>
    Military = 3,

    /// <summary>A local official: a mayor, a prefect, a governor.</summary>
    LocalOfficial = 4,

    /// <summary>A party to the fighting speaking for itself.</summary>
    Belligerent = 5,

    /// <summary>Someone who saw what they report.</summary>
    Eyewitness = 6,

    /// <summary>A resident of the place, not necessarily an eyewitness.</summary>
    Resident = 7,

    /// <summary>A news agency (AFP, Reuters) or an NGO's report.</summary>
    Agency = 8,

    /// <summary>A compilation of other sources: an encyclopedia infobox, a dataset.</summary>
    Compiler = 9,

    /// <summary>A research study: a university team, a paper in a journal, a survey with a stated method.</summary>
    Research = 10,

    /// <summary>A non-governmental organization or a monitor (a human-rights group, a casualty count such as Iraq Body Count).</summary>
    Ngo = 11,

    /// <summary>The organisers of what is counted, speaking of their own event: a union counting its march, a party its rally.</summary>
    Organiser = 12,

    /// <summary>A company: a consultancy, a counting firm, a contractor.</summary>
    Company = 13,
}

/// <summary>How close a source was to what it reports.</summary>
public enum SourceAccess
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>The source saw or counted it.</summary>
    FirstHand = 1,

    /// <summary>The source repeats what others told it.</summary>
    SecondHand = 2,
}

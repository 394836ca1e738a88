namespace Diabaly;

/// <summary>What kind of source made a claim.</summary>
public enum SourceKind
{
    /// <summary>Not known or not stated.</summary>
    Unknown,

    /// <summary>A reporter or a news organization's correspondent.</summary>
    Journalist,

    /// <summary>A government official speaking for a ministry or a government.</summary>
    Official,

    /// <summary>A military officer or a military spokesperson.</summary>
    Military,

    /// <summary>A local official: a mayor, a prefect, a governor.</summary>
    LocalOfficial,

    /// <summary>A party to the fighting speaking for itself.</summary>
    Belligerent,

    /// <summary>Someone who saw what they report.</summary>
    Eyewitness,

    /// <summary>A resident of the place, not necessarily an eyewitness.</summary>
    Resident,

    /// <summary>A news agency (AFP, Reuters) or an NGO's report.</summary>
    Agency,

    /// <summary>A compilation of other sources: an encyclopedia infobox, a dataset.</summary>
    Compiler,

    /// <summary>A research study: a university team, a paper in a journal, a survey with a stated method.</summary>
    Research,

    /// <summary>A non-governmental organization or a monitor (a human-rights group, a casualty count such as Iraq Body Count).</summary>
    Ngo,

    /// <summary>The organisers of what is counted, speaking of their own event: a union counting its march, a party its rally.</summary>
    Organiser,

    /// <summary>A company: a consultancy, a counting firm, a contractor.</summary>
    Company,
}

/// <summary>How close a source was to what it reports.</summary>
public enum SourceAccess
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>The source saw or counted it.</summary>
    FirstHand,

    /// <summary>The source repeats what others told it.</summary>
    SecondHand,
}

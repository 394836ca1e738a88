namespace Diabaly.Tests.Support;

/// <summary>Assertions on dossiers the reader refuses: each error with its line, its column and what it says.</summary>
internal static class DossierAssert
{
    public static UnreadableInputException Fails(string yaml)
    {
        Action act = () => Dossier.Parse(yaml);
        return act.Should().Throw<UnreadableInputException>().Which;
    }

    public static void FailsAt(string yaml, int line, int column, string fragment)
    {
        UnreadableInputException e = Fails(yaml);
        e.Errors.Should().Contain(err => err.Line == line && err.Column == column && err.Message.Contains(fragment),
            "expected an error at {0}:{1} containing \"{2}\", but got:\n{3}", line, column, fragment, e.Message);
    }
}

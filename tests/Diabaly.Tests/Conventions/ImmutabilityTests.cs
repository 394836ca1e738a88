using System.Reflection;
using System.Runtime.CompilerServices;

namespace Diabaly.Tests.Conventions;

/// <summary>Every public type of the library is immutable: no public setter but init, no writable field, sealed or static. The
/// one exception is <see cref="ClaimTableReader"/>, which reads a file as it goes, like a stream: what it gives is immutable.</summary>
public class ImmutabilityTests
{
    private static readonly Type[] PublicTypes = typeof(Quantity).Assembly.GetExportedTypes()
        .Where(t => !t.IsEnum && !typeof(Exception).IsAssignableFrom(t))
        .ToArray();

    private static readonly Type[] Immutable = PublicTypes.Where(t => t != typeof(ClaimTableReader)).ToArray();

    [Fact]
    public void PublicTypes_AreFound()
        => PublicTypes.Select(t => t.Name).Should().Contain(["Quantity", "Claim", "Dossier", "ReconciliationReport", "QuestionReport", "Consensus"]);

    [Fact]
    public void PublicTypes_HaveNoPublicSetterButInit()
    {
        var offenders = Immutable
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } set
                            && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        offenders.Should().BeEmpty();
    }

    [Fact]
    public void PublicTypes_HaveOnlyReadOnlyFields()
    {
        var offenders = Immutable
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{t.Name}.{f.Name}"))
            .ToList();
        offenders.Should().BeEmpty();
    }

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
        => PublicTypes.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.Name).Should().BeEmpty();
}

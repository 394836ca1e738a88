using System.Reflection;
using System.Runtime.CompilerServices;

namespace Diabaly.Tests.Conventions;

/// <summary>Every public type of the library is immutable: no public setter but init, no writable field, sealed or static.</summary>
public class ImmutabilityTests
{
    private static readonly Type[] PublicTypes = typeof(Quantity).Assembly.GetExportedTypes()
        .Where(t => !t.IsEnum && !typeof(Exception).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void PublicTypes_AreFound()
        => PublicTypes.Select(t => t.Name).Should().Contain(["Quantity", "Claim", "Dossier", "ReconciliationReport", "QuestionReport", "Consensus"]);

    [Fact]
    public void PublicTypes_HaveNoPublicSetterButInit()
    {
        var offenders = PublicTypes
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
        var offenders = PublicTypes
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

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
    /// <summary>Every list, collection or map the library hands out, walked from a reconciled sample dossier and its report, is a
    /// read-only wrapper: an array behind <c>IReadOnlyList</c> could be cast back and changed, and an "immutable" dossier with it
    /// (#25, item 9).</summary>
    [Fact]
    public void EveryCollectionHandedOut_CannotBeCastBackAndChanged()
    {
        Dossier d = Support.Some.Diabaly();
        ReconciliationReport r = Reconciler.Reconcile(d);
        var offenders = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([d, r, r.Reliability, Quantity.Parse("about 2,000"), DossierReadOptions.Default, ClaimTableReadOptions.Default, ReconcileOptions.Default]);
        while (pending.Count > 0)
        {
            object o = pending.Pop();
            if (!seen.Add(o) || seen.Count > 200_000)
            {
                continue;
            }

            foreach (PropertyInfo p in o.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                object? value;
                try
                {
                    value = p.GetValue(o);
                }
                catch (TargetInvocationException)
                {
                    continue; // the getters that throw on an empty estimate are #25's item 1
                }

                if (value is null || value is string)
                {
                    continue;
                }

                if (value is System.Collections.IEnumerable items)
                {
                    if (value is Array || (value is System.Collections.IList { IsReadOnly: false }) || (value is System.Collections.IDictionary { IsReadOnly: false })
                        || value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>)))
                    {
                        offenders.Add($"{o.GetType().Name}.{p.Name} ({value.GetType().Name})");
                    }

                    foreach (object? item in items)
                    {
                        object? element = item?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? t.GetProperty("Value")!.GetValue(item) : item;
                        if (element is not null && element.GetType().Assembly == typeof(Quantity).Assembly)
                        {
                            pending.Push(element);
                        }
                    }
                }
                else if (value.GetType().Assembly == typeof(Quantity).Assembly && !value.GetType().IsEnum)
                {
                    pending.Push(value);
                }
            }
        }

        offenders.Should().BeEmpty("these are mutable behind a read-only interface: " + string.Join("; ", offenders));
    }
}

using System.Reflection;
using System.Text.Json.Serialization;

namespace Cch.Criterion;

/// <summary>
/// The names of the <see cref="EstimatorFamily"/> values as users type them (<c>--estimator</c>,
/// config files, reports): the one list every front end and schema is checked against.
/// </summary>
public static class EstimatorFamilyNames
{
    private static readonly (string Name, EstimatorFamily Family)[] Table =
        Enum.GetValues<EstimatorFamily>()
            .Select(f => (typeof(EstimatorFamily).GetField(f.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name, f))
            .ToArray();

    /// <summary>Every family name, in declaration order (<c>auto</c> first).</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(t => t.Name).ToArray();

    /// <summary>Every (name, family) pair, in declaration order.</summary>
    public static IReadOnlyList<(string Name, EstimatorFamily Family)> Pairs => Table;

    /// <summary>The name of <paramref name="family"/>, e.g. <c>cca-ksg</c>.</summary>
    public static string Of(EstimatorFamily family) => Table.First(t => t.Family == family).Name;
}

using Cch.Data;

namespace Cch.Examples;

/// <summary>A generated dataset with the exact answers it should give.</summary>
/// <param name="Name">The example's name (<c>gaussian</c>).</param>
/// <param name="Description">One paragraph saying what was generated.</param>
/// <param name="Data">Teachers, student and label, aligned.</param>
/// <param name="ClosedForm">Exact mutual informations per teacher name.</param>
public sealed record ExampleData(string Name, string Description, Dataset Data, IReadOnlyDictionary<string, ClosedFormReference> ClosedForm);

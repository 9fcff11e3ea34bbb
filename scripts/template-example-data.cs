#!/usr/bin/env -S dotnet run
#:project ../src/Cch.Core/Cch.Core.csproj
// Writes the example datasets that the `dotnet new` templates ship when no --data is given
// (Cch.Examples.StarterData: 500 rows, seed 0) into templates/example-data/. A test
// (tests/Cch.Core.Tests/Examples/StarterDataTests.cs) fails when the shipped files differ from what this writes.
// Usage, from the repository root: dotnet run scripts/template-example-data.cs
using Cch.Data;
using Cch.Examples;

var folder = Path.Combine("templates", "example-data");
foreach (var kind in new[] { LabelKind.Classification, LabelKind.Regression })
{
    var path = Path.Combine(folder, StarterData.FileName(kind));
    await using (var file = File.Create(path)) await StarterData.WriteAsync(file, kind);
    Console.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
}

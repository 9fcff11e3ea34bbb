using Cch.Data;
using Cch.Examples;

namespace Cch.Tests.Examples;

/// <summary>The example data the templates ship (templates/example-data/) and the generator that writes it.</summary>
public sealed class StarterDataTests
{
    [Theory]
    [InlineData(LabelKind.Classification)]
    [InlineData(LabelKind.Regression)]
    public async Task The_shipped_file_holds_what_the_seeded_generator_writes(LabelKind kind)
    {
        // If this fails after a change to the generator, regenerate: dotnet run scripts/template-example-data.cs
        var shipped = Path.Combine(TestPaths.RepoRoot, "templates", "example-data", StarterData.FileName(kind));
        var expected = StarterData.Create(kind);

        var read = await DatasetLoader.LoadAsync(new DataRequest
        {
            Teachers = [new ColumnSpec(shipped, "teacher")],
            Student = new ColumnSpec(shipped, "student"),
            Label = new ColumnSpec(shipped, "label"),
        });

        Assert.Equal(kind, read.Label.Kind);
        Assert.Equal(StarterData.DefaultRows, read.Rows);
        Assert.Equal((2, 4), (read.Teachers[0].Columns, read.Student.Columns));
        Assert.Equal(expected.Teachers[0].Values.Select(v => (double)(float)v), read.Teachers[0].Values);
        Assert.Equal(expected.Student.Values.Select(v => (double)(float)v), read.Student.Values);
        if (kind == LabelKind.Classification) Assert.Equal(expected.Label.Classes, read.Label.Classes);
        else Assert.Equal(expected.Label.Values, read.Label.Values);
        Assert.InRange(new FileInfo(shipped).Length, 1, 40_000); // it travels in the template package
    }

    [Fact]
    public void The_classes_are_the_terciles_of_the_gaussian_examples_target()
    {
        // Y ~ N(0, 3) is cut at ±√3·Φ⁻¹(2/3) (Φ⁻¹(2/3) = 0.4307273, from a normal table): each class has
        // probability 1/3, and the class is a function of the regression file's Y.
        var cut = Math.Sqrt(3) * 0.4307273;
        var classes = StarterData.Create(LabelKind.Classification, rows: 6000, seed: 1).Label.Classes!;
        var y = StarterData.Create(LabelKind.Regression, rows: 6000, seed: 1).Label.Values!;

        for (var c = 0; c < 3; c++) Assert.InRange(classes.Count(v => v == c) / 6000.0, 0.31, 0.357); // ±4 binomial SD
        Assert.All(Enumerable.Range(0, y.Length), i => Assert.Equal(y[i] < -cut ? 0 : y[i] < cut ? 1 : 2, classes[i]));
    }

    [Fact]
    public void The_teacher_is_the_gaussian_examples_aligned_teacher_and_the_same_seed_gives_the_same_rows()
    {
        var example = GaussianExample.Create(StarterData.DefaultRows, StarterData.DefaultSeed).Data;
        var first = StarterData.Create(LabelKind.Regression);
        var second = StarterData.Create(LabelKind.Regression);

        Assert.Equal(example.Teachers.Single(t => t.Name == "aligned").Values, first.Teachers[0].Values);
        Assert.Equal(example.Student.Values, first.Student.Values);
        Assert.Equal(first.Student.Values, second.Student.Values);
        Assert.Equal(("teacher", "student", "label"), (first.Teachers[0].Name, first.Student.Name, first.Label.Name));
    }
}

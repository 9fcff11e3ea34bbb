using System.Security.Cryptography;
using Cch.Data;

namespace Cch.Tests.Data;

/// <summary>Shared helpers; the tests are split by theme over the partial files.</summary>
public sealed partial class DatasetLoaderTests
{
    private static string Fixture(string name) => TestPaths.ParquetFixture(name);

    /// <summary>A request over one fixture file (specs without a path).</summary>
    private static DataRequest OneFile(string file, string[] teachers, string student, string label,
        string[]? where = null, TaskKind task = TaskKind.Auto, string? key = null) => new()
    {
        DataPath = Fixture(file),
        BaseDirectory = TestPaths.TestAssets,
        Teachers = teachers.Select(ColumnSpec.Parse).ToList(),
        Student = ColumnSpec.Parse(student),
        Label = ColumnSpec.Parse(label),
        Filters = (where ?? []).Select(RowFilter.Parse).ToList(),
        Task = task,
        Key = key,
    };

    private static Task<Dataset> Load(DataRequest request) => DatasetLoader.LoadAsync(request);

    private static async Task<CchInputException> Fails(DataRequest request) =>
        await Assert.ThrowsAsync<CchInputException>(() => DatasetLoader.LoadAsync(request));

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static double[] Row(FeatureMatrix m, int row) => m.Row(row).ToArray();
}

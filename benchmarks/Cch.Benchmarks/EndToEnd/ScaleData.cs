using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Cch.Benchmarks.EndToEnd;

/// <summary>
/// Writes the scale benchmark's input (<c>write-scale ROWS DIMS PATH</c>): a Parquet file with <c>id</c> (int64),
/// <c>teacher</c> and <c>student</c> (each <c>list&lt;float&gt;</c> of DIMS values) and <c>label</c> (int32, 10
/// classes), in row groups of 16,384 rows, written one row group at a time so memory stays flat at any size.
/// </summary>
/// <remarks>
/// The data (seed 0 unless given): teacher t ~ N(0, I_d); student s_j = ρ·t_j + √(1 − ρ²)·u_j on the first 8
/// coordinates (ρ = 0.8) and independent noise elsewhere; the label is the decile of s_0 + s_1 + … + s_7 (so it
/// depends on the student only through 8 coordinates). Known truths: I(t;s) = −8/2·ln(1 − ρ²) = 4.09 nats; the
/// benchmark measures time and memory, not accuracy.
/// </remarks>
internal static class ScaleData
{
    public const string Name = "write-scale";

    private const int GroupRows = 16_384;
    private const int Coupled = 8;
    private const double Rho = 0.8;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3
            || !long.TryParse(args[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var rows) || rows < 1
            || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var dims) || dims < Coupled)
        {
            Console.Error.WriteLine($"usage: {Name} ROWS DIMS PATH [SEED]   (DIMS ≥ {Coupled})");
            return 2;
        }

        var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var id = new DataField<long>("id");
        var teacher = new ListField("teacher", new DataField<float?>("element", true));
        var student = new ListField("student", new DataField<float?>("element", true));
        var label = new DataField<int>("label");
        var schema = new ParquetSchema(id, teacher, student, label);
        var temp = args[2] + ".tmp";
        var random = new Random(seed);
        var noise = Math.Sqrt(1 - Rho * Rho);
        // Deciles of a sum of 8 coordinates with variance 1 each: N(0, 8) quantiles at 0.1 … 0.9.
        var cuts = Enumerable.Range(1, 9).Select(q => Math.Sqrt(Coupled) * MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, q / 10.0)).ToArray();
        await using (var stream = File.Create(temp))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        {
            for (long start = 0; start < rows; start += GroupRows)
            {
                var n = (int)Math.Min(GroupRows, rows - start);
                var t = new float?[n * dims];
                var s = new float?[n * dims];
                var repetition = new int[n * dims];
                var ids = new long[n];
                var labels = new int[n];
                for (var i = 0; i < n; i++)
                {
                    ids[i] = start + i;
                    var sum = 0.0;
                    for (var j = 0; j < dims; j++)
                    {
                        var tj = Gaussian(random);
                        var sj = j < Coupled ? Rho * tj + noise * Gaussian(random) : Gaussian(random);
                        t[i * dims + j] = (float)tj;
                        s[i * dims + j] = (float)sj;
                        repetition[i * dims + j] = j == 0 ? 0 : 1;
                        if (j < Coupled) sum += sj;
                    }

                    labels[i] = cuts.Count(c => sum > c);
                }

                using var group = writer.CreateRowGroup();
                await group.WriteAsync<long>(id, ids);
                await group.WriteAsync<float>((DataField)teacher.Item, t, repetition);
                await group.WriteAsync<float>((DataField)student.Item, s, repetition);
                await group.WriteAsync<int>(label, labels);
                group.CompleteValidate();
            }
        }

        File.Move(temp, args[2], overwrite: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[2]}: {rows:N0} rows × 2 × {dims} float32, {new FileInfo(args[2]).Length / 1e9:0.00} GB"));
        return 0;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

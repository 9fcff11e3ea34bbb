using Cch.Data.Parquet;
using Parquet;

namespace Cch.Tests.Data;

/// <summary>
/// Only what Parquet.Net and its codecs throw for bad bytes is bad input; the same exception types
/// thrown by our own code are bugs (exit code 3), not "corrupt file" (exit code 2).
/// </summary>
public sealed class ParquetFaultTests
{
    private static string Corpus(string name) => TestPaths.ParquetFixture(Path.Combine("corpus", "bad", name));

    private static Exception Caught(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("the action did not throw.");
    }

    private static async Task<Exception> ReadEverything(string path)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path);
            foreach (var field in reader.Schema.GetDataFields())
                for (var g = 0; g < reader.RowGroupCount; g++)
                    using (await reader.RowGroups[g].ReadRawColumnDataBaseAsync(field)) { }
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException($"{path} was read without an error.");
    }

    [Fact]
    public void An_index_error_in_our_own_code_is_a_bug_not_a_bad_file()
    {
        var values = new double[2];
        var index = values.Length;
        var error = Caught(() => values[index] = 1);

        Assert.IsType<IndexOutOfRangeException>(error);
        Assert.False(ParquetFault.IsBadFile(error));
    }

    [Fact]
    public void Runtime_exceptions_raised_for_our_own_calls_are_bugs_too()
    {
        // Thrown inside the runtime (List<T>, a cast) on behalf of our code: the first frame outside the runtime is ours.
        var list = new List<int>();
        object text = "x";
        Assert.False(ParquetFault.IsBadFile(Caught(() => _ = list[3])));
        Assert.False(ParquetFault.IsBadFile(Caught(() => _ = (int)text)));
        Assert.False(ParquetFault.IsBadFile(Caught(() => throw new NotImplementedException())));
        Assert.False(ParquetFault.IsDataPageV2(Caught(() => throw new NotImplementedException()), 1, [global::Parquet.Meta.PageType.DATA_PAGE_V2]));
    }

    [Fact]
    public void Cancellation_and_running_out_of_memory_are_never_bad_files()
    {
        Assert.False(ParquetFault.IsBadFile(new OperationCanceledException()));
        Assert.False(ParquetFault.IsBadFile(new InvalidOperationException("x", new OutOfMemoryException())));
    }

    [Fact]
    public async Task A_zeroed_footer_makes_Parquet_Net_throw_an_argument_error_that_counts_as_a_bad_file()
    {
        var error = await ReadEverything(Corpus("footer_zeroed_start.parquet"));

        Assert.IsType<ArgumentOutOfRangeException>(error);
        Assert.True(ParquetFault.IsBadFile(error));
    }

    [Fact]
    public async Task A_garbled_footer_is_a_thrift_error_and_a_bad_file()
    {
        var error = await ReadEverything(Corpus("footer_garbled.parquet"));

        Assert.IsType<global::Parquet.Meta.Proto.ThriftProtocolException>(error);
        Assert.True(ParquetFault.IsBadFile(error));
    }

    [Fact]
    public async Task A_garbled_zstd_page_is_a_codec_error_and_a_bad_file()
    {
        var error = await ReadEverything(Corpus("zstd_page_garbled.parquet"));

        Assert.Equal("ZstdSharp.ZstdException", error.GetType().FullName);
        Assert.True(ParquetFault.IsBadFile(error));
    }

    [Fact]
    public async Task A_garbled_gzip_page_is_invalid_data_from_the_runtime_on_the_library_s_behalf()
    {
        var error = await ReadEverything(Corpus("gzip_arrow_page_garbled.parquet"));

        Assert.IsType<InvalidDataException>(error);
        Assert.True(ParquetFault.IsBadFile(error));
    }

    [Fact]
    public async Task A_garbled_brotli_page_is_an_invalid_operation_that_counts_only_because_the_library_threw_it()
    {
        var error = await ReadEverything(Corpus("brotli_arrow_page_garbled.parquet"));

        Assert.IsType<InvalidOperationException>(error);
        Assert.True(ParquetFault.IsBadFile(error));
        Assert.False(ParquetFault.IsBadFile(Caught(() => throw new InvalidOperationException("Decoder ran into invalid data."))));
    }

    [Fact]
    public async Task A_file_without_columns_is_recognised_as_an_empty_schema()
    {
        var error = await ReadEverything(Corpus("zero_columns.parquet"));

        Assert.True(ParquetFault.IsEmptySchema(error));
        Assert.False(ParquetFault.IsEmptySchema(Caught(() => throw new ArgumentException("at least one field is required", "fields"))));
    }

    [Fact]
    public async Task A_list_column_in_data_page_v2_is_recognised_as_such()
    {
        var path = Corpus("page_v2_list_arrow.parquet");
        await using var reader = await ParquetReader.CreateAsync(path);
        var field = reader.Schema.GetDataFields().First(f => f.MaxRepetitionLevel > 0);
        var error = await ReadEverything(path);

        Assert.IsType<NotImplementedException>(error);
        Assert.True(ParquetFault.IsDataPageV2(error, field.MaxRepetitionLevel, []));
    }
}

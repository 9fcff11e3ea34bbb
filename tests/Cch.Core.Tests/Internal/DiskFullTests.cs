using Cch.Internal;

namespace Cch.Tests.Internal;

public sealed class DiskFullTests
{
    [LinuxFact]
    public void A_real_write_to_dev_full_is_recognised_as_a_full_disk()
    {
        // /dev/full answers every write with ENOSPC: the exception .NET raises for it is the one a full disk gives.
        var e = Assert.ThrowsAny<IOException>(() =>
        {
            using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(new byte[16]);
        });

        Assert.Equal(28, e.HResult); // ENOSPC
        Assert.Equal("No space left on device", DiskFull.Reason(e));
        Assert.True(DiskFull.Caused(new InvalidOperationException("wrapped", e)));
        Assert.True(DiskFull.Caused(new AggregateException(new InvalidOperationException(), e)));
    }

    [UnixFact]
    public void Other_io_errors_are_not_a_full_disk()
    {
        Assert.Equal("No space left on device", DiskFull.Reason(new IOException("No space left on device : '/x'", 28)));
        Assert.False(DiskFull.Caused(new IOException("Input/output error", 5))); // EIO
        Assert.False(DiskFull.Caused(new IOException("Permission denied", 13))); // EACCES
        Assert.False(DiskFull.Caused(new IOException("no space, says the text, but the code is not ENOSPC")));
        Assert.False(DiskFull.Caused(new InvalidOperationException("HResult 28 on something that is no I/O error") { HResult = 28 }));
    }

    [Fact]
    public void The_message_names_the_path_what_was_written_and_that_nothing_was()
    {
        Assert.Equal(
            "the disk holding '/ci/out/report.json' is full (No space left on device) while writing the report; nothing was written",
            DiskFull.Message("/ci/out/report.json", "report", "No space left on device"));
    }
}

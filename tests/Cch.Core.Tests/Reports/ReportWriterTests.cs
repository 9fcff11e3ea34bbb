using Cch.Reports;

namespace Cch.Tests.Reports;

public sealed class ReportWriterTests
{
    [Fact]
    public void Atomic_write_replaces_the_file_and_leaves_no_temporary_files()
    {
        var directory = Directory.CreateTempSubdirectory("cch-report-");
        try
        {
            var path = Path.Combine(directory.FullName, "sub", "report.json");
            ReportWriter.WriteAtomic(path, "first");
            ReportWriter.WriteAtomic(path, "second");

            Assert.Equal("second", File.ReadAllText(path));
            Assert.Equal(["report.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temporary_files()
    {
        var directory = Directory.CreateTempSubdirectory("cch-report-");
        try
        {
            // The target is a directory: the final rename fails after the temporary file was written.
            var target = Path.Combine(directory.FullName, "report.json");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, "keep.txt"), "old");

            Assert.ThrowsAny<IOException>(() => ReportWriter.WriteAtomic(target, "new"));

            Assert.Equal("old", File.ReadAllText(Path.Combine(target, "keep.txt")));
            Assert.Equal(["report.json"], Directory.GetFileSystemEntries(directory.FullName).Select(Path.GetFileName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

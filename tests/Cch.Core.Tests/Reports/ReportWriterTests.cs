using System.Diagnostics;
using Cch.Reports;

namespace Cch.Tests.Reports;

public sealed class ReportWriterTests
{
    [Fact]
    public void Atomic_write_replaces_the_file_and_leaves_no_temporary_files()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "sub", "report.json");

        ReportWriter.WriteAtomic(path, "first");
        ReportWriter.WriteAtomic(path, "second");

        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal(["report.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [LinuxMountFact]
    public void A_full_disk_says_so_keeps_the_old_report_and_leaves_no_temporary_file()
    {
        // Two 4 KiB pages: the old report takes one, so 20 KiB of new report cannot fit (ENOSPC from the kernel).
        using var disk = new SmallTmpfs(8);
        var path = Path.Combine(disk.Path, "report.json");
        File.WriteAllText(path, "old");

        var error = Assert.Throws<CchInputException>(() => ReportWriter.WriteAtomic(path, new string('x', 20_000), "HTML report"));

        Assert.Equal($"the disk holding '{path}' is full (No space left on device) while writing the HTML report; nothing was written", error.Message);
        Assert.IsType<IOException>(error.InnerException, exactMatch: false);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName));
    }

    [LinuxMountFact]
    public void A_disk_with_no_room_for_a_new_file_is_full_before_any_work()
    {
        // A tmpfs whose only inode is its root: creating any file fails with ENOSPC, as PrepareTarget's probe does.
        using var disk = new SmallTmpfs(8, inodes: 1);
        var path = Path.Combine(disk.Path, "report.json");

        var error = Assert.Throws<CchInputException>(() => ReportWriter.PrepareTarget(path));

        Assert.Equal($"the disk holding '{path}' is full (No space left on device) while writing the report; nothing was written", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [Fact]
    public void A_directory_target_is_refused_and_left_untouched()
    {
        using var dir = new TempFolder();
        var target = dir.File("report.json");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "old");

        var error = Assert.Throws<CchInputException>(() => ReportWriter.WriteAtomic(target, "new"));

        Assert.Contains("is a directory", error.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "keep.txt")));
        Assert.Equal(["report.json"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [LinuxFact]
    public void A_fifo_is_never_replaced_by_a_regular_file()
    {
        using var dir = new TempFolder();
        var fifo = dir.File("pipe");
        Process.Start("mkfifo", fifo)!.WaitForExit();

        var error = Assert.Throws<CchInputException>(() => ReportWriter.PrepareTarget(fifo));

        Assert.Contains("not a regular file", error.Message);
        Assert.Equal(0, new FileInfo(fifo).Length);
        Assert.Equal(["pipe"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_symbolic_link_is_followed_so_the_link_survives_and_its_target_gets_the_report()
    {
        using var dir = new TempFolder();
        var target = dir.Write("real.json", "old");
        var link = dir.File("link.json");
        File.CreateSymbolicLink(link, target);

        ReportWriter.WriteAtomic(link, "new");

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_path_is_refused(string path)
    {
        var error = Assert.Throws<CchInputException>(() => ReportWriter.PrepareTarget(path));

        Assert.Contains("empty", error.Message);
    }
}

using System.Buffers.Binary;
using System.Text;
using Cch.Neural.Native;

namespace Cch.Tests.Neural;

/// <summary>
/// Truth: the ELF64 layouts of the System V gABI and LSB "Symbol Versioning" (Elf64_Verneed/Vernaux,
/// 16 bytes each), a hand-built minimal ELF with known offsets, and `readelf -V` / `cmp -l` on the real
/// TorchSharp 0.107.0 wrapper (spike FINDINGS.md §4: the only difference is 0x00 → 0x02 at 0x3fa34).
/// </summary>
public sealed class ElfVersionNeedPatcherTests
{
    private const string Version = "GLIBCXX_3.4.32";

    private static string ShippedWrapper => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [LinuxFact]
    public void On_the_shipped_wrapper_exactly_one_byte_changes_and_patching_again_finds_it_weak()
    {
        var original = File.ReadAllBytes(ShippedWrapper);
        var patched = (byte[])original.Clone();

        var result = ElfVersionNeedPatcher.MarkVersionWeak(patched, Version, "libstdc++.so.6");

        Assert.Equal(ElfPatchStatus.Patched, result.Status);
        var differences = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        Assert.Equal([(int)result.FlagsOffset], differences);
        Assert.Equal(0x3fa34, result.FlagsOffset);
        Assert.Equal(0x00, original[0x3fa34]);
        Assert.Equal(0x02, patched[0x3fa34]);
        Assert.Equal(ElfPatchStatus.AlreadyWeak, ElfVersionNeedPatcher.MarkVersionWeak(patched, Version).Status);
    }

    [Fact]
    public void A_system_binary_without_that_need_is_left_alone()
    {
        if (!File.Exists("/bin/ls")) return;
        var bytes = File.ReadAllBytes("/bin/ls");
        var copy = (byte[])bytes.Clone();

        Assert.Equal(ElfPatchStatus.VersionNotFound, ElfVersionNeedPatcher.MarkVersionWeak(copy, Version).Status);
        Assert.Equal(bytes, copy);
    }

    [Fact]
    public void The_minimal_elf_is_patched_at_the_flags_field_of_the_matching_entry()
    {
        var elf = MiniElf.Build();
        var before = (byte[])elf.Clone();

        var result = ElfVersionNeedPatcher.MarkVersionWeak(elf, Version, "libstdc++.so.6");

        Assert.Equal(ElfPatchStatus.Patched, result.Status);
        Assert.Equal(MiniElf.VerneedOff + 32 + 4, result.FlagsOffset); // second Vernaux, vna_flags at +4
        Assert.Equal([MiniElf.VerneedOff + 32 + 4], Enumerable.Range(0, elf.Length).Where(i => elf[i] != before[i]));
        Assert.Equal(ElfPatchStatus.AlreadyWeak, ElfVersionNeedPatcher.MarkVersionWeak(elf, Version).Status);
    }

    [Fact]
    public void A_need_from_another_file_does_not_match() =>
        Assert.Equal(ElfPatchStatus.VersionNotFound, ElfVersionNeedPatcher.MarkVersionWeak(MiniElf.Build(), Version, "libc.so.6").Status);

    public static TheoryData<string, string> Rejections => new()
    {
        { "empty", nameof(ElfPatchStatus.NotElf) },
        { "text", nameof(ElfPatchStatus.NotElf) },
        { "elf32", nameof(ElfPatchStatus.Unsupported) },
        { "big-endian", nameof(ElfPatchStatus.Unsupported) },
        { "truncated-header", nameof(ElfPatchStatus.Malformed) },
        { "section-table-outside", nameof(ElfPatchStatus.Malformed) },
        { "no-section-table", nameof(ElfPatchStatus.NoVersionNeeds) },
        { "link-not-strtab", nameof(ElfPatchStatus.Malformed) },
        { "aux-count-runs-off", nameof(ElfPatchStatus.Malformed) },
        { "name-outside-strtab", nameof(ElfPatchStatus.Malformed) },
        { "bad-hash", nameof(ElfPatchStatus.Malformed) },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Bad_files_are_rejected_without_touching_a_byte(string variant, string expected)
    {
        var elf = MiniElf.Build();
        var target = Version;
        switch (variant)
        {
            case "empty": elf = []; break;
            case "text": elf = Encoding.ASCII.GetBytes("#!/bin/sh\necho not an ELF file at all\n"); break;
            case "elf32": elf[4] = 1; break;
            case "big-endian": elf[5] = 2; break;
            case "truncated-header": elf = elf[..40]; break;
            case "section-table-outside": BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(40), (ulong)elf.Length - 10); break;
            case "no-section-table": BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(40), 0); break;
            case "link-not-strtab": BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(MiniElf.ShOff + 2 * 64 + 40), 2); break;
            case "aux-count-runs-off":
                BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(MiniElf.VerneedOff + 2), 1000);
                BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(MiniElf.VerneedOff + 32 + 12), 16);
                target = "GLIBCXX_9.9";
                break;
            case "name-outside-strtab": BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(MiniElf.VerneedOff + 16 + 8), 10_000); break;
            case "bad-hash": BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(MiniElf.VerneedOff + 32), 12345); break;
        }

        var before = (byte[])elf.Clone();
        var result = ElfVersionNeedPatcher.MarkVersionWeak(elf, target);

        Assert.Equal(Enum.Parse<ElfPatchStatus>(expected), result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Equal(before, elf);
    }

    [Fact]
    public void Random_corruption_never_throws_and_changes_one_byte_or_none()
    {
        var random = new Random(1234);
        var baseline = MiniElf.Build();
        for (var i = 0; i < 5000; i++)
        {
            var elf = (byte[])baseline.Clone();
            for (var k = random.Next(1, 4); k > 0; k--) elf[random.Next(elf.Length)] = (byte)random.Next(256);
            if (random.Next(4) == 0) elf = elf[..random.Next(elf.Length)];
            var before = (byte[])elf.Clone();

            var result = ElfVersionNeedPatcher.MarkVersionWeak(elf, Version);

            var changed = Enumerable.Range(0, elf.Length).Count(j => elf[j] != before[j]);
            Assert.True(result.Status == ElfPatchStatus.Patched ? changed == 1 : changed == 0, $"iteration {i}: {result.Status}, {changed} bytes changed");
        }
    }

    [Fact]
    public void The_elf_hash_matches_the_vna_hash_readelf_shows_for_the_real_entry() =>
        Assert.Equal(0x0297f842u, ElfVersionNeedPatcher.ElfHash(Version));

    /// <summary>Minimal ELF64-LE: header, .dynstr, .gnu.version_r (libstdc++.so.6 needs GLIBCXX_3.4.30 and 3.4.32), 3 section headers.</summary>
    private static class MiniElf
    {
        public const int StrOff = 64, VerneedOff = 128, ShOff = 192;

        public static byte[] Build()
        {
            var b = new byte[ShOff + 3 * 64];
            b[0] = 0x7f;
            "ELF"u8.CopyTo(b.AsSpan(1));
            b[4] = 2; // ELFCLASS64
            b[5] = 1; // little-endian
            b[6] = 1; // EV_CURRENT
            W16(b, 16, 3); // ET_DYN
            W16(b, 18, 62); // EM_X86_64
            W32(b, 20, 1);
            W64(b, 40, ShOff);
            W16(b, 52, 64);
            W16(b, 58, 64);
            W16(b, 60, 3);

            var strings = "\0libstdc++.so.6\0GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0"u8;
            strings.CopyTo(b.AsSpan(StrOff));

            W16(b, VerneedOff, 1); // vn_version
            W16(b, VerneedOff + 2, 2); // vn_cnt
            W32(b, VerneedOff + 4, 1); // vn_file → "libstdc++.so.6"
            W32(b, VerneedOff + 8, 16); // vn_aux
            Aux(b, VerneedOff + 16, "GLIBCXX_3.4.30", nameIndex: 16, next: 16, other: 2);
            Aux(b, VerneedOff + 32, "GLIBCXX_3.4.32", nameIndex: 31, next: 0, other: 3);

            Section(b, 1, type: ElfVersionNeedPatcher.ShtStrtab, offset: StrOff, size: (ulong)strings.Length, link: 0, info: 0);
            Section(b, 2, type: ElfVersionNeedPatcher.ShtGnuVerneed, offset: VerneedOff, size: 48, link: 1, info: 1);
            return b;
        }

        private static void Aux(byte[] b, int o, string name, uint nameIndex, uint next, ushort other)
        {
            W32(b, o, ElfVersionNeedPatcher.ElfHash(name));
            W16(b, o + 4, 0);
            W16(b, o + 6, other);
            W32(b, o + 8, nameIndex);
            W32(b, o + 12, next);
        }

        private static void Section(byte[] b, int i, uint type, ulong offset, ulong size, uint link, uint info)
        {
            var o = ShOff + i * 64;
            W32(b, o + 4, type);
            W64(b, o + 24, offset);
            W64(b, o + 32, size);
            W32(b, o + 40, link);
            W32(b, o + 44, info);
        }

        private static void W16(byte[] b, int o, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(o), v);

        private static void W32(byte[] b, int o, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(o), v);

        private static void W64(byte[] b, int o, ulong v) => BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(o), v);
    }
}

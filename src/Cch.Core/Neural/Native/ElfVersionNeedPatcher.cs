using System.Buffers.Binary;
using System.Text;

namespace Cch.Neural.Native;

/// <summary>What <see cref="ElfVersionNeedPatcher.MarkVersionWeak"/> did.</summary>
internal enum ElfPatchStatus
{
    /// <summary>The flag was set; exactly one 2-byte field (<c>vna_flags</c>) changed.</summary>
    Patched,

    /// <summary>The entry was already weak; nothing changed.</summary>
    AlreadyWeak,

    /// <summary>A valid ELF64-LE file with version needs, but none of that name (and file).</summary>
    VersionNotFound,

    /// <summary>A valid ELF64-LE file without a <c>SHT_GNU_verneed</c> section (or without section headers).</summary>
    NoVersionNeeds,

    /// <summary>Not an ELF file (bad magic or shorter than the identification bytes).</summary>
    NotElf,

    /// <summary>ELF, but 32-bit, big-endian, or another layout this patcher does not handle.</summary>
    Unsupported,

    /// <summary>ELF whose headers or tables point outside the file or contradict each other.</summary>
    Malformed,
}

/// <summary>Outcome of a patch attempt.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Message">One sentence for error reports.</param>
/// <param name="FlagsOffset">File offset of the <c>vna_flags</c> field that was (or would be) written; −1 if none.</param>
internal sealed record ElfPatchResult(ElfPatchStatus Status, string Message, long FlagsOffset = -1)
{
    /// <summary>Whether the image now carries the weak flag (<see cref="ElfPatchStatus.Patched"/> or <see cref="ElfPatchStatus.AlreadyWeak"/>).</summary>
    public bool Succeeded => Status is ElfPatchStatus.Patched or ElfPatchStatus.AlreadyWeak;
}

/// <summary>
/// Marks one symbol-version requirement (an <c>Elf64_Vernaux</c> entry of <c>.gnu.version_r</c>) weak
/// (<c>VER_FLG_WEAK</c>), so the dynamic loader tolerates its absence instead of refusing the library.
/// TorchSharp 0.107's <c>libLibTorchSharp.so</c> (built with GCC 15) requires <c>GLIBCXX_3.4.32</c> only
/// for the relocation-free marker symbol <c>_ZSt21ios_base_library_initv</c>; Debian 12's libstdc++
/// (GCC 12) stops at 3.4.30. Layouts follow the System V gABI and the LSB "Symbol Versioning" chapter
/// (<c>Elf64_Verneed</c> and <c>Elf64_Vernaux</c>, 16 bytes each). ELF64 little-endian only; on any status
/// other than <see cref="ElfPatchStatus.Patched"/> the buffer is left untouched. Ported from the
/// TorchSharp spike (<c>FINDINGS.md</c> §4).
/// </summary>
internal static class ElfVersionNeedPatcher
{
    /// <summary>Section type of <c>.gnu.version_r</c>.</summary>
    public const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>Section type of a string table.</summary>
    public const uint ShtStrtab = 3;

    /// <summary>The weak flag of <c>vna_flags</c>.</summary>
    public const ushort VerFlgWeak = 0x2;

    private const int EhdrSize = 64, ShdrSize = 64, VerneedSize = 16, VernauxSize = 16;

    /// <summary>
    /// Sets <c>VER_FLG_WEAK</c> on the requirement <paramref name="versionName"/> in <paramref name="image"/>
    /// (a whole ELF file in memory). Every table offset, string index and chain step is bounds-checked,
    /// and <c>vna_hash</c> must equal the SysV hash of the name before the one 16-bit field is written.
    /// </summary>
    /// <param name="image">The file's bytes; changed in place only when the result is <see cref="ElfPatchStatus.Patched"/>.</param>
    /// <param name="versionName">E.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <param name="neededFile">Restricts the match to one <c>Elf64_Verneed</c> file (e.g. <c>libstdc++.so.6</c>); <c>null</c> matches any.</param>
    /// <exception cref="ArgumentException"><paramref name="versionName"/> is null or empty.</exception>
    public static ElfPatchResult MarkVersionWeak(Span<byte> image, string versionName, string? neededFile = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionName);

        if (image.Length < 16 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
            return new(ElfPatchStatus.NotElf, "Not an ELF file (bad magic).");
        if (image[4] != 2) // EI_CLASS: 2 = ELFCLASS64
            return new(ElfPatchStatus.Unsupported, $"ELF class {image[4]} is not ELFCLASS64.");
        if (image[5] != 1) // EI_DATA: 1 = little-endian
            return new(ElfPatchStatus.Unsupported, $"ELF data encoding {image[5]} is not little-endian.");
        if (image[6] != 1) // EI_VERSION: EV_CURRENT
            return new(ElfPatchStatus.Unsupported, $"ELF ident version {image[6]} is not EV_CURRENT.");
        if (image.Length < EhdrSize)
            return new(ElfPatchStatus.Malformed, "File is shorter than an ELF64 header.");

        ReadOnlySpan<byte> ro = image;
        var shoff = U64(ro, 40);
        var shentsize = U16(ro, 58);
        ulong shnum = U16(ro, 60);
        if (shoff == 0)
            return new(ElfPatchStatus.NoVersionNeeds, "ELF has no section header table.");
        if (shentsize != ShdrSize)
            return new(ElfPatchStatus.Malformed, $"e_shentsize {shentsize} is not {ShdrSize}.");
        if (!InBounds(ro, shoff, ShdrSize))
            return new(ElfPatchStatus.Malformed, "Section header table lies outside the file.");
        if (shnum == 0) // extended numbering: the count is section 0's sh_size
            shnum = U64(ro, (int)shoff + 32);
        if (shnum > (ulong)(image.Length / ShdrSize) || !InBounds(ro, shoff, shnum * ShdrSize))
            return new(ElfPatchStatus.Malformed, "Section header table lies outside the file.");

        var verneedIndex = -1;
        for (var i = 0; i < (int)shnum; i++)
        {
            if (U32(ro, Sh(shoff, i) + 4) != ShtGnuVerneed) continue;
            if (verneedIndex >= 0)
                return new(ElfPatchStatus.Malformed, "More than one SHT_GNU_verneed section.");
            verneedIndex = i;
        }

        if (verneedIndex < 0)
            return new(ElfPatchStatus.NoVersionNeeds, "ELF has no .gnu.version_r (SHT_GNU_verneed) section.");

        var vh = Sh(shoff, verneedIndex);
        ulong vOff = U64(ro, vh + 24), vSize = U64(ro, vh + 32);
        uint strIndex = U32(ro, vh + 40), vCount = U32(ro, vh + 44); // sh_link, sh_info
        if (!InBounds(ro, vOff, vSize))
            return new(ElfPatchStatus.Malformed, ".gnu.version_r lies outside the file.");
        if (strIndex == 0 || strIndex >= shnum)
            return new(ElfPatchStatus.Malformed, $".gnu.version_r sh_link {strIndex} is not a valid section index.");
        var sh = Sh(shoff, (int)strIndex);
        if (U32(ro, sh + 4) != ShtStrtab)
            return new(ElfPatchStatus.Malformed, ".gnu.version_r sh_link does not name a string table.");
        ulong sOff = U64(ro, sh + 24), sSize = U64(ro, sh + 32);
        if (!InBounds(ro, sOff, sSize))
            return new(ElfPatchStatus.Malformed, "Version string table lies outside the file.");
        var strtab = ro.Slice((int)sOff, (int)sSize);
        var section = ro.Slice((int)vOff, (int)vSize);

        // Walk the Elf64_Verneed chain; steps are bounded by sh_info and the section size, so a cyclic chain cannot loop.
        var maxEntries = (long)vSize / VerneedSize;
        long need = 0;
        for (long k = 0; k < vCount; k++)
        {
            if (k >= maxEntries || need < 0 || need + VerneedSize > (long)vSize)
                return new(ElfPatchStatus.Malformed, "Elf64_Verneed chain runs outside .gnu.version_r.");
            var vn = section.Slice((int)need, VerneedSize);
            ushort vnVersion = U16(vn, 0), vnCnt = U16(vn, 2);
            uint vnFile = U32(vn, 4), vnAux = U32(vn, 8), vnNext = U32(vn, 12);
            if (vnVersion != 1)
                return new(ElfPatchStatus.Unsupported, $"Elf64_Verneed version {vnVersion} is not 1.");
            if (!TryString(strtab, vnFile, out var file))
                return new(ElfPatchStatus.Malformed, "vn_file points outside the string table.");

            var aux = need + vnAux;
            for (var j = 0; j < vnCnt; j++)
            {
                if (aux < 0 || aux + VernauxSize > (long)vSize)
                    return new(ElfPatchStatus.Malformed, "Elf64_Vernaux chain runs outside .gnu.version_r.");
                var va = section.Slice((int)aux, VernauxSize);
                var vnaHash = U32(va, 0);
                var vnaFlags = U16(va, 4);
                uint vnaName = U32(va, 8), vnaNext = U32(va, 12);
                if (!TryString(strtab, vnaName, out var name))
                    return new(ElfPatchStatus.Malformed, "vna_name points outside the string table.");

                if (name == versionName && (neededFile is null || file == neededFile))
                {
                    if (vnaHash != ElfHash(name))
                        return new(ElfPatchStatus.Malformed, $"vna_hash of {name} does not match its name.");
                    var flagsOffset = (long)vOff + aux + 4;
                    if ((vnaFlags & VerFlgWeak) != 0)
                        return new(ElfPatchStatus.AlreadyWeak, $"{name} (from {file}) is already weak.", flagsOffset);
                    BinaryPrimitives.WriteUInt16LittleEndian(image.Slice((int)flagsOffset, 2), (ushort)(vnaFlags | VerFlgWeak));
                    return new(ElfPatchStatus.Patched, $"Marked {name} (from {file}) weak at file offset 0x{flagsOffset:x}.", flagsOffset);
                }

                if (vnaNext == 0) break;
                aux += vnaNext;
            }

            if (vnNext == 0) break;
            need += vnNext;
        }

        return new(ElfPatchStatus.VersionNotFound, $"No version need named {versionName}{(neededFile is null ? "" : $" from {neededFile}")}.");
    }

    /// <summary>The SysV ELF hash (gABI "Hash Table"); <c>vna_hash</c> holds this hash of the version name.</summary>
    public static uint ElfHash(string name)
    {
        uint h = 0;
        foreach (var b in Encoding.ASCII.GetBytes(name))
        {
            h = (h << 4) + b;
            var g = h & 0xf0000000;
            if (g != 0) h ^= g >> 24;
            h &= ~g;
        }

        return h;
    }

    private static int Sh(ulong shoff, int index) => checked((int)shoff + index * ShdrSize);

    private static bool InBounds(ReadOnlySpan<byte> b, ulong offset, ulong size) =>
        offset <= (ulong)b.Length && size <= (ulong)b.Length - offset;

    private static ushort U16(ReadOnlySpan<byte> b, int o) => BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(o, 2));

    private static uint U32(ReadOnlySpan<byte> b, int o) => BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(o, 4));

    private static ulong U64(ReadOnlySpan<byte> b, int o) => BinaryPrimitives.ReadUInt64LittleEndian(b.Slice(o, 8));

    private static bool TryString(ReadOnlySpan<byte> strtab, uint index, out string value)
    {
        value = "";
        if (index >= (uint)strtab.Length) return false;
        var rest = strtab[(int)index..];
        var nul = rest.IndexOf((byte)0);
        if (nul < 0) return false;
        value = Encoding.ASCII.GetString(rest[..nul]);
        return true;
    }
}

using System.Collections.Generic;
using System.Linq;

namespace FtpTools.Benchmark;

/// <summary>The tree: N files (4 KiB each unless --tree-file-kib says otherwise), 100 per folder, named the same on every side.</summary>
internal static class TreeLayout
{
    public const int DefaultFileKiB = 4;
    private const int FilesPerDirectory = 100;

    public static IReadOnlyList<string> Files(int count) =>
        Enumerable.Range(0, count).Select(index => $"d{index / FilesPerDirectory:D3}/f{index:D5}.bin").ToArray();

    public static IReadOnlyList<string> Directories(IEnumerable<string> files) =>
        files.Select(file => file[..file.IndexOf('/')]).Distinct().ToArray();
}

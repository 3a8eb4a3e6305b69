using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;

namespace FtpTools.Benchmark;

/// <summary>
/// The benchmark's own folder (on /dev/shm when the caller made that the temp folder): the large file and the tree as
/// the client sees them, client-side download targets and scratch files. The servers get hard links / copies.
/// </summary>
internal sealed class Workspace : IDisposable
{
    /// <summary>The folder of the listing scenario, in each FTP server's root: N empty files and nothing else.</summary>
    public const string ListingFolder = "list";

    private const int ChunkSize = 4 * 1024 * 1024;

    private Workspace(string root)
    {
        Root = root;
        Directory.CreateDirectory(Scratch);
        Directory.CreateDirectory(Client);
        Directory.CreateDirectory(TreeSource);
    }

    public string Root { get; }

    public string Scratch => Path.Combine(Root, "scratch");

    public string Client => Path.Combine(Root, "client");

    public string LargeSource => Path.Combine(Root, "large.bin");

    public string TreeSource => Path.Combine(Root, "tree");

    public long LargeSize { get; private set; }

    /// <summary>Upper-case hex SHA-256 of the large file.</summary>
    public string LargeSha256 { get; private set; } = string.Empty;

    public static Workspace Create(long largeBytes, IReadOnlyList<string> treeFiles, int treeFileBytes)
    {
        var workspace = new Workspace(Directory.CreateTempSubdirectory("ftptools-bench-").FullName);
        workspace.WriteLargeFile(largeBytes);
        workspace.WriteTree(treeFiles, treeFileBytes);
        return workspace;
    }

    /// <summary>Puts /large.bin (a hard link: same bytes, no second GiB in memory) and /tree into a server's root.</summary>
    public void PublishTo(string serverRoot, IReadOnlyList<string> treeFiles)
    {
        string large = Path.Combine(serverRoot, "large.bin");
        if (!TryHardLink(LargeSource, large))
        {
            File.Copy(LargeSource, large);
        }

        foreach (string file in treeFiles)
        {
            string target = Path.Combine(serverRoot, "tree", file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TreeSource, file), target);
        }
    }

    /// <summary>Makes the listing folder once per server root: entries empty files named e00000.txt, e00001.txt, ...</summary>
    public static void PublishListing(string serverRoot, int entries)
    {
        string folder = Path.Combine(serverRoot, ListingFolder);
        Directory.CreateDirectory(folder);
        for (int index = 0; index < entries; index++)
        {
            File.Create(Path.Combine(folder, $"e{index:D5}.txt")).Dispose();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WriteLargeFile(long bytes)
    {
        // Seeded, not cryptographic: random enough that nothing can compress it, and fast to produce.
        var random = new Random(20240601);
        var buffer = new byte[ChunkSize];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = new FileStream(LargeSource, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
        {
            for (long left = bytes; left > 0; left -= ChunkSize)
            {
                int count = (int)Math.Min(left, ChunkSize);
                random.NextBytes(buffer.AsSpan(0, count));
                file.Write(buffer, 0, count);
                hash.AppendData(buffer, 0, count);
            }
        }

        LargeSize = bytes;
        LargeSha256 = Convert.ToHexString(hash.GetHashAndReset());
    }

    private void WriteTree(IReadOnlyList<string> files, int fileBytes)
    {
        var random = new Random(4096);
        var content = new byte[fileBytes];
        foreach (string file in files)
        {
            string path = Path.Combine(TreeSource, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            random.NextBytes(content);
            File.WriteAllBytes(path, content);
        }
    }

    private static bool TryHardLink(string existing, string link)
    {
        var start = new ProcessStartInfo("/bin/ln") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add(existing);
        start.ArgumentList.Add(link);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start ln");
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace FtpTools.Benchmark;

/// <summary>Checks what a tool produced, so a fast failure never counts as a success.</summary>
internal static class Verification
{
    /// <summary>Null when the file has the expected size (and SHA-256 when one is given); otherwise what is wrong.</summary>
    public static string? CheckLargeFile(string path, long expectedSize, string? expectedSha256)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return "missing " + path;
        }

        if (info.Length != expectedSize)
        {
            return $"{path} has {info.Length} bytes, expected {expectedSize}";
        }

        if (expectedSha256 is null)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        string actual = Convert.ToHexString(SHA256.HashData(stream));
        return actual == expectedSha256 ? null : $"{path} has SHA-256 {actual}, expected {expectedSha256}";
    }

    /// <summary>The files of the tree that are missing under targetRoot or differ from sourceRoot.</summary>
    public static IReadOnlyList<string> MismatchedTreeFiles(string sourceRoot, string targetRoot, IReadOnlyList<string> files) =>
        files.Where(file =>
        {
            string target = Path.Combine(targetRoot, file);
            return !File.Exists(target) || !File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(sourceRoot, file)));
        }).ToArray();
}

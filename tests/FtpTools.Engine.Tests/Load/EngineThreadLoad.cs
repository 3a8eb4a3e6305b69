using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using FtpTools.Engine.Files;
using FtpTools.Engine.Planning;

namespace FtpTools.Engine.Tests.Load
{
    /// <summary>
    /// The engine-thread half of the load test (the pwsh half is tests/Load.Tests.ps1): one thread per session, each with its own
    /// connection, uploads its files of random sizes (LocalFileTransfers, as Send-FtpItem does), lists them back and downloads them
    /// (as Receive-FtpItem does). Every file is then compared byte for byte with what the server stored on its disk and with what
    /// came back. Failures are counted, not thrown, so one run shows them all. Sizes come from the Pester suite's variables:
    /// FTPTOOLS_LOAD_SESSIONS (32), FTPTOOLS_LOAD_FILES (8), FTPTOOLS_LOAD_MAX_BYTES (128 KiB); the README's figures use 100 and 1 MiB.
    /// Shared by FtpTools.Engine.Tests (FTP, FTPS) and FtpTools.Sftp.Tests (SFTP), which links this file.
    /// </summary>
    internal sealed class EngineThreadLoad
    {
        private readonly ConcurrentQueue<string> errors = new ConcurrentQueue<string>();
        private long bytes;

        public EngineThreadLoad()
        {
            Sessions = Setting("FTPTOOLS_LOAD_SESSIONS", 32);
            Files = Setting("FTPTOOLS_LOAD_FILES", 8);
            MaxBytes = Setting("FTPTOOLS_LOAD_MAX_BYTES", 128 * 1024);
        }

        public int Sessions { get; }

        public int Files { get; }

        public int MaxBytes { get; }

        public IReadOnlyCollection<string> Errors => errors;

        /// <summary>Files found byte-identical both on the server's disk and after the download.</summary>
        public int FilesChecked { get; private set; }

        /// <summary>
        /// Runs every session at once and checks the files. remoteFolder is the run's folder as the sessions see it, diskFolder the
        /// same folder on the server's disk; localFolder holds the originals and the downloads.
        /// </summary>
        public LoadFigures Run(Func<IRemoteFileSystem> connect, string remoteFolder, string diskFolder, string localFolder)
        {
            PeakMemory.Reset();
            var start = new Barrier(Sessions);
            var watch = Stopwatch.StartNew();
            var threads = Enumerable.Range(0, Sessions).Select(index => new Thread(() => RunSession(index, connect, remoteFolder, localFolder, start))
            {
                Name = "load session " + index,
                IsBackground = true,
            }).ToList();
            threads.ForEach(thread => thread.Start());
            foreach (var thread in threads)
            {
                if (!thread.Join(TimeSpan.FromMinutes(30))) errors.Enqueue(thread.Name + " did not end within 30 minutes");
            }

            var elapsed = watch.Elapsed;
            FilesChecked = Enumerable.Range(0, Sessions).Sum(index => CheckSession(index, diskFolder, localFolder));
            return new LoadFigures(Sessions, Files, MaxBytes, Interlocked.Read(ref bytes), elapsed, errors.Count, PeakMemory.ResidentMiB());
        }

        private void RunSession(int index, Func<IRemoteFileSystem> connect, string remoteFolder, string localFolder, Barrier start)
        {
            var session = "s" + index.ToString(CultureInfo.InvariantCulture);
            var up = Directory.CreateDirectory(Path.Combine(localFolder, session, "up")).FullName;
            var down = Directory.CreateDirectory(Path.Combine(localFolder, session, "down")).FullName;
            try
            {
                WriteOriginals(index, up);
            }
            catch (Exception exception)
            {
                errors.Enqueue(session + ": " + Describe(exception));
                start.RemoveParticipant();
                return;
            }

            start.SignalAndWait();
            var none = CancellationToken.None;
            try
            {
                using var client = connect();
                var remote = FtpPath.Combine(remoteFolder, session);
                client.CreateDirectory(remote, createParents: false, none);
                var transfers = new LocalFileTransfers(client);
                for (var file = 0; file < Files; file++)
                {
                    var name = FileName(file);
                    Count(session + " upload of " + name, () => transfers.UploadFromFile(Path.Combine(up, name), FtpPath.Combine(remote, name), FtpIfExists.Overwrite, null, none));
                }

                foreach (var item in client.ListDirectory(remote, none).Items.Where(item => item.Type == FtpItemType.File))
                {
                    Count(session + " download of " + item.Name, () => transfers.DownloadToFile(item, Path.Combine(down, item.Name), FtpIfExists.Overwrite, null, none));
                }

                client.Disconnect(none);
            }
            catch (Exception exception)
            {
                errors.Enqueue(session + ": " + Describe(exception));
            }
        }

        private void WriteOriginals(int index, string folder)
        {
            var random = new Random(index);
            for (var file = 0; file < Files; file++)
            {
                var content = new byte[random.Next(0, MaxBytes + 1)];
                random.NextBytes(content);
                File.WriteAllBytes(Path.Combine(folder, FileName(file)), content);
                Interlocked.Add(ref bytes, content.Length);
            }
        }

        private int CheckSession(int index, string diskFolder, string localFolder)
        {
            var session = "s" + index.ToString(CultureInfo.InvariantCulture);
            var identical = 0;
            for (var file = 0; file < Files; file++)
            {
                var name = FileName(file);
                var original = File.ReadAllBytes(Path.Combine(localFolder, session, "up", name));
                var identicalOnServer = SameBytes(original, Path.Combine(diskFolder, session, name), session + " " + name + " on the server's disk");
                var identicalDownloaded = SameBytes(original, Path.Combine(localFolder, session, "down", name), session + " " + name + " downloaded");
                if (identicalOnServer && identicalDownloaded) identical++;
            }

            return identical;
        }

        private bool SameBytes(byte[] expected, string path, string what)
        {
            if (!File.Exists(path))
            {
                errors.Enqueue(what + ": missing");
                return false;
            }

            var actual = File.ReadAllBytes(path);
            if (actual.AsSpan().SequenceEqual(expected)) return true;
            errors.Enqueue(what + ": " + actual.Length + " bytes differ from the " + expected.Length + " sent");
            return false;
        }

        private void Count(string what, Func<LocalTransferResult> transfer)
        {
            try
            {
                var result = transfer();
                if (result.Outcome != LocalTransferOutcome.Transferred) errors.Enqueue(what + ": " + result.Outcome);
            }
            catch (Exception exception)
            {
                errors.Enqueue(what + ": " + Describe(exception));
            }
        }

        /// <summary>The exception and its inner ones, so that a failure says what the socket or TLS layer saw.</summary>
        private static string Describe(Exception exception)
        {
            var text = exception.GetType().Name + ": " + exception.Message;
            for (var inner = exception.InnerException; inner != null; inner = inner.InnerException) text += " <- " + inner.GetType().Name + ": " + inner.Message;
            return text;
        }

        private static string FileName(int file) => "f" + file.ToString("D3", CultureInfo.InvariantCulture) + ".bin";

        private static int Setting(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    internal sealed class LoadFigures
    {
        public LoadFigures(int sessions, int files, int maxBytes, long bytes, TimeSpan elapsed, int errors, long peakResidentMiB)
        {
            Sessions = sessions;
            Files = files;
            MaxBytes = maxBytes;
            Bytes = bytes;
            Elapsed = elapsed;
            Errors = errors;
            PeakResidentMiB = peakResidentMiB;
        }

        public int Sessions { get; }

        public int Files { get; }

        public int MaxBytes { get; }

        public long Bytes { get; }

        public TimeSpan Elapsed { get; }

        public int Errors { get; }

        public long PeakResidentMiB { get; }

        public string Describe(string server)
        {
            var mib = Bytes / 1048576.0;
            var seconds = Elapsed.TotalSeconds;
            return string.Format(CultureInfo.InvariantCulture,
                "{0}: {1} engine threads x {2} files (0..{3} KiB), {4:N1} MiB up and down in {5:N1} s ({6:N1} MiB/s each way); {7} errors; test host peak RSS {8} MiB",
                server, Sessions, Files, MaxBytes / 1024, mib, seconds, mib / seconds, Errors, PeakResidentMiB);
        }
    }

    /// <summary>The test host's peak resident set (VmHWM), reset before a run so the figure is the run's high-water mark.</summary>
    internal static class PeakMemory
    {
        /// <summary>Writing 5 to clear_refs sets VmHWM back to the current RSS (Linux 4.0 and later); elsewhere nothing happens.</summary>
        public static void Reset()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                // The figure is then the high-water mark since the process started, which is still an upper bound.
            }
        }

        public static long ResidentMiB()
        {
            const string status = "/proc/self/status";
            if (!File.Exists(status)) return Process.GetCurrentProcess().PeakWorkingSet64 >> 20;
            var line = File.ReadLines(status).First(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(new string(line.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture) >> 10;
        }
    }
}

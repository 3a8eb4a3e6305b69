using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using FtpTools.Engine.Connecting;
using FtpTools.Engine.Parallel;
using FtpTools.Engine.Tests.Faults;
using FtpTools.Lab;
using Xunit;

namespace FtpTools.Engine.Tests.Parallel
{
    /// <summary>The parallel scheduler against a real server (vsftpd), and against servers that refuse extra connections.</summary>
    [Collection(FtpTools.Engine.Tests.Lab.LabCollection.Name)]
    public sealed class ParallelTransferSchedulerTests
    {
        private readonly LabFixture lab;

        public ParallelTransferSchedulerTests(LabFixture lab) => this.lab = lab;

        private LabServer Vsftpd => lab["vsftpd-plain"];

        private static List<TransferWorkItem> Items(int count) =>
            Enumerable.Range(0, count).Select(i => new TransferWorkItem(TransferDirection.Upload, "/local/f" + i, "/f" + i)).ToList();

        [LabFact]
        public void Every_item_runs_once_on_worker_threads_over_four_connections_and_every_callback_comes_on_the_callers_thread()
        {
            var slot = SchedulerLab.Slot(Vsftpd);
            var scheduler = new ParallelTransferScheduler(slot, 4);
            var caller = Environment.CurrentManagedThreadId;
            var workThreads = new ConcurrentBag<int>();
            var lanes = new ConcurrentBag<int>();
            var callbackThreads = new List<int>();
            var done = new List<string>();
            var items = Items(40);

            using var allLanesWorking = new ManualResetEventSlim();
            scheduler.Run(items, (item, lane, token) =>
            {
                workThreads.Add(Environment.CurrentManagedThreadId);
                lanes.Add(lane.Index);
                // Each lane holds its first item until all four have one, so the session's own connection cannot do every
                // item before the extra ones have logged in (slow on a busy machine).
                if (lanes.Distinct().Count() == 4) allLanesWorking.Set();
                allLanesWorking.Wait(TimeSpan.FromSeconds(30), token);
                lane.Post(() => callbackThreads.Add(Environment.CurrentManagedThreadId));
                // A real request on the lane's own connection, used from its thread.
                return lane.Connection.Current.GetItem("/", token)!.Type;
            }, (item, type) =>
            {
                callbackThreads.Add(Environment.CurrentManagedThreadId);
                Assert.Equal(FtpItemType.Directory, type);
                done.Add(item.RemotePath);
            }, (item, exception) => throw exception, CancellationToken.None);

            Assert.Equal(items.Select(i => i.RemotePath).OrderBy(p => p), done.OrderBy(p => p));
            Assert.DoesNotContain(caller, workThreads);
            Assert.All(callbackThreads, id => Assert.Equal(caller, id));
            Assert.Equal(80, callbackThreads.Count);
            Assert.Equal(4, scheduler.ConnectionsUsed);
            Assert.Equal(new[] { 0, 1, 2, 3 }, lanes.Distinct().OrderBy(i => i));
            Assert.True(slot.Current.IsConnected, "the session's own connection stays open");
            slot.Current.Dispose();
        }

        [LabFact]
        public void With_one_connection_the_items_run_and_finish_in_list_order_on_the_sessions_connection()
        {
            var slot = SchedulerLab.Slot(Vsftpd);
            var scheduler = new ParallelTransferScheduler(slot, 1);
            var done = new List<string>();
            var items = Items(12);
            scheduler.Run(items, (item, lane, token) => lane.Connection, (item, connection) =>
            {
                Assert.Same(slot, connection);
                done.Add(item.RemotePath);
            }, (item, exception) => throw exception, CancellationToken.None);

            Assert.Equal(items.Select(i => i.RemotePath), done);
            Assert.Equal(1, scheduler.ConnectionsUsed);
            slot.Current.Dispose();
        }

        [LabFact]
        public void A_failed_item_is_reported_for_itself_and_the_other_items_carry_on()
        {
            var slot = SchedulerLab.Slot(Vsftpd);
            var scheduler = new ParallelTransferScheduler(slot, 3);
            var done = new List<string>();
            var failures = new List<KeyValuePair<string, Exception>>();
            var items = Items(20);
            scheduler.Run(items, (item, lane, token) =>
            {
                // A real failure from the server (550 for a file that is not there) for two items.
                if (item.RemotePath == "/f3" || item.RemotePath == "/f11") lane.Connection.Current.DeleteFile("/missing-" + Guid.NewGuid().ToString("N"), token);
                return true;
            }, (item, ok) => done.Add(item.RemotePath), (item, exception) => failures.Add(new KeyValuePair<string, Exception>(item.RemotePath, exception)), CancellationToken.None);

            Assert.Equal(new[] { "/f11", "/f3" }, failures.Select(f => f.Key).OrderBy(p => p, StringComparer.Ordinal));
            Assert.All(failures, f => Assert.IsAssignableFrom<FtpCommandException>(f.Value));
            Assert.Equal(18, done.Count);
            slot.Current.Dispose();
        }

        [LabFact]
        public void Cancelling_stops_every_worker_promptly_starts_no_more_items_and_throws()
        {
            var slot = SchedulerLab.Slot(Vsftpd);
            var scheduler = new ParallelTransferScheduler(slot, 4);
            var started = 0;
            using var cancellation = new CancellationTokenSource();
            var items = Items(100);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.ThrowsAny<OperationCanceledException>(() => scheduler.Run(items, (item, lane, token) =>
            {
                if (Interlocked.Increment(ref started) == 3) cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
                // Work that would take 30 s unless cancelled.
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                token.ThrowIfCancellationRequested();
                return true;
            }, (item, ok) => { }, (item, exception) => throw exception, cancellation.Token));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "took " + watch.Elapsed);
            Assert.InRange(started, 3, 4);
            slot.Current.Dispose();
        }

        [LabFact]
        public void An_exception_from_a_callback_stops_the_workers_and_leaves_Run()
        {
            var slot = SchedulerLab.Slot(Vsftpd);
            var scheduler = new ParallelTransferScheduler(slot, 2);
            var ran = 0;
            var thrown = Assert.Throws<InvalidOperationException>(() => scheduler.Run(Items(200), (item, lane, token) =>
            {
                Interlocked.Increment(ref ran);
                Thread.Sleep(5);
                return true;
            }, (item, ok) => throw new InvalidOperationException("stop here"), (item, exception) => { }, CancellationToken.None));

            Assert.Equal("stop here", thrown.Message);
            Assert.True(ran < 200, ran + " items ran");
            slot.Current.Dispose();
        }

        public static IEnumerable<object[]> Refusals()
        {
            yield return new object[] { "421 greeting", "421 Too many connections (2) from this IP\r\n", null! };
            yield return new object[] { "530 at login", "220 ready\r\n", "530 Sorry, the maximum number of clients (2) from your host are already connected.\r\n" };
        }

        [LabTheory]
        [MemberData(nameof(Refusals))]
        public void A_server_that_refuses_extra_connections_leaves_the_job_to_the_sessions_connection_and_says_so_once(string label, string greeting, string? loginReply)
        {
            using var refusing = new ScriptedFtpServer((line, session) =>
            {
                if (line.StartsWith("PASS", StringComparison.Ordinal) && loginReply != null) return loginReply;
                return ScriptedFtpServer.Login(line) ?? "502 no\r\n";
            }, greeting);
            AssertCarriesOnAlone(SchedulerLab.Connector("127.0.0.1", refusing.Port), label);
        }

        [LabFact]
        public void A_refused_tcp_connection_leaves_the_job_to_the_sessions_connection()
        {
            var closed = new TcpListener(IPAddress.Loopback, 0);
            closed.Start();
            var port = ((IPEndPoint)closed.LocalEndpoint).Port;
            closed.Stop();
            AssertCarriesOnAlone(SchedulerLab.Connector("127.0.0.1", port), "connection refused");
        }

        [LabFact]
        public void A_single_file_never_opens_an_extra_connection()
        {
            using var counting = new ScriptedFtpServer((line, session) => ScriptedFtpServer.Login(line) ?? "502 no\r\n");
            var slot = SchedulerLab.Slot(Vsftpd, SchedulerLab.Connector("127.0.0.1", counting.Port));
            var scheduler = new ParallelTransferScheduler(slot, 8);
            var done = 0;
            scheduler.Run(Items(1), (item, lane, token) => lane.Index, (item, index) => done++, (item, exception) => throw exception, CancellationToken.None);
            Assert.Equal(1, done);
            Assert.Equal(1, scheduler.ConnectionsUsed);
            Assert.Empty(counting.Received);
            slot.Current.Dispose();
        }

        private void AssertCarriesOnAlone(RemoteConnector extras, string label)
        {
            var slot = SchedulerLab.Slot(Vsftpd, extras);
            var notices = new List<string>();
            var scheduler = new ParallelTransferScheduler(slot, 4) { FewerConnections = notices.Add };
            var lanes = new List<int>();
            scheduler.Run(Items(30), (item, lane, token) => lane.Index, (item, index) => lanes.Add(index), (item, exception) => throw exception, CancellationToken.None);

            Assert.Equal(30, lanes.Count);
            Assert.All(lanes, index => Assert.Equal(0, index));
            var notice = Assert.Single(notices);
            Assert.Contains("accepted 1 of the 4 connections", notice, StringComparison.Ordinal);
            Assert.Equal(1, scheduler.ConnectionsUsed);
            Assert.True(slot.Current.IsConnected, label);
            slot.Current.Dispose();
        }
    }
}

using System;
using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace FtpTools.Benchmark;

/// <summary>
/// One direction of a relayed connection. Each chunk read is stamped with the time it is due (arrival + delay, and
/// never before the connection's first byte could have arrived) and written when that time comes, while reading goes
/// on: the delay is added once per byte, not once per chunk in a row, and bandwidth is not cut (up to 64 MiB in
/// flight per direction: 2.5 GB/s at 25 ms). End of stream is passed on after the last chunk, as late as the data.
/// </summary>
internal sealed class DelayedPipe
{
    private const int ChunkSize = 64 * 1024;
    private const int MaxChunksInFlight = 1024;

    private readonly Socket _from;
    private readonly Socket _to;
    private readonly long _delayTicks;
    private readonly long _notBefore;

    public DelayedPipe(Socket from, Socket to, TimeSpan delay, long notBefore)
    {
        _from = from;
        _to = to;
        _delayTicks = Ticks(delay);
        _notBefore = notBefore;
    }

    public static long Now() => Stopwatch.GetTimestamp();

    public static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Runs until the source ends and everything is delivered, or either end fails (then both ends are shut).</summary>
    public async Task Run(CancellationToken stop)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var budget = new SemaphoreSlim(MaxChunksInFlight);
        Channel<Chunk> chunks = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        Task delivery = Deliver(chunks.Reader, budget, failed);
        try
        {
            while (true)
            {
                await budget.WaitAsync(failed.Token);
                byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
                int count = await _from.ReceiveAsync(buffer.AsMemory(0, ChunkSize), SocketFlags.None, failed.Token);
                if (count == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                chunks.Writer.TryWrite(new Chunk(buffer, count, Math.Max(Now() + _delayTicks, _notBefore)));
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The source was reset or the destination failed: what was read is still delivered if it can be.
        }
        finally
        {
            chunks.Writer.TryComplete();
        }

        await delivery;
    }

    private async Task Deliver(ChannelReader<Chunk> chunks, SemaphoreSlim budget, CancellationTokenSource failed)
    {
        try
        {
            await foreach (Chunk chunk in chunks.ReadAllAsync(failed.Token))
            {
                long wait = chunk.Due - Now();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), failed.Token);
                }

                for (int sent = 0; sent < chunk.Count;)
                {
                    sent += await _to.SendAsync(chunk.Buffer.AsMemory(sent, chunk.Count - sent), SocketFlags.None, failed.Token);
                }

                ArrayPool<byte>.Shared.Return(chunk.Buffer);
                budget.Release();
            }

            _to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            failed.Cancel();
            Close(_to);
            Close(_from);
        }
    }

    private static void Close(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    private sealed record Chunk(byte[] Buffer, int Count, long Due);
}

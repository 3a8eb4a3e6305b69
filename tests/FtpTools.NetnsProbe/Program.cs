using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using FtpTools.Engine;

namespace FtpTools.NetnsProbe;

/// <summary>
/// Connects, lists "/", uploads a small file, downloads it again and compares, then prints one JSON line:
/// {"ok":true,...} or {"ok":false,"exception":...,"phase":...,"message":...}. Exit code 0 in both cases (the caller
/// judges); 2 only for a bad command line.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ProbeArguments arguments;
        try
        {
            arguments = ProbeArguments.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine("error: " + exception.Message + Environment.NewLine + ProbeArguments.Usage);
            return 2;
        }

        if (arguments.Diagnose)
        {
            Console.WriteLine(DiagnosisJson.Write(Diagnosis.Run(arguments)));
            return 0;
        }

        var stopwatch = Stopwatch.StartNew();
        ProbeSuccess? success = null;
        Exception? failure = null;
        try
        {
            success = Run(arguments);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", success is not null);
            if (success is not null)
            {
                json.WriteString("mode", success.Mode.ToString());
                json.WriteString("tls", success.TlsProtocol);
                json.WriteString("cipher", success.TlsCipherSuite);
                json.WriteNumber("listed", success.ListedItems);
                json.WriteNumber("bytes", success.Bytes);
            }
            else if (failure is not null)
            {
                json.WriteString("exception", failure.GetType().Name);
                json.WriteString("phase", (failure as FtpException)?.Phase.ToString());
                json.WriteString("message", failure.Message);
            }

            json.WriteNumber("elapsedMs", stopwatch.ElapsedMilliseconds);
            json.WriteEndObject();
        }

        Console.WriteLine(Encoding.UTF8.GetString(output.ToArray()));
        return 0;
    }

    private static ProbeSuccess Run(ProbeArguments arguments)
    {
        var options = new FtpClientOptions(arguments.Host)
        {
            Port = arguments.Port,
            Credential = new NetworkCredential(arguments.User, File.ReadAllText(arguments.PasswordFile).TrimEnd('\r', '\n')),
            Encryption = arguments.Encryption,
            DataConnectionMode = arguments.Mode,
            UseServerPassiveAddress = arguments.TrustPasvAddress,
            DataTimeout = arguments.DataTimeout,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ReadTimeout = TimeSpan.FromSeconds(30),
        };
        foreach (string pin in arguments.Pins)
        {
            options.PinnedCertificateThumbprints.Add(pin);
        }

        if (arguments.ActivePortRange is not null)
        {
            var range = FtpTools.Engine.Planning.ActivePortRange.Parse(arguments.ActivePortRange);
            options.ActivePortMin = range.Low;
            options.ActivePortMax = range.High;
        }

        options.ActiveExternalAddress = arguments.ActiveExternalAddress;

        CancellationToken none = CancellationToken.None;
        using var client = new FtpClient(options);
        client.Connect(none);
        FtpListing listing = client.ListDirectory("/", none);

        byte[] data = RandomNumberGenerator.GetBytes(100_000);
        string remotePath = "/netns-probe-" + Guid.NewGuid().ToString("N") + ".bin";
        client.Upload(new MemoryStream(data), remotePath, FtpUploadMode.Overwrite, null, none);
        using var downloaded = new MemoryStream();
        client.Download(remotePath, downloaded, 0, null, none);
        client.DeleteFile(remotePath, none);
        if (!downloaded.ToArray().AsSpan().SequenceEqual(data))
        {
            throw new InvalidDataException($"the downloaded file differs from the uploaded one ({downloaded.Length} of {data.Length} bytes)");
        }

        client.Disconnect(none);
        return new ProbeSuccess(client.EffectiveDataConnectionMode, client.TlsProtocol, client.TlsCipherSuite, listing.Items.Count, data.Length);
    }
}

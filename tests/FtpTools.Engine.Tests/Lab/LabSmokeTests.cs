using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Xunit;

namespace FtpTools.Engine.Tests.Lab;

// Inside the namespace so that `Lab` means the FtpTools.Lab.Lab class, not this namespace.
using FtpTools.Lab;

/// <summary>Proves the lab itself works: every server greets, TLS is what it claims, curl/lftp move files.</summary>
[Collection(LabCollection.Name)]
public sealed class LabSmokeTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);

    private readonly LabFixture _fixture;

    public LabSmokeTests(LabFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string> AllServers => new(Lab.FtpServerNames);

    /// <summary>Stock pyftpdlib 1.5.7 drops a data connection whose TLS handshake starts before the transfer
    /// command, which is what curl does (pyftpdlib#604): checked with lftp instead.</summary>
    public static TheoryData<string> CurlServers => new(Lab.FtpServerNames.Where(name => name != "pyftpdlib-explicit"));

    [LabTheory]
    [MemberData(nameof(AllServers))]
    public void Server_greets_and_negotiates_the_configured_TLS(string name)
    {
        LabServer server = _fixture[name];
        using var client = new TcpClient(server.Host.Contains(':') ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
        client.ReceiveTimeout = 10_000;
        client.SendTimeout = 10_000;
        client.Connect(server.Host, server.Port);
        Stream stream = client.GetStream();

        if (server.Encryption == LabEncryption.Implicit)
        {
            SslStream tls = Handshake(stream, server);
            Assert.StartsWith("220", ReadReply(tls));
            return;
        }

        Assert.StartsWith("220", ReadReply(stream));
        if (server.Encryption == LabEncryption.None)
        {
            Send(stream, "QUIT");
            Assert.StartsWith("221", ReadReply(stream));
            return;
        }

        Send(stream, "AUTH TLS");
        Assert.StartsWith("234", ReadReply(stream));
        SslStream secured = Handshake(stream, server);
        Send(secured, "QUIT");
        Assert.StartsWith("221", ReadReply(secured));
    }

    [LabFact]
    public void Plain_servers_refuse_nothing_and_TLS_servers_refuse_plain_logins()
    {
        foreach (LabServer server in _fixture.Lab.Servers.Where(server => server.Encryption == LabEncryption.Explicit))
        {
            using var client = new TcpClient(AddressFamily.InterNetwork) { ReceiveTimeout = 10_000 };
            client.Connect(server.Host, server.Port);
            Stream stream = client.GetStream();
            Assert.StartsWith("220", ReadReply(stream));
            Send(stream, "USER " + server.User);
            string reply = ReadReply(stream);
            if (reply.StartsWith("331", StringComparison.Ordinal))
            {
                Send(stream, "PASS " + server.Password);
                reply = ReadReply(stream);
            }

            Assert.True(reply[0] is '5' or '4', $"{server.Name} accepted a plain-text login: {reply}");
        }
    }

    [LabTheory]
    [MemberData(nameof(CurlServers))]
    public void Curl_uploads_and_downloads_byte_identically(string name)
    {
        LabServer server = _fixture[name];
        string work = Directory.CreateTempSubdirectory("ftptools-smoke-").FullName;
        try
        {
            string upload = Path.Combine(work, "up.bin");
            string download = Path.Combine(work, "down.bin");
            byte[] content = RandomBytes(100_000);
            File.WriteAllBytes(upload, content);
            string remote = $"smoke-{name}.bin";

            (int exitCode, string output) = Curl(server, "-T", upload, server.Url + remote);
            Assert.True(exitCode == 0, $"curl upload to {server} failed ({exitCode}): {output}");
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(server.RootDirectory, remote)));

            (exitCode, output) = Curl(server, "-o", download, server.Url + remote);
            Assert.True(exitCode == 0, $"curl download from {server} failed ({exitCode}): {output}");
            Assert.Equal(content, File.ReadAllBytes(download));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [LabFact]
    public void Lftp_uploads_and_downloads_byte_identically_with_stock_pyftpdlib_TLS()
    {
        LabServer server = _fixture["pyftpdlib-explicit"];
        string work = Directory.CreateTempSubdirectory("ftptools-smoke-").FullName;
        try
        {
            byte[] content = RandomBytes(100_000);
            File.WriteAllBytes(Path.Combine(work, "up.bin"), content);
            string script = string.Join("; ",
                "set cmd:fail-exit yes",
                "set net:max-retries 1",
                "set net:timeout 10",
                "set ftp:ssl-force yes",
                "set ftp:ssl-protect-data yes",
                "set ssl:ca-file " + server.CertificatePath,
                $"open -u {server.User},{server.Password} {server.Url}",
                $"lcd {work}",
                "put up.bin -o lftp.bin",
                "get lftp.bin -o down.bin");
            (int exitCode, string output) = ExternalTool.Run("lftp", new[] { "-c", script }, ToolTimeout);
            Assert.True(exitCode == 0, $"lftp round trip with {server} failed ({exitCode}): {output}");
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(server.RootDirectory, "lftp.bin")));
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(work, "down.bin")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [LabFact]
    public void Servers_have_distinct_ports_and_passive_ranges_and_share_the_lab_certificate()
    {
        IReadOnlyList<LabServer> servers = _fixture.Lab.Servers;
        Assert.Equal(Lab.AllServerNames, servers.Select(server => server.Name));
        Assert.Equal(servers.Count, servers.Select(server => server.Port).Distinct().Count());
        var ftpServers = servers.Where(server => server.Kind != LabServerKind.Sshd).ToList();
        foreach (LabServer server in ftpServers)
        {
            Assert.Equal(49, server.PassivePortMax - server.PassivePortMin);
            Assert.DoesNotContain(ftpServers, other => other != server
                && other.PassivePortMin <= server.PassivePortMax && server.PassivePortMin <= other.PassivePortMax);
            Assert.DoesNotContain(servers, other => other.Port >= server.PassivePortMin && other.Port <= server.PassivePortMax);
            Assert.Equal(_fixture.Lab.Certificate.Sha256Thumbprint, server.CertificateSha256);
            Assert.True(server.IsRunning, server.Name + " is not running");
            Assert.True(Directory.Exists(server.RootDirectory));
        }
    }

    private static (int ExitCode, string Output) Curl(LabServer server, params string[] transfer)
    {
        var arguments = new List<string> { "-sS", "-g", "--max-time", "20", "-u", $"{server.User}:{server.Password}" };
        if (server.Encryption != LabEncryption.None)
        {
            arguments.AddRange(new[] { "--ssl-reqd", "--cacert", server.CertificatePath });
        }

        if (server.Encryption != LabEncryption.None && server.Kind == LabServerKind.Vsftpd)
        {
            // vsftpd + TLS 1.3 uploads: curl closes the data connection with the NewSessionTicket unread, the kernel
            // sends a RST and vsftpd answers 426 about one time in three. Not what this smoke test is about.
            arguments.AddRange(new[] { "--tls-max", "1.2" });
        }

        arguments.AddRange(transfer);
        return ExternalTool.Run("curl", arguments, ToolTimeout);
    }

    private static SslStream Handshake(Stream stream, LabServer server)
    {
        var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, certificate, _, _) =>
            certificate is not null && server.CertificateSha256 == Convert.ToHexString(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)));
        tls.AuthenticateAsClient("localhost");
        SslProtocols expected = server.MaxTlsVersion == new Version(1, 2) ? SslProtocols.Tls12 : SslProtocols.Tls13;
        Assert.Equal(expected, tls.SslProtocol);
        return tls;
    }

    private static void Send(Stream stream, string command)
    {
        stream.Write(Encoding.ASCII.GetBytes(command + "\r\n"));
        stream.Flush();
    }

    /// <summary>Reads one (possibly multi-line) reply byte by byte, so nothing after it is consumed.</summary>
    private static string ReadReply(Stream stream)
    {
        var reply = new StringBuilder();
        while (true)
        {
            string line = ReadLine(stream);
            reply.Append(line).Append('\n');
            if (reply.Length >= 4 && line.Length >= 4 && char.IsAsciiDigit(line[0]) && line[3] == ' ' && reply.ToString(0, 3) == line[..3])
            {
                return reply.ToString();
            }
        }
    }

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        int next;
        while ((next = stream.ReadByte()) >= 0 && next != '\n')
        {
            if (next != '\r')
            {
                bytes.Add((byte)next);
            }
        }

        if (next < 0 && bytes.Count == 0)
        {
            throw new EndOfStreamException("connection closed while reading a reply");
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FtpTools.Lab;

/// <summary>The JSON written by `serve --json FILE`, read by the Pester tests and the demo.</summary>
public sealed record LabDescription(
    string LabDirectory,
    string CertificatePath,
    string CertificateSha256,
    IReadOnlyList<LabServerDescription> Servers)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static LabDescription Of(Lab lab) => new(
        lab.Directory,
        lab.Certificate.CertificatePath,
        lab.Certificate.Sha256Thumbprint,
        lab.Servers.Select(LabServerDescription.Of).ToArray());

    public void Write(string path)
    {
        // Written next to the target and renamed, so readers polling for the file never see half of it.
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, ToJson());
        File.Move(temporary, path, overwrite: true);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}

public sealed record LabServerDescription(
    string Name,
    LabServerKind Kind,
    string Host,
    IReadOnlyList<string> Addresses,
    int Port,
    string Url,
    LabEncryption Encryption,
    bool RequiresTlsSessionReuse,
    string? MaxTlsVersion,
    string User,
    string Password,
    string RootDirectory,
    string CertificateSha256,
    string CertificatePath,
    int PassivePortMin,
    int PassivePortMax,
    string ServerDirectory,
    int? ProcessId,
    string Notes,
    string RemoteRootDirectory,
    IReadOnlyList<LabSshHostKey>? HostKeys,
    string? KnownHostsFile,
    IReadOnlyList<LabSshClientKey>? ClientKeys,
    IReadOnlyList<string>? AuthenticationMethods)
{
    public static LabServerDescription Of(LabServer server) => new(
        server.Name,
        server.Kind,
        server.Host,
        server.Addresses,
        server.Port,
        server.Url.ToString(),
        server.Encryption,
        server.RequiresTlsSessionReuse,
        server.MaxTlsVersion?.ToString(),
        server.User,
        server.Password,
        server.RootDirectory,
        server.CertificateSha256,
        server.CertificatePath,
        server.PassivePortMin,
        server.PassivePortMax,
        server.ServerDirectory,
        server.ProcessId,
        server.Definition.Notes,
        server.RemoteRootDirectory,
        server.Ssh?.HostKeys,
        server.Ssh?.KnownHostsFile,
        server.Ssh?.ClientKeys,
        server.Ssh?.AuthenticationMethods);
}

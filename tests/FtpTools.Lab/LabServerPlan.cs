using System.IO;

namespace FtpTools.Lab;

/// <summary>Everything a config generator needs for one server of one lab run.</summary>
internal sealed record LabServerPlan(
    LabServerDefinition Definition,
    LabEnvironment Environment,
    LabAccount Account,
    string PasswordCryptHash,
    LabCertificate Certificate,
    string ServerDirectory,
    string RootDirectory,
    string EmptyDirectory,
    int Port,
    int PassivePortMin,
    int PassivePortMax,
    LabSshClientKeys? SshClientKeys = null)
{
    public string PathInServerDirectory(string fileName) => Path.Combine(ServerDirectory, fileName);

    public bool UsesTls => Definition.Encryption != LabEncryption.None;

    public bool CapsTlsAt12 => Definition.MaxTlsVersion is { Major: 1, Minor: 2 };
}

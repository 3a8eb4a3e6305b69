namespace FtpTools.Lab;

public enum LabServerKind
{
    Vsftpd,
    Proftpd,
    PureFtpd,
    Pyftpdlib,
    Sshd,
}

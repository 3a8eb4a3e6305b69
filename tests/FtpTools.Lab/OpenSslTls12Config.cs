using System.IO;

namespace FtpTools.Lab;

/// <summary>An OPENSSL_CONF file that caps a server at TLS 1.2 without touching its own config.</summary>
internal static class OpenSslTls12Config
{
    public static string Write(string path)
    {
        File.WriteAllText(path, """
            openssl_conf = openssl_init
            [openssl_init]
            ssl_conf = ssl_sect
            [ssl_sect]
            system_default = system_default_sect
            [system_default_sect]
            MinProtocol = TLSv1.2
            MaxProtocol = TLSv1.2
            CipherString = DEFAULT:@SECLEVEL=2

            """);
        return path;
    }
}

using System;
using System.Net;

namespace FtpTools.Engine.Planning
{
    /// <summary>Checks an -ActiveExternalAddress value: the IP address active mode advertises in PORT or EPRT (no host names).</summary>
    public static class ActiveExternalAddress
    {
        public static IPAddress Parse(string text)
        {
            if (!IPAddress.TryParse(text, out var address))
                throw new ArgumentException("-ActiveExternalAddress '" + text + "' is not an IP address.", "ActiveExternalAddress");
            return address;
        }
    }
}

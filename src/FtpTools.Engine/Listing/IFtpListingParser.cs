namespace FtpTools.Engine
{
    /// <summary>One link in the LIST parser chain: it either understands a line or says "not mine" by returning false.</summary>
    public interface IFtpListingParser
    {
        /// <summary>Parses one line. Returns false for a line this parser does not understand. Sets item to null for a line it understands but that names no entry ("total 12").</summary>
        bool TryParse(string line, FtpListingContext context, out FtpListItem? item);
    }
}

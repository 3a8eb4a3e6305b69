namespace FtpTools
{
    /// <summary>What Test-FtpPath looks for: anything, a file (leaf) or a directory (container).</summary>
    public enum FtpPathType
    {
        Any,
        Leaf,
        Container,
    }
}

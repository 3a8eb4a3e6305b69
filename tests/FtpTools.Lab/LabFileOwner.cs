using System.ComponentModel;
using System.Runtime.InteropServices;

namespace FtpTools.Lab;

internal static class LabFileOwner
{
    public static void Change(string path, int uid, int gid)
    {
        if (Chown(path, uid, gid) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), "chown " + path);
        }
    }

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);
}

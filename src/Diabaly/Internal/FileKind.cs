using System.Runtime.InteropServices;

namespace Diabaly.Internal;

/// <summary>Whether a path is a regular file, as the operating system says. A FIFO, a device such as /dev/zero, a socket or a
/// directory is not: reading one would block forever or never end.</summary>
internal static class FileKind
{
    /// <summary>True for a regular file, false for anything else that exists, null when the system cannot tell (or on Windows, where
    /// such files do not arise), in which case a read with a limit is the only guard.</summary>
    public static bool? IsRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            // .NET's own native shim fills a FileStatus whose second 32-bit field is the mode, with portable file-type bits
            // (0xF000 mask, 0x8000 regular), the same on every Unix .NET runs on.
            byte[] status = new byte[512];
            if (NativeMethods.SystemNative_Stat(path, status) != 0)
            {
                return null;
            }

            int mode = BitConverter.ToInt32(status, 4);
            return (mode & 0xF000) == 0x8000;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or MarshalDirectiveException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
#pragma warning disable CA2101 // The path is marshalled as UTF-8 explicitly, as the shim expects.
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int SystemNative_Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);
#pragma warning restore CA2101
    }
}

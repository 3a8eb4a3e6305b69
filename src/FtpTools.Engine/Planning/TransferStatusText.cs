using System;
using System.Globalization;

namespace FtpTools.Engine.Planning
{
    /// <summary>The words a progress bar shows: "12.3 MiB of 50.0 MiB at 4.2 MiB/s" (binary units: 1 MiB = 1024 KiB).</summary>
    public static class TransferStatusText
    {
        private static readonly string[] Units = { "B", "KiB", "MiB", "GiB", "TiB" };

        public static string FormatBytes(long bytes)
        {
            double value = bytes;
            var unit = 0;
            while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return unit == 0
                ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
                : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
        }

        public static string Describe(FtpTransferProgress progress)
        {
            if (progress is null) throw new ArgumentNullException(nameof(progress));
            var text = FormatBytes(progress.BytesTransferred);
            if (progress.TotalBytes is long total) text += " of " + FormatBytes(total);
            if (progress.BytesPerSecond > 0) text += " at " + FormatBytes((long)progress.BytesPerSecond) + "/s";
            return text;
        }

        /// <summary>The parent bar's status: "File 3 of 20, 120.0 MiB of 400.0 MiB".</summary>
        public static string DescribeBatch(int fileNumber, int fileCount, long bytesDone, long? totalBytes)
        {
            var text = "File " + fileNumber.ToString(CultureInfo.InvariantCulture) + " of " + fileCount.ToString(CultureInfo.InvariantCulture);
            text += ", " + FormatBytes(bytesDone);
            if (totalBytes is long total) text += " of " + FormatBytes(total);
            return text;
        }
    }
}

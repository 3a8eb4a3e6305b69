namespace FtpTools.Fuzz
{
    /// <summary>Real lines captured from the lab servers (ftplab-reference/feat) and the parser tests: the starting points of mutation.</summary>
    public static class SeedCorpus
    {
        public static readonly string[] UnixLines =
        {
            "drwxr-xr-x    2 1001     1001         4096 Nov 21 05:05 .",
            "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt",
            "-rw-r--r--    1 1001       ftptest          1400 Jan  2  2020 probe.txt",
            "drwxr-xr-x   2 ftptest  ftptest      4096 Nov 21 05:05 ..",
            " -rw-r--r--   1 ftptest  ftptest      1400 Jan  2  2021 probe.txt",
            "-rw-------   1 ftptest  ftptest      1400 Jan 02  2020 probe.txt",
            "lrwxrwxrwx   1 ftptest  ftptest        10 Nov 21 05:05 probe-link.txt -> /probe.txt",
            "lrwxrwxrwx   1 root     root           21 Nov 21 05:05 my link -> ../target dir/a b",
            "-rw-r--r--    1 1001     1001     6442450944 Nov 21 05:05 big.iso",
            "-rw-r--r--    1 1001     1001          100 Nov 21 05:05 報告 2026.txt",
            "-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 Nov 21 05:05 copy",
            "crw-rw-rw- 1 root root 1, 3 Nov 21 09:15 null",
            "brw-rw----   1 root     disk     259,0 Nov 20 08:00 nvme0n1",
            "drwxrwxrwt+  12 root     root         4096 Nov 21 05:05 tmp",
            "-rwsr-Sr-T@   1 root     wheel          42 Nov 21 05:05 odd",
            "-rw-r--r--   1 ftp           1400 Nov 21 05:05 nogroup.txt",
            "-rw-r--r-- 1 owner group 12 2026-11-21 09:15 iso.txt",
            "total 12",
        };

        public static readonly string[] DosLines =
        {
            "11-21-26  09:15AM       <DIR>          name",
            "11-21-26  09:15AM                 1234 name with spaces.txt",
            "02-11-21  10:13AM                  689 iisstart.htm",
            "11-21-2026  09:15PM       <DIR>          Logs",
            "11-21-26  21:15                 6442450944 big.iso",
            "02-11-98  11:59pm                   17 old.txt",
            "11/21/2026  09:15AM                 5 slashes.txt",
            "11-21-26  09:15AM                   12  leading.txt",
            "11-21-26  09:15AM       <DIR>          報告",
        };

        public static readonly string[] MlsdLines =
        {
            "modify=20261121050527;perm=adfrw;size=10;type=OS.unix=symlink;unique=FE00UD401F; probe-link.txt",
            "type=file;size=1400;modify=20200101000000;UNIX.mode=0600;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd401e; probe.txt",
            "modify=20210102030405;perm=adfrw;size=1400;type=file;unique=FE00UD401F;UNIX.group=1001;UNIX.groupname=ftptest;UNIX.mode=0644;UNIX.owner=1001;UNIX.ownername=ftptest; probe.txt",
            "type=dir;sizd=4096;modify=20261121050527;UNIX.mode=2775; shared; docs",
            "Type=File;Size=6442450944;Modify=20261121050527.123; big file.iso",
            "TYPE=DIR;MODIFY=20261121050527.5;PERM=flcdmpe; Upper",
            "type=OS.unix=slink:/etc/target file;size=5; link",
            "type=cdir;sizd=4096;modify=20261121050527;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd4004; .",
            "type=pdir;sizd=4096;modify=20261121050527;UNIX.mode=0755; ..",
            " name-without-facts",
        };

        /// <summary>Whole control-connection conversations (CRLF included), as the servers sent them.</summary>
        public static readonly string[] ReplyStreams =
        {
            "220 ProFTPD ftplab plain\r\n",
            "220 (vsFTPd 3.0.3)\r\n",
            "220-------- Welcome to Pure-FTPd [privsep] [TLS] ----------\r\n220-You are user number 1 of 50 allowed.\r\n220 This is a private system - No anonymous login\r\n",
            "211-Features:\r\n CLNT\r\n EPSV\r\n HASH CRC32;MD5;SHA-1*;SHA-256;SHA-512;\r\n MLST modify*;perm*;size*;type*;unique*;UNIX.group*;\r\n UTF8\r\n211 End\r\n",
            "250-Start of list for probe.txt\r\n modify=20210102030405;perm=adfrw;size=1400;type=file; /probe.txt\r\n250 End of list\r\n",
            "213-Computing SHA-1 digest\r\n213 SHA-1 0-1400 28578266d5d2412554893c2f1466b6b8b0aa4705 probe.txt\r\n",
            "214-The following commands are recognized.\r\n ABOR ACCT ALLO APPE CDUP CWD  DELE EPRT EPSV FEAT HELP LIST MDTM MKD\r\n214 Help OK.\r\n",
            "230 User ftptest logged in\r\n257 \"/\" is the current directory\r\n",
            "150 Opening BINARY mode data connection for probe.txt (1400 bytes)\r\n226 Transfer complete\r\n",
            "213-Status of probe.txt:\r\n -rw-r--r--   1 ftptest  ftptest      1400 Jan  2  2021 probe.txt\r\n213 End of status\r\n",
        };

        public static readonly string[] PasvTexts =
        {
            "Entering Passive Mode (127,0,0,1,117,220).",
            "Entering Passive Mode (127,0,0,1,121,211)",
            "Entering passive mode (127,0,0,1,125,78).",
            "Entering Passive Mode 10,1,2,3,4,1",
            "Entering Passive Mode (192, 168, 1, 20, 19, 137)",
            "Entering Passive Mode (1,123,59).",
        };

        public static readonly string[] EpsvTexts =
        {
            "Entering Extended Passive Mode (|||30157|)",
            "Extended Passive mode OK (|||31121|)",
            "Entering extended passive mode (|||32032|).",
            "Entering Extended Passive Mode (!!!6446!)",
            "Entering Extended Passive Mode (|1|127.0.0.1|30157|)",
        };

        public static readonly string[] DirectoryTexts =
        {
            "\"/\" is the current directory",
            "\"/xdir\" created",
            "\"/a \"\"quoted\"\" dir\" is current directory.",
            "MKD command successful.",
            "\"/unterminated",
        };

        /// <summary>Characters that parsers treat specially or that are easy to get wrong.</summary>
        public const string Interesting = " \t\r\n\0;=(),|!-\"/\\.:<>+@*0123456789AaPpMm\u00e9\u5831\ufffd\u202e\u00a0\u2028\ud800\udc00\u0663";

        public static readonly string[] InterestingNumbers =
        {
            "0", "00", "-1", "1", "255", "256", "999", "1023", "65535", "65536", "2147483647", "2147483648", "-2147483648",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999999", "00000000000000",
            "99991231235959", "00010101000000", "20261321050527", "20260229000000", "20240229000000",
        };
    }
}

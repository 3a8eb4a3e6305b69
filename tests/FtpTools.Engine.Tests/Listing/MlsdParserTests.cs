using System;
using Xunit;
using static FtpTools.Engine.Tests.Listing.ListingTestSupport;

namespace FtpTools.Engine.Tests.Listing
{
    public sealed class MlsdParserTests
    {
        [Theory]
        // Captured from the lab servers (ftplab-reference/feat): ProFTPD, Pure-FTPd, pyftpdlib.
        [InlineData("modify=20261121050527;perm=adfrw;size=10;type=OS.unix=symlink;unique=FE00UD401F; probe-link.txt", "probe-link.txt", FtpItemType.SymbolicLink, 10L, "2026-11-21T05:05:27Z", "adfrw", null, null, null)]
        [InlineData("type=file;size=1400;modify=20200101000000;UNIX.mode=0600;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd401e; probe.txt", "probe.txt", FtpItemType.File, 1400L, "2020-01-01T00:00:00Z", "rw-------", "1001", "1001", null)]
        [InlineData("modify=20200102030405;perm=radfwMT;size=1400;type=file;unique=fe00gd4022; probe.txt", "probe.txt", FtpItemType.File, 1400L, "2020-01-02T03:04:05Z", "radfwMT", null, null, null)]
        [InlineData("modify=20210102030405;perm=adfrw;size=1400;type=file;unique=FE00UD401F;UNIX.group=1001;UNIX.groupname=ftptest;UNIX.mode=0644;UNIX.owner=1001;UNIX.ownername=ftptest; probe.txt", "probe.txt", FtpItemType.File, 1400L, "2021-01-02T03:04:05Z", "rw-r--r--", "ftptest", "ftptest", null)]
        // Names after the single space may hold spaces and ';'; leading spaces belong to the name.
        [InlineData("type=dir;sizd=4096;modify=20261121050527;UNIX.mode=2775; shared; docs", "shared; docs", FtpItemType.Directory, 4096L, "2026-11-21T05:05:27Z", "rwxrwsr-x", null, null, null)]
        [InlineData("type=file;size=12; my  report.txt", "my  report.txt", FtpItemType.File, 12L, null, null, null, null, null)]
        [InlineData("type=file;size=12;  leading.txt", " leading.txt", FtpItemType.File, 12L, null, null, null, null, null)]
        [InlineData("type=file;size=12; -rf", "-rf", FtpItemType.File, 12L, null, null, null, null, null)]
        [InlineData("type=file;size=3; café.txt", "café.txt", FtpItemType.File, 3L, null, null, null, null, null)]
        [InlineData("type=file;size=3; 報告 2026.txt", "報告 2026.txt", FtpItemType.File, 3L, null, null, null, null, null)]
        // Fact names and type values are case-insensitive; sizes over 4 GiB; fractional seconds.
        [InlineData("Type=File;Size=6442450944;Modify=20261121050527.123; big file.iso", "big file.iso", FtpItemType.File, 6442450944L, "2026-11-21T05:05:27.123Z", null, null, null, null)]
        [InlineData("TYPE=DIR;MODIFY=20261121050527.5;PERM=flcdmpe; Upper", "Upper", FtpItemType.Directory, null, "2026-11-21T05:05:27.5Z", "flcdmpe", null, null, null)]
        [InlineData("type=OS.unix=slink:/etc/target file;size=5; link", "link", FtpItemType.SymbolicLink, 5L, null, null, null, null, "/etc/target file")]
        [InlineData("type=OS.UNIX=SLINK;size=5; link", "link", FtpItemType.SymbolicLink, 5L, null, null, null, null, null)]
        [InlineData("type=OS.unix=chr-1/3;modify=20261121050527; null", "null", FtpItemType.Other, null, "2026-11-21T05:05:27Z", null, null, null, null)]
        [InlineData("size=1;modify=20261121050527; no-type", "no-type", FtpItemType.Other, 1L, "2026-11-21T05:05:27Z", null, null, null, null)]
        [InlineData("UNIX.owner=0;UNIX.uid=0;UNIX.group=wheel;UNIX.gid=0;type=file;size=0; owned", "owned", FtpItemType.File, 0L, null, null, "0", "wheel", null)]
        [InlineData("UNIX.mode=4755;perm=r;type=file;size=0; suid", "suid", FtpItemType.File, 0L, null, "rwsr-xr-x", null, null, null)]
        [InlineData("UNIX.mode=bogus;perm=r;type=file;size=0; badmode", "badmode", FtpItemType.File, 0L, null, "r", null, null, null)]
        [InlineData(" facts-less name", "facts-less name", FtpItemType.Other, null, null, null, null, null, null)]
        public void Parses_mlsd_entry_fields(string line, string name, FtpItemType type, long? length, string? lastWriteTime, string? permissions, string? owner, string? group, string? linkTarget)
        {
            var parsed = new MlsdParser().TryParse(line, Context("/in"), out var item);

            Assert.True(parsed);
            Assert.NotNull(item);
            Assert.Equal(name, item!.Name);
            Assert.Equal("/in/" + name, item.FullName);
            Assert.Equal(type, item.Type);
            Assert.Equal(length, item.Length);
            AssertTime(lastWriteTime, item.LastWriteTime);
            Assert.False(item.LastWriteTimeIsApproximate);
            Assert.Equal(permissions, item.Permissions);
            Assert.Equal(owner, item.Owner);
            Assert.Equal(group, item.Group);
            Assert.Equal(linkTarget, item.LinkTarget);
            Assert.Equal(line, item.RawLine);
            Assert.NotNull(item.Facts);
        }

        [Fact]
        public void Keeps_every_fact_with_lower_case_names()
        {
            const string line = "type=cdir;sizd=4096;modify=20261121050527;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd4004; sub";

            Assert.True(new MlsdParser().TryParseMlst(line, Context("/"), out var item));

            Assert.Equal(7, item!.Facts!.Count);
            Assert.Equal("fe00gd4004", item.Facts["unique"]);
            Assert.Equal("0755", item.Facts["unix.mode"]);
            Assert.Equal("cdir", item.Facts["type"]);
        }

        [Theory]
        // The listed directory and its parent name no entry of the directory.
        [InlineData("modify=20261121050527;perm=flcdmpe;type=cdir;unique=FE00UD4004; .")]
        [InlineData("type=cdir;sizd=4096;modify=20261121050527;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd4004; .")]
        [InlineData("type=pdir;sizd=4096;modify=20261121050527;UNIX.mode=0755;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd4003; ..")]
        [InlineData("type=CDir;modify=20261121050527; /in")]
        public void Understands_cdir_and_pdir_as_no_entry(string line)
        {
            Assert.True(new MlsdParser().TryParse(line, Context("/in"), out var item));

            Assert.Null(item);
        }

        [Theory]
        [InlineData("")]
        [InlineData("hello world")]
        [InlineData("hello world; name")]
        [InlineData("type=file;size=1400")]
        [InlineData("type=file;size=1400;")]
        [InlineData("type=file;size=1400; ")]
        [InlineData("type=file;size=abc; probe.txt")]
        [InlineData("type=file;size=-1; probe.txt")]
        [InlineData("type=dir;sizd=big; probe")]
        [InlineData("type=file;modify=2026; probe.txt")]
        [InlineData("type=file;modify=20261321050527; probe.txt")]
        [InlineData("type=file;modify=20261121050527.; probe.txt")]
        [InlineData("type=file;=x; probe.txt")]
        [InlineData("-rw-r--r--    1 1001     1001         1400 Nov 21 05:05 probe.txt")]
        [InlineData("11-21-26  09:15AM                 1234 name.txt")]
        public void Rejects_lines_it_does_not_understand(string line)
        {
            Assert.False(new MlsdParser().TryParse(line, Context("/"), out var item));

            Assert.Null(item);
        }

        [Theory]
        // MLST answers with the path; the control connection puts one space before the entry.
        [InlineData(" modify=20210102030405;perm=adfrw;size=1400;type=file;unique=FE00UD401F;UNIX.group=1001;UNIX.groupname=ftptest;UNIX.mode=0644;UNIX.owner=1001;UNIX.ownername=ftptest; /probe.txt", "/", "probe.txt", "/probe.txt", FtpItemType.File, 1400L, "2021-01-02T03:04:05Z", "rw-r--r--", "ftptest")]
        [InlineData(" modify=20200102030405;perm=radfwMT;size=1400;type=file;unique=fe00gd4022; /probe.txt", "/in", "probe.txt", "/probe.txt", FtpItemType.File, 1400L, "2020-01-02T03:04:05Z", "radfwMT", null)]
        [InlineData("modify=20200102030405;perm=radfwMT;size=1400;type=file;unique=fe00gd4022; /probe.txt", "/", "probe.txt", "/probe.txt", FtpItemType.File, 1400L, "2020-01-02T03:04:05Z", "radfwMT", null)]
        // Pure-FTPd answers with the path as asked (relative): it is resolved against the working directory.
        [InlineData(" type=file;size=1400;modify=20200102030405;UNIX.mode=0644;UNIX.uid=1001;UNIX.gid=1001;unique=fe00gd401e; probe.txt", "/in", "probe.txt", "/in/probe.txt", FtpItemType.File, 1400L, "2020-01-02T03:04:05Z", "rw-r--r--", "1001")]
        [InlineData(" type=file;size=7; sub dir/a b.txt", "/in", "a b.txt", "/in/sub dir/a b.txt", FtpItemType.File, 7L, null, null, null)]
        // MLST of a directory may say cdir: here it is the item asked about.
        [InlineData(" type=cdir;sizd=4096;modify=20261121050527;UNIX.mode=0755; /pub/incoming", "/", "incoming", "/pub/incoming", FtpItemType.Directory, 4096L, "2026-11-21T05:05:27Z", "rwxr-xr-x", null)]
        [InlineData(" type=dir;modify=20261121050527; /", "/", "/", "/", FtpItemType.Directory, null, "2026-11-21T05:05:27Z", null, null)]
        [InlineData(" type=OS.unix=symlink;size=10; /probe-link.txt", "/", "probe-link.txt", "/probe-link.txt", FtpItemType.SymbolicLink, 10L, null, null, null)]
        public void Parses_mlst_entries_whose_name_is_a_path(string line, string workingDirectory, string name, string fullName, FtpItemType type, long? length, string? lastWriteTime, string? permissions, string? owner)
        {
            Assert.True(new MlsdParser().TryParseMlst(line, Context(workingDirectory), out var item));

            Assert.NotNull(item);
            Assert.Equal(name, item!.Name);
            Assert.Equal(fullName, item.FullName);
            Assert.Equal(type, item.Type);
            Assert.Equal(length, item.Length);
            AssertTime(lastWriteTime, item.LastWriteTime);
            Assert.Equal(permissions, item.Permissions);
            Assert.Equal(owner, item.Owner);
        }

        [Theory]
        [InlineData("0755", "rwxr-xr-x")]
        [InlineData("755", "rwxr-xr-x")]
        [InlineData("0644", "rw-r--r--")]
        [InlineData("0600", "rw-------")]
        [InlineData("0", "---------")]
        [InlineData("0777", "rwxrwxrwx")]
        [InlineData("4755", "rwsr-xr-x")]
        [InlineData("4644", "rwSr--r--")]
        [InlineData("2775", "rwxrwsr-x")]
        [InlineData("2745", "rwxr-Sr-x")]
        [InlineData("1777", "rwxrwxrwt")]
        [InlineData("1776", "rwxrwxrwT")]
        [InlineData("7777", "rwsrwsrwt")]
        [InlineData("100644", "rw-r--r--")]
        [InlineData("040755", "rwxr-xr-x")]
        [InlineData("", null)]
        [InlineData("0658", null)]
        [InlineData("rwxr-xr-x", null)]
        [InlineData("12345670", null)]
        public void Converts_octal_unix_mode_to_rwx(string mode, string? expected)
        {
            Assert.Equal(expected, MlsdParser.ConvertUnixModeToPermissions(mode));
        }

        [Theory]
        [InlineData("20261121050527", "2026-11-21T05:05:27Z")]
        [InlineData("20261121050527.1", "2026-11-21T05:05:27.1Z")]
        [InlineData("20261121050527.123", "2026-11-21T05:05:27.123Z")]
        [InlineData("20261121050527.1234567", "2026-11-21T05:05:27.1234567Z")]
        [InlineData("19700101000000", "1970-01-01T00:00:00Z")]
        public void Parses_rfc3659_time_values_as_utc(string text, string expected)
        {
            Assert.True(MlsdParser.TryParseTimeVal(text, out var value));

            Assert.Equal(Utc(expected), value);
            Assert.Equal(TimeSpan.Zero, value.Offset);
        }

        [Theory]
        [InlineData("")]
        [InlineData("2026112105052")]
        [InlineData("202611210505270")]
        [InlineData("20261121250527")]
        [InlineData("20261121050527.")]
        [InlineData("20261121050527.1x")]
        [InlineData("2026-11-21 05:05")]
        public void Rejects_malformed_time_values(string text)
        {
            Assert.False(MlsdParser.TryParseTimeVal(text, out _));
        }
    }
}

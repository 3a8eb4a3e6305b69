# A pyftpdlib server (the lab's pyftpdlib 1.5.7) with deliberate faults, for Pester tests of what real servers will not do
# on demand. Run with /usr/bin/python3; it prints "ready <port>" when it listens, and serves until it is killed.
#   - A directory named "hostile" lists, besides its real entries, names no server should send: "../escape.txt",
#     "/tmp/absolute.txt", "a/b.txt" and a name with a control character (MLSD, and LIST with --no-mlsd).
#   - RETR of a file whose name starts with "cut-" sends only the first half of it and then reports success (226),
#     as when a firewall or proxy closes the data connection early.
#   - --no-mlsd removes MLST and MLSD, so clients must use LIST; pyftpdlib answers "LIST -a <dir>" with 550.
#   - XSHA256 (listed in FEAT) answers with the file's SHA-256, except for a file whose name contains "liar-": for that
#     one it answers with the hash of other bytes, as a server whose checksums are wrong would.
import argparse
import hashlib
import os
import sys

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.filesystems import AbstractedFS
from pyftpdlib.handlers import FTPHandler, proto_cmds
from pyftpdlib.servers import FTPServer

HOSTILE_NAMES = ["../escape.txt", "/tmp/absolute.txt", "a/b.txt", "bell\x07.txt"]

parser = argparse.ArgumentParser()
parser.add_argument("--root", required=True)
parser.add_argument("--user", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--no-mlsd", action="store_true")
args = parser.parse_args()


def is_hostile(fs, basedir):
    return fs.fs2ftp(basedir).rstrip("/").split("/")[-1] == "hostile"


class HostileFS(AbstractedFS):
    def format_list(self, basedir, listing, ignore_err=True):
        for line in AbstractedFS.format_list(self, basedir, listing, ignore_err):
            yield line
        if is_hostile(self, basedir):
            for name in HOSTILE_NAMES:
                yield ("-rw-r--r--   1 owner    group           5 Jan 01  2024 %s\r\n" % name).encode("utf8")

    def format_mlsx(self, basedir, listing, perms, facts, ignore_err=True):
        for line in AbstractedFS.format_mlsx(self, basedir, listing, perms, facts, ignore_err):
            yield line
        # MLST asks with ignore_err=False and about one entry: only MLSD gets the extra names.
        if ignore_err and is_hostile(self, basedir):
            for name in HOSTILE_NAMES:
                yield ("type=file;size=5;modify=20240101000000; %s\r\n" % name).encode("utf8")


class Handler(FTPHandler):
    abstracted_fs = HostileFS

    def ftp_RETR(self, file):
        if os.path.basename(file).startswith("cut-"):
            with open(file, "rb") as source:
                data = source.read()
            self.push_dtp_data(data[: len(data) // 2], isproducer=False, cmd="RETR")
            return file
        return FTPHandler.ftp_RETR(self, file)

    def ftp_FEAT(self, line):
        if "XSHA256" not in self._extra_feats:
            self._extra_feats = list(self._extra_feats) + ["XSHA256"]
        return FTPHandler.ftp_FEAT(self, line)

    def ftp_XSHA256(self, path):
        try:
            with open(path, "rb") as source:
                data = source.read()
        except OSError as error:
            self.respond("550 %s." % error.strerror)
            return
        if "liar-" in os.path.basename(path):
            data += b"!"
        self.respond("250 " + hashlib.sha256(data).hexdigest())


commands = dict(proto_cmds)
commands["XSHA256"] = dict(perm="r", auth=True, arg=True, help="Syntax: XSHA256 <SP> file-name (SHA-256 of the file).")
if args.no_mlsd:
    commands = dict((name, value) for name, value in commands.items() if name not in ("MLST", "MLSD"))
Handler.proto_cmds = commands

authorizer = DummyAuthorizer()
authorizer.add_user(args.user, args.password, args.root, perm="elradfmwMT")
Handler.authorizer = authorizer
Handler.banner = "hostile pyftpdlib for FtpTools tests"
server = FTPServer(("127.0.0.1", 0), Handler)
print("ready %d" % server.socket.getsockname()[1])
sys.stdout.flush()
server.serve_forever()

#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal that behaves like an attended terminal: whatever the command draws is read
(and counted), and each cursor-position query (ESC[6n) is answered at once, as xterm would, so PowerShell's console
host really draws its progress bar and never waits for an answer.

    answering-pty.py COMMAND [ARG...]

Prints "terminal-bytes=N cursor-queries=Q" on stdout and exits with the command's exit code. When the command fails,
the last lines it wrote to the terminal (escape sequences removed) go to stderr.
"""
import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios

CURSOR_QUERY = b"\x1b[6n"
ROWS, COLUMNS = 30, 120
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def main():
    command = sys.argv[1:]
    pid, master = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(command[0], command)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    total = 0
    queries = 0
    row = 1
    tail = b""
    last_output = b""
    status = None
    while status is None:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            total += len(chunk)
            last_output = (last_output + chunk)[-8192:]
            row = min(ROWS, row + chunk.count(b"\n"))
            window = tail + chunk
            new_queries = window.count(CURSOR_QUERY) - tail.count(CURSOR_QUERY)
            for _ in range(new_queries):
                os.write(master, b"\x1b[%d;1R" % row)
            queries += new_queries
            tail = window[-(len(CURSOR_QUERY) - 1):]
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(code)
    print("terminal-bytes=%d cursor-queries=%d" % (total, queries))
    if status != 0:
        text = ESCAPES.sub(b"", last_output).decode("utf-8", "replace").replace("\r", "")
        lines = [line for line in text.split("\n") if line.strip()]
        sys.stderr.write("\n".join(lines[-8:]) + "\n")
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main()

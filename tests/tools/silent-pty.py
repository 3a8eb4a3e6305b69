#!/usr/bin/env python3
"""Runs a command in a pseudo-terminal that never answers: output is read and thrown away, nothing is typed,
and cursor-position queries (ESC[6n) stay unanswered, like a terminal under `script` or a dumb serial console.

    silent-pty.py TIMEOUT_SECONDS COMMAND [ARG...]

Prints one line, "exit=N seconds=S queries=Q", and exits 0; when the command outlives TIMEOUT_SECONDS it is
killed and the line reads "exit=timeout". Q counts the ESC[6n queries the command wrote to the terminal.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

CURSOR_QUERY = b"\x1b[6n"


def main():
    timeout = float(sys.argv[1])
    command = sys.argv[2:]
    started = time.monotonic()
    pid, master = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.execvp(command[0], command)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    queries = 0
    tail = b""
    status = None
    while status is None:
        left = timeout - (time.monotonic() - started)
        if left <= 0:
            # pty.fork made the child a session (and process group) leader: this ends pwsh's dotnet process too.
            os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            print("exit=timeout seconds=%.2f queries=%d" % (time.monotonic() - started, queries))
            return
        ready, _, _ = select.select([master], [], [], min(left, 0.5))
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            window = tail + chunk
            queries += window.count(CURSOR_QUERY) - tail.count(CURSOR_QUERY)
            tail = window[-(len(CURSOR_QUERY) - 1):]
        done, code = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(code)
    print("exit=%d seconds=%.2f queries=%d" % (status, time.monotonic() - started, queries))


if __name__ == "__main__":
    main()

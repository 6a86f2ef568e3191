"""Runs a command with its stdout and stderr on a pseudo-terminal; copies what it prints to stdout.

Exit status: the command's. Unlike pty.spawn, it does not wait for the terminal to be closed by
every process that might hold it: once the command has exited, what is left is drained and the
runner ends. A command still running after 120 s is killed (status 124), so a test fails instead of
hanging.
"""
import os
import select
import signal
import sys
import time

pid, fd = os.forkpty()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])

deadline = time.monotonic() + 120
status = None
while True:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the terminal's other side is closed
            data = b""
        if data:
            os.write(1, data)
            continue
        if status is not None:
            break
    if status is None:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            continue  # drain what is left
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            sys.exit(124)
    elif not ready:
        break  # exited and nothing more to read
sys.exit(os.waitstatus_to_exitcode(status))

#!/usr/bin/env python3
"""End-to-end start-up and idle measurements of the release binary on the built-in sandbox.

    cargo build --release && python3 benches/startup.py [--runs 20] [--idle-seconds 10]

For each run it starts `cognito-tui --sandbox` in a 120x30 pseudo-terminal and records the time from
exec to (a) the first frame (the header text is on the terminal) and (b) the seeded pools on screen
with their details loaded (the last seeded pool's provider column is drawn). It then keeps one console
open and idle and reads its CPU time from /proc to show it does not busy-loop. Also prints the binary's
size. Uses only the Python standard library.
"""

import argparse
import os
import pty
import select
import signal
import statistics
import struct
import fcntl
import termios
import time

BINARY = os.path.join(os.path.dirname(__file__), "..", "target", "release", "cognito-tui")


def spawn(cols=120, rows=30):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", AWS_EC2_METADATA_DISABLED="true")
        os.execve(BINARY, [BINARY, "--sandbox"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def read_until(fd, needles, deadline, buf):
    """Reads until every needle has been seen; returns {needle: seconds since start}."""
    seen = {}
    while len(seen) < len(needles) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        now = time.monotonic()
        buf.extend(chunk)
        text = buf.decode("utf-8", "replace")
        for needle in needles:
            if needle not in seen and needle in text:
                seen[needle] = now
    return seen


def stop(pid, fd):
    os.kill(pid, signal.SIGTERM)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf(os.sysconf_names["SC_CLK_TCK"])
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()

    first_frame, pools_shown = [], []
    for _ in range(args.runs):
        start = time.monotonic()
        pid, fd = spawn()
        buf = bytearray()
        seen = read_until(fd, ["cognito-tui", "old-pool", "Digits"], start + 30, buf)
        stop(pid, fd)
        if len(seen) < 3:
            raise SystemExit(f"run did not reach the pools: saw {sorted(seen)}")
        first_frame.append((seen["cognito-tui"] - start) * 1000)
        pools_shown.append((seen["Digits"] - start) * 1000)

    size = os.path.getsize(BINARY)
    print(f"binary size: {size / 1e6:.1f} MB ({size} bytes)")
    print(f"runs: {args.runs}")
    print(f"launch -> first frame:            median {statistics.median(first_frame):.0f} ms, p90 {pct(first_frame, 0.9):.0f} ms")
    print(f"launch -> seeded pools + details: median {statistics.median(pools_shown):.0f} ms, p90 {pct(pools_shown, 0.9):.0f} ms")

    pid, fd = spawn()
    buf = bytearray()
    read_until(fd, ["Digits"], time.monotonic() + 30, buf)
    time.sleep(1.0)
    before = cpu_seconds(pid)
    t0 = time.monotonic()
    # Keep draining the pty so the console never blocks on output.
    read_until(fd, ["<never printed>"], t0 + args.idle_seconds, bytearray())
    used = cpu_seconds(pid) - before
    elapsed = time.monotonic() - t0
    stop(pid, fd)
    print(f"idle CPU over {elapsed:.0f} s: {used:.2f} s of CPU = {100 * used / elapsed:.2f} %")


if __name__ == "__main__":
    main()

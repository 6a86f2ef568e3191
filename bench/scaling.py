#!/usr/bin/env python3
"""Time of `esgaudit check` as inputs double: a linear path doubles (ratio ~2), a quadratic one
quadruples (ratio ~4). Each series is generated into a temporary directory (nothing is written to
the repository) from the sample report and synthetic rows:

  one-line     the sample with newlines replaced by spaces, cut or repeated to 1 KB ... 4 MB
  numbers      one prose line with N figures and no cell gaps
  cell-gaps    one line with N figures separated by layout cell gaps (3+ spaces)
  html         an HTML table of N <tr> lines with no blank line
  markdown     a Markdown pipe table of N rows
  concat       N copies of the sample concatenated (N = 6 ... 50)

A series stops doubling once one run takes longer than --max-seconds (a quadratic path would
otherwise run for hours). Prints, per size, the wall time (best of --repeat), peak memory and the
ratio to the previous size.
Usage: bench/scaling.py [--binary build/bin/esgaudit] [--series one-line,numbers] [--max-seconds 20]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples", "yunnan-aluminium-2020-csr.txt")


def sample_text():
    with open(SAMPLE, encoding="utf-8") as f:
        return f.read()


def fit(unit, size):
    """`unit` repeated and cut to `size` bytes at a character boundary."""
    data = (unit * (size // len(unit.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", errors="ignore")


def one_line(n):
    return fit(" ".join(sample_text().split("\n")) + " ", n)


def numbers(n):
    row = "本年度公司员工共{}人，其中女性{}人，占比{}%，培训投入{}万元，"
    return "".join(row.format(1000 + i, 300 + i % 97, 21 + i % 50, 12 + i % 9) for i in range(n // 4)) + "\n"


def cell_gaps(n):
    return "   ".join(f"指标{i % 13}   {1000 + i}人   {20 + i % 60}.{i % 10}%" for i in range(n // 2)) + "\n"


def html(n):
    rows = "".join(f"<tr><td>项目{i % 17}</td><td>{1000 + i}</td><td>{20 + i % 60}%</td></tr>\n" for i in range(n))
    return "# 关键绩效\n\n<table>\n<tr><th>指标</th><th>数值</th><th>占比</th></tr>\n" + rows + "</table>\n"


def markdown(n):
    rows = "".join(f"| 项目{i % 17} | {1000 + i} | {20 + i % 60}% |\n" for i in range(n))
    return "# 关键绩效\n\n| 指标 | 数值 | 占比 |\n|---|---|---|\n" + rows


def concat(n):
    return sample_text() * n


SERIES = {
    # name: (generator, sizes, unit of size)
    "one-line": (one_line, [1 << k for k in range(10, 23)], "bytes"),
    "numbers": (numbers, [1000 << k for k in range(0, 6)], "figures"),
    "cell-gaps": (cell_gaps, [1000 << k for k in range(0, 6)], "figures"),
    "html": (html, [3000 << k for k in range(0, 5)], "rows"),
    "markdown": (markdown, [6000 << k for k in range(0, 5)], "rows"),
    "concat": (concat, [6, 12, 25, 50], "reports"),
}


def run(binary, path, repeat):
    best, rss = None, 0
    with tempfile.NamedTemporaryFile(mode="r") as mem:
        for _ in range(repeat):
            start = time.perf_counter()
            code = subprocess.call(["/usr/bin/time", "-f", "%M", "-o", mem.name, binary, "check", "--jobs", "1",
                                    "--fail-on", "never", path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            mem.seek(0)
            rss = max(rss, int(mem.read().split()[-1]))
            if code not in (0, 1):
                sys.exit(f"scaling: esgaudit exited {code} on {path}")
            best = elapsed if best is None else min(best, elapsed)
    return best, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "esgaudit"))
    ap.add_argument("--series", default=",".join(SERIES))
    ap.add_argument("--max-seconds", type=float, default=20)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    print(f"{'series':<10} {'size':>16} {'input':>10} {'time':>10} {'memory':>10} {'x prev':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.series.split(","):
            make, sizes, unit = SERIES[name]
            prev = None
            for n in sizes:
                path = os.path.join(tmp, f"{name}-{n}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(make(n))
                t, rss = run(args.binary, path, args.repeat)
                ratio = f"{t / prev:7.2f}" if prev else " " * 7
                print(f"{name:<10} {n:>8} {unit:<7} {os.path.getsize(path)/1024:8.0f}KB {t:9.3f}s {rss/1024:7.1f}MiB {ratio}",
                      flush=True)
                os.remove(path)
                prev = t
                if t > args.max_seconds:
                    print(f"{name:<10} stopped: one run took more than {args.max_seconds:g} s", flush=True)
                    break


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Speed and memory of esgaudit, as ratios against baselines measured in the same run.

  text:  `esgaudit check` over text reports  vs  `grep -F` for one fixed string over the same files
         (the cost of just reading the bytes), and vs `esgaudit extract` (loading + facts only).
  pdf:   `esgaudit check` on PDFs            vs  `pdftotext -layout` on the same PDFs (poppler alone).

Each command runs --repeat times; the median wall time and the largest max-RSS are reported.
Inputs: the sample plus, when present, ../shared/corpus beside the repository (never copied).
Usage: bench/run_bench.py [--binary build/bin/esgaudit] [--repeat 5]
"""
import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")


def measure(cmd, repeat):
    """Median wall seconds and max RSS (KiB) of `cmd`, run `repeat` times, output discarded.
    Memory comes from GNU time (Debian package `time`): a child forked by Python would report
    Python's own high-water mark."""
    times, rss = [], 0
    with tempfile.NamedTemporaryFile(mode="r") as mem:
        for _ in range(repeat):
            start = time.perf_counter()
            code = subprocess.call(["/usr/bin/time", "-f", "%M", "-o", mem.name, *cmd],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
            mem.seek(0)
            rss = max(rss, int(mem.read().split()[-1]))
            if code not in (0, 1):
                sys.exit(f"bench: {' '.join(cmd[:3])} ... exited {code}")
    return statistics.median(times), rss


def row(name, subject, baseline, repeat):
    t, m = measure(subject, repeat)
    bt, bm = measure(baseline, repeat)
    print(f"{name:<34} {t*1000:9.1f} ms {m/1024:7.1f} MiB | baseline {bt*1000:8.1f} ms {bm/1024:6.1f} MiB"
          f" | time x{t/bt:7.1f}  memory x{m/bm:5.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "esgaudit"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    exe = args.binary
    texts = [os.path.join(ROOT, "samples", "yunnan-aluminium-2020-csr.txt")]
    texts += sorted(glob.glob(os.path.join(CORPUS, "stevewyl-csr2016-zh", "*.txt")))
    texts += sorted(glob.glob(os.path.join(CORPUS, "*", "*.md")))
    pdfs = sorted(glob.glob(os.path.join(CORPUS, "adaptive-etl-en", "*", "*.pdf")))
    size = sum(os.path.getsize(f) for f in texts)
    print(f"inputs: {len(texts)} text reports ({size/1e6:.1f} MB), {len(pdfs)} PDFs; repeat {args.repeat}")
    print(f"{'subject (vs baseline)':<34} {'time':>12} {'memory':>11}")
    sample = texts[:1]
    row("check sample (vs grep -F)", [exe, "check", "--jobs", "1", "--fail-on", "never", *sample],
        ["grep", "-F", "-c", "社会责任", *sample], args.repeat)
    row("extract sample (vs grep -F)", [exe, "extract", *sample], ["grep", "-F", "-c", "社会责任", *sample], args.repeat)
    if len(texts) > 1:
        row("check all text, 1 job (vs grep -F)", [exe, "check", "--jobs", "1", "--fail-on", "never", *texts],
            ["grep", "-F", "-c", "社会责任", *texts], args.repeat)
        row("check all text, 2 jobs (vs grep -F)", [exe, "check", "--jobs", "2", "--fail-on", "never", *texts],
            ["grep", "-F", "-c", "社会责任", *texts], args.repeat)
    for pdf in pdfs:
        name = os.path.basename(os.path.dirname(pdf))
        row(f"check {name} pdf (vs pdftotext)", [exe, "check", "--jobs", "1", "--fail-on", "never", pdf],
            ["pdftotext", "-layout", pdf, "/dev/null"], args.repeat)


if __name__ == "__main__":
    main()

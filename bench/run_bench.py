#!/usr/bin/env python3
"""Speed and memory of esgaudit, as ratios against baselines measured in the same run.

The goals of issue #11, each printed with PASS or MISS:
  batch:    200 text reports, `esgaudit check --jobs 2`   vs  one `grep -F` pass over the same files with
            every keyword of the rule packs (rules/*/*.json): at most 10 times.
  scaling:  200 reports vs every fourth of them, both `--jobs 2`: at most 4.4 times the time for 4 times
            the reports.
  memory:   peak resident memory of the 200-report run: at most 256 MiB.
  pdf:      a ~300-page PDF (the corpus PDFs joined by `pdfunite`)  vs  `pdftotext -layout` on it:
            at most 1.5 times.
Then, for information: the sample, each corpus PDF, extract vs check.

The cache of compiled keyword sets (--cache-dir) is a folder in the bench's temporary directory, never
the user's, so no earlier run makes one look faster. It is warmed by one run on the sample before the
goal runs, so the goals measure what a repeated run costs; the line "one small report" measures the
first run (an empty cache before each timed run, not timed) and a repeated one. A build without the
cache compiles the sets in every run; the printed cache line says which it was.

The machine may be shared, so each subject and its baseline run interleaved (subject, baseline,
subject, ...) --repeat times; a time ratio is the median of the per-pair ratios, and the times shown
are medians. Memory is the largest max-RSS that GNU time reports (of the largest single process:
with --jobs 2 two children may be resident at once). CPU is user + system time, children included.
Inputs are the sample and ../shared/corpus beside the repository (never copied: the 200-report set
is made of symbolic links in a temporary directory).
Usage: bench/run_bench.py [--binary build/bin/esgaudit] [--repeat 3] [--only goals]
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")


def run_once(cmd):
    """(wall seconds, cpu seconds, max RSS KiB) of one run of `cmd`, output discarded. Memory comes
    from GNU time (Debian package `time`): a child forked by Python would report Python's own."""
    with tempfile.NamedTemporaryFile(mode="r") as res:
        start = time.perf_counter()
        code = subprocess.call(["/usr/bin/time", "-f", "%U %S %M", "-o", res.name, *cmd],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        user, sys_, rss = res.read().split()[-3:]
    if code not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd[:4])} ... exited {code}")
    return wall, float(user) + float(sys_), int(rss)


def paired(subject, baseline, repeat, before=None):
    """Runs subject and baseline alternately; returns a dict of medians and the median ratio.
    `before`, when given, is called (untimed) before each run of the subject."""
    s_runs, b_runs = [], []
    for _ in range(repeat):
        if before:
            before()
        s_runs.append(run_once(subject))
        b_runs.append(run_once(baseline))
    med = lambda runs, k: statistics.median(r[k] for r in runs)
    return {
        "time": med(s_runs, 0), "cpu": med(s_runs, 1), "rss": max(r[2] for r in s_runs),
        "base_time": med(b_runs, 0), "base_cpu": med(b_runs, 1), "base_rss": max(r[2] for r in b_runs),
        "ratio": statistics.median(s[0] / b[0] for s, b in zip(s_runs, b_runs)),
        "cpu_ratio": statistics.median(s[1] / max(b[1], 0.01) for s, b in zip(s_runs, b_runs)),
    }


def show(name, m):
    # GNU time counts CPU in hundredths of a second: a baseline below 0.05 s has no meaningful CPU ratio.
    cpu = f"cpu x{m['cpu_ratio']:6.2f}" if m["base_cpu"] >= 0.05 else f"cpu {m['cpu']:5.1f} s  "
    print(f"{name:<44} {m['time']*1000:9.1f} ms {m['rss']/1024:7.1f} MiB | baseline {m['base_time']*1000:8.1f} ms"
          f" {m['base_rss']/1024:6.1f} MiB | time x{m['ratio']:7.2f}  {cpu}"
          f"  memory x{m['rss']/max(m['base_rss'], 1):5.1f}")


def goal(name, value, limit, unit=""):
    ok = value <= limit
    print(f"GOAL {name:<58} {value:9.2f}{unit} <= {limit}{unit}  {'PASS' if ok else 'MISS'}")
    return ok


def rule_keywords():
    """Every keyword the rule packs look for: the strings of their keyword lists (any JSON array of
    strings) and the GRI disclosure titles, without duplicates."""
    words = set()

    def walk(x, key=None):
        if isinstance(x, dict):
            for k, v in x.items():
                if isinstance(v, str) and k in ("title", "title_zh"):
                    words.add(v)
                walk(v, k)
        elif isinstance(x, list):
            for v in x:
                if isinstance(v, str):
                    words.add(v)
                else:
                    walk(v, key)

    for pack in sorted(glob.glob(os.path.join(ROOT, "rules", "*", "*.json"))):
        with open(pack, encoding="utf-8") as f:
            walk(json.load(f))
    return sorted(w for w in words if len(w.strip()) >= 2)


def text_reports():
    """The sample, then every text report of the corpus (.txt and .md, no read-me or licence)."""
    texts = [os.path.join(ROOT, "samples", "yunnan-aluminium-2020-csr.txt")]
    found = glob.glob(os.path.join(CORPUS, "**", "*.txt"), recursive=True)
    found += glob.glob(os.path.join(CORPUS, "**", "*.md"), recursive=True)
    skip = ("readme", "license", "sources")
    texts += sorted(f for f in found if not os.path.basename(f).lower().startswith(skip))
    return texts


def link_set(texts, n, where):
    """n reports as symbolic links in `where` (the corpus reports again when there are fewer)."""
    os.makedirs(where, exist_ok=True)
    out = []
    for i in range(n):
        src = texts[i % len(texts)]
        dst = os.path.join(where, f"{i:03d}-{os.path.basename(src)}")
        os.symlink(src, dst)
        out.append(dst)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "esgaudit"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", choices=["goals", "all"], default="all")
    args = ap.parse_args()
    exe = args.binary
    check = [exe, "check", "--fail-on", "never"]
    texts = text_reports()
    pdfs = sorted(glob.glob(os.path.join(CORPUS, "adaptive-etl-en", "*", "*.pdf")))
    results = []
    with tempfile.TemporaryDirectory(prefix="esgaudit-bench-") as tmp:
        cache = os.path.join(tmp, "cache")
        os.environ["ESGAUDIT_CACHE_DIR"] = cache  # every run below, the bench's own cache
        subprocess.call([*check, "--jobs", "1", texts[0]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sets = [f for f in os.listdir(cache) if f.endswith(".hsdb")] if os.path.isdir(cache) else []
        cached = len(sets) > 0
        warm = "warm cache" if cached else "no cache"
        keywords = os.path.join(tmp, "keywords.txt")
        words = rule_keywords()
        with open(keywords, "w", encoding="utf-8") as f:
            f.write("\n".join(words) + "\n")
        print(f"inputs: {len(texts)} text reports ({sum(os.path.getsize(t) for t in texts)/1e6:.1f} MB), "
              f"{len(pdfs)} PDFs, {len(words)} rule-pack keywords; repeat {args.repeat}, interleaved")
        print("keyword cache: " + (f"{len(sets)} compiled sets in the bench's temporary folder, warmed by "
                                   "one run on the sample before the goal runs" if cached
                                   else "none (this build compiles the keyword sets in every run)"))
        if cached:
            small = os.path.join(tmp, "small.txt")
            with open(texts[0], encoding="utf-8") as f, open(small, "w", encoding="utf-8") as out:
                out.writelines(f.readlines()[:50])
            fresh = os.path.join(tmp, "fresh-cache")
            cold = paired([*check, "--jobs", "1", "--cache-dir", fresh, small], ["grep", "-F", "-c", "-f", keywords, small],
                          args.repeat, before=lambda: shutil.rmtree(fresh, ignore_errors=True))
            show("one small report (50 lines), cold cache (vs grep -F)", cold)
            show("one small report (50 lines), warm cache (vs grep -F)",
                 paired([*check, "--jobs", "1", small], ["grep", "-F", "-c", "-f", keywords, small], args.repeat))
        print("goals (time ratios: median of per-pair ratios, each pair measured back to back)")
        if len(texts) > 1:
            batch = link_set(texts, 200, os.path.join(tmp, "batch"))
            m200 = paired([*check, "--jobs", "2", *batch], ["grep", "-F", "-c", "-f", keywords, *batch],
                          args.repeat)
            # Every fourth report: the same mix of sizes and kinds as the 200.
            m50 = paired([*check, "--jobs", "2", *batch[::4]], [*check, "--jobs", "2", *batch], args.repeat)
            size = sum(os.path.getsize(b) for b in batch) / 1e6
            show(f"check 200 reports ({size:.1f} MB), 2 jobs, {warm} (vs grep -F)", m200)
            show(f"check 50 reports, 2 jobs, {warm} (vs 200 reports)", m50)
            results.append(goal("200 reports, --jobs 2, vs one grep -F pass (time x)", m200["ratio"], 10))
            results.append(goal("4 x the reports (200 vs 50), time x", 1 / m50["ratio"], 4.4))
            results.append(goal("peak memory of the 200-report run", m200["rss"] / 1024, 256, " MiB"))
        else:
            print("goals on the corpus: skipped (no corpus at ../shared/corpus)")
        if pdfs and shutil.which("pdfunite"):
            joined = os.path.join(tmp, "joined.pdf")
            parts = []
            by_size = sorted(pdfs, key=os.path.getsize, reverse=True)
            while sum(pages for _, pages in parts) < 300:
                p = by_size[len(parts) % len(by_size)]
                parts.append((p, page_count(p)))
            subprocess.check_call(["pdfunite", *[p for p, _ in parts], joined], stderr=subprocess.DEVNULL)
            mp = paired([*check, "--jobs", "1", joined], ["pdftotext", "-layout", joined, "/dev/null"], args.repeat)
            show(f"check {page_count(joined)}-page PDF, {warm} (vs pdftotext -layout)", mp)
            results.append(goal(f"{page_count(joined)}-page PDF vs pdftotext -layout (time x)", mp["ratio"], 1.5))
        if args.only == "all":
            print(f"for information ({warm})")
            sample = texts[:1]
            show("check sample (vs grep -F)", paired([*check, "--jobs", "1", *sample],
                                                      ["grep", "-F", "-c", "-f", keywords, *sample], args.repeat))
            show("extract sample (vs grep -F)", paired([exe, "extract", *sample],
                                                        ["grep", "-F", "-c", "-f", keywords, *sample], args.repeat))
            for pdf in pdfs:
                name = os.path.basename(os.path.dirname(pdf))
                show(f"check {name} pdf (vs pdftotext)", paired([*check, "--jobs", "1", pdf],
                                                                 ["pdftotext", "-layout", pdf, "/dev/null"],
                                                                 args.repeat))
    print(f"goals: {sum(results)} of {len(results)} met")


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    main()

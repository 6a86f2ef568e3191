#!/usr/bin/env python3
"""Runs the numeric rules over every text/markdown report of a corpus and counts the findings.

usage: bench/eval_numeric.py [--binary build/bin/esgaudit] [--corpus ../shared/corpus]
                             [--enable 'numeric.*'] [--details] [--relations] [--mutate]
                             [--lang zh|en]

Prints one line per report (errors, warnings, per-rule counts) and, with --details, every finding
with its location and message so each flagged figure can be reviewed by hand. The reviewed result
is kept in docs/numeric-evaluation.md. --mutate measures recall: a temporary copy of the report
(in the system temp directory, deleted at once) with one part of a recognised relation raised must
give a relation finding at that part.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter

NOT_REPORTS = {"README.md", "SOURCES.md", "LICENSE", "LICENSE.md"}


def reports(corpus):
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if name in NOT_REPORTS:
                continue
            if name.endswith((".txt", ".md")):
                yield os.path.join(root, name)


def mutate(args, path, extracted):
    """Raises the first part of each relation by about a tenth (at least 1) and re-checks."""
    import re
    import tempfile
    with open(path, "rb") as f:
        original = f.read()
    caught = mutated = 0
    for report in extracted["reports"]:
        for rel in report.get("relations", []):
            parts = [m for m in rel["members"] if m["message"].startswith(("part ", "subset "))]
            if not parts:
                continue
            loc = parts[0]["location"]
            start = loc["offset"]  # into the decoded text: a UTF-8 BOM is not counted
            bom = 3 if original.startswith(b"\xef\xbb\xbf") else 0
            printed = original[start + bom:start + bom + loc["length"]].decode("utf-8", "replace")
            m = re.match(r"[0-9][0-9,]*(\.[0-9]+)?", printed)
            if not m:
                continue
            number = m.group(0).replace(",", "")
            decimals = len(number.split(".")[1]) if "." in number else 0
            value = float(number)
            if rel["kind"] == "subset":
                total = [x for x in rel["members"] if x["message"].startswith("total ")]
                tm = re.match(r"total ([0-9][0-9,]*(\.[0-9]+)?)", total[0]["message"]) if total else None
                if not tm:
                    continue
                new = float(tm.group(1).replace(",", "")) * 1.2 + 1  # past its total (same unit)
            else:
                new = value + max(round(value * 0.1, decimals), 10 ** -decimals if decimals else 1)
            text = f"{new:.{decimals}f}"
            data = (original[:start + bom] + text.encode() +
                    original[start + bom + len(m.group(0).encode()):])
            suffix = os.path.splitext(path)[1]
            with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
                tmp.write(data)
                tmp.flush()
                cmd = [args.binary, "check", "--format", "json", "--fail-on", "never",
                       "--enable", "numeric.percent-sum", "--enable", "numeric.parts-total",
                       "--enable", "numeric.subset-exceeds-total", tmp.name]
                run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            if run.returncode not in (0, 1):
                continue
            mutated += 1
            findings = [f for r in json.loads(run.stdout)["reports"] for f in r["findings"]]
            hit = any(f["location"]["offset"] == start or
                      any(x["location"]["offset"] == start for x in f.get("related", []))
                      for f in findings)
            caught += 1 if hit else 0
    return caught, mutated


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(repo, "build", "bin", "esgaudit"))
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(repo), "shared", "corpus"))
    ap.add_argument("--enable", action="append", default=None)
    ap.add_argument("--disable", action="append", default=[])
    ap.add_argument("--lang", default="en")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--relations", action="store_true",
                    help="also count the relations recognised (esgaudit extract --relations)")
    ap.add_argument("--mutate", action="store_true",
                    help="recall: in a temporary copy of each report, raise one part of each recognised "
                         "relation and count the copies where the relation rules report it")
    args = ap.parse_args()
    enable = args.enable or ["numeric.*"]
    if not os.path.exists(args.binary):
        sys.exit(f"eval_numeric: no binary at {args.binary} (build first or pass --binary)")

    totals = Counter()
    n_reports = 0
    print(f"{'errors':>6} {'warn':>5}  report  [rule counts]")
    for path in reports(args.corpus):
        cmd = [args.binary, "check", "--format", "json", "--fail-on", "never", "--lang", args.lang]
        for e in enable:
            cmd += ["--enable", e]
        for d in args.disable:
            cmd += ["--disable", d]
        cmd.append(path)
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            print(f"{'-':>6} {'-':>5}  {os.path.relpath(path, args.corpus)}  [timeout]")
            continue
        rel = os.path.relpath(path, args.corpus)
        if run.returncode not in (0, 1):
            print(f"{'-':>6} {'-':>5}  {rel}  [exit {run.returncode}: {run.stderr.strip()[:120]}]")
            continue
        n_reports += 1
        data = json.loads(run.stdout)
        findings = [f for r in data["reports"] for f in r["findings"]]
        sev = Counter(f["severity"] for f in findings)
        rules = Counter(f["rule"] for f in findings)
        totals.update(rules)
        totals["error"] += sev["error"]
        totals["warning"] += sev["warning"]
        counts = ", ".join(f"{k} {v}" for k, v in sorted(rules.items()))
        if args.relations:
            ext = subprocess.run([args.binary, "extract", "--relations", "--format", "json", path],
                                 capture_output=True, text=True, timeout=300)
            if ext.returncode == 0:
                kinds = Counter(x["kind"] for r in json.loads(ext.stdout)["reports"]
                                for x in r.get("relations", []))
                totals.update({"relations": sum(kinds.values())})
                kinds_text = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"
                counts = (counts + "; " if counts else "") + "relations: " + kinds_text
                if args.mutate:
                    caught, mutated = mutate(args, path, json.loads(ext.stdout))
                    totals.update({"caught": caught, "mutated": mutated})
                    counts += f"; mutations caught {caught}/{mutated}"
        print(f"{sev['error']:>6} {sev['warning']:>5}  {rel}  [{counts}]")
        if args.details:
            for f in findings:
                loc = f["location"]
                print(f"         {loc['line']}:{loc['column']}: {f['severity']}: {f['message']} [{f['rule']}]")
    if args.mutate:
        print(f"mutation recall: {totals['caught']} of {totals['mutated']} changed parts reported")
    print(f"{totals['error']:>6} {totals['warning']:>5}  total over {n_reports} reports "
          f"({totals['error'] / max(n_reports, 1):.2f} errors per report"
          + (f", {totals['relations']} relations recognised)" if args.relations else ")"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Runs `esgaudit check --format json` over reports and prints the gbt36001 coverage and findings.

Usage: bench/eval_gbt36001.py [--binary build-gbt/bin/esgaudit] [--issues] FILE...
Prints, per report, one line per element (status, then the first evidence line and quote) and the
gbt36001 findings, for review by hand (docs/gbt36001-evaluation.md).
"""
import argparse
import json
import subprocess
import sys

SHORT = {"covered": "C", "partial": "P", "missing": "-"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="build-gbt/bin/esgaudit")
    parser.add_argument("--issues", action="store_true", help="also print GB/T 36000 issue records")
    parser.add_argument("--lang", default="zh")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    for path in args.files:
        proc = subprocess.run([args.binary, "check", path, "--format", "json", "--lang", args.lang],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            print(f"== {path}: exit {proc.returncode}: {proc.stderr.strip()}")
            continue
        report = json.loads(proc.stdout)["reports"][0]
        coverage = report.get("coverage", {})
        print(f"== {path}")
        schemes = ["gbt36001"] + (["gbt36000"] if args.issues else [])
        for scheme in schemes:
            for rec in coverage.get(scheme, []):
                locs = rec.get("locations", [])
                where = ""
                if locs:
                    first = locs[0]
                    where = f"  @{first.get('line')} {first.get('quote', first.get('message', ''))}"
                print(f"  {SHORT[rec['status']]} {rec['id']:<36}{where}")
        for f in report.get("findings", []):
            if not f["rule"].startswith("gbt36001."):
                continue
            print(f"  ! {f['location']['line']}: {f['severity']}: {f['message']} [{f['rule']}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())

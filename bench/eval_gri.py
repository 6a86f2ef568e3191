#!/usr/bin/env python3
"""Agreement between esgaudit's GRI coverage and the companies' own GRI content indexes.

Usage: bench/eval_gri.py [--binary build-gri/bin/esgaudit] [--corpus ../shared/corpus] [--verbose]

For every corpus report that carries a GRI content index (G4 or GRI Standards numbering), the index rows
are read here, independently of the plugin's own index parser (a row = a line whose first cell is a GRI
id), and mapped to current disclosure ids with the legacy table of rules/gri/catalogue.json. The tool's
coverage comes from `esgaudit check FILE --format json` (reports[0].coverage.gri). A disclosure the
company indexes counts as agreed when the tool finds it covered or partial; the covered-only rate is
printed too. Rows whose last cell says "not reported" ("-", 无, 不适用, n/a …) are counted apart: there
agreement means the tool finds the disclosure missing. Nothing is tuned here: the script only measures.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

REPORTS = [
    "samsung-sds-2024-en/Samsung_SDS_Sustainability_Report_2024.md",
    "stevewyl-csr2016-zh/Beijing City交通运输及邮政中国东方航空股份有限公司.txt",
    "stevewyl-csr2016-zh/Beijing City技术硬件和设备京东方科技集团股份有限公司.txt",
    "stevewyl-csr2016-zh/Beijing City煤炭开采中国神华能源股份有限公司.txt",
    "stevewyl-csr2016-zh/Beijing City金融中信银行股份有限公司.txt",
    "stevewyl-csr2016-zh/Beijing City金融中国工商银行股份有限公司.txt",
    "stevewyl-csr2016-zh/Guangdong Province汽车制造业比亚迪股份有限公司.txt",
    "stevewyl-csr2016-zh/Shanghai City交通运输及邮政上海国际港务（集团）股份有限公司.txt",
    "stevewyl-csr2016-zh/Shanghai City医药制造上海复星医药（集团）股份有限公司.txt",
    "stevewyl-csr2016-zh/Shanghai City技术硬件和设备环旭电子股份有限公司.txt",
]

# A row whose last cell says the disclosure is not reported.
NOT_REPORTED = {"-", "—", "–", "无", "不适用", "未披露", "n/a", "na", "omitted", "not applicable"}

ROW = re.compile(r"(?:^|\t|\||\s{2,})\s*(?:GRI\s*)?(G4-(?:EC|EN|LA|HR|SO|S0|PR)?\d{1,2}|[1-4]?\d{0,2}-\d{1,2})(?![\d.-])")


def load_catalogue():
    with open(os.path.join(ROOT, "rules", "gri", "catalogue.json"), encoding="utf-8") as f:
        cat = json.load(f)
    current = {d["id"] for d in cat["disclosures"]}
    legacy = {l["id"]: l["successors"] for l in cat["legacy"]}
    return current, legacy


def resolve(code, current, legacy, depth=0):
    """G4 and 2016 ids -> current ids (2016 general disclosures and old editions through the table)."""
    if depth > 4:
        return set()
    if code.startswith("G4-") or code.endswith("@2016") or (code in legacy and code.split("-")[0] in
                                                             ("102", "103", "307", "419")):
        out = set()
        for s in legacy.get(code, []):
            out |= resolve(s, current, legacy, depth + 1)
        if code == "307-1":  # withdrawn but still catalogued
            out.add(code)
        return out
    return {code} if code in current else set()


def index_rows(path, current, legacy, g4_report):
    """Current ids the report's own index lists. Rows: a GRI id opening a cell, in runs of 5+ rows."""
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        lines = f.read().split("\n")
    hits = []
    for i, line in enumerate(lines):
        matches = list(ROW.finditer(line))  # a multi-column index holds several rows per line
        for k, m in enumerate(matches):
            code = m.group(1).replace("S0", "SO")
            if not code.startswith("G4-") and not re.match(r"^(2|3|10[1-3]|20[1-7]|30[1-8]|4[01]\d)-\d+$", code):
                continue
            if g4_report and code.split("-")[0] in ("303", "306", "403"):
                code += "@2016"
            end = matches[k + 1].start() if k + 1 < len(matches) else len(line)
            cells = [c.strip(" |") for c in re.split(r"\t|\||\s{2,}", line[m.end():end]) if c.strip(" |")]
            not_reported = bool(cells) and (cells[-1].lower() in NOT_REPORTED or "不适用" in cells[-1])
            hits.append((i, code, not_reported))
    # Keep runs of rows close together (a table), as an index is.
    rows, run = [], []
    for h in hits:
        if run and h[0] - run[-1][0] > 15:
            if len(run) >= 5:
                rows += run
            run = []
        run.append(h)
    if len(run) >= 5:
        rows += run
    ids, absent = set(), set()
    for _, code, not_reported in rows:
        (absent if not_reported else ids).update(resolve(code, current, legacy))
    return ids, absent - ids, len(rows)


def coverage(binary, path):
    out = subprocess.run([binary, "check", path, "--format", "json", "--enable", "gri.*"],
                         capture_output=True, text=True, check=False)
    data = json.loads(out.stdout)
    return {c["id"]: c["status"] for c in data["reports"][0]["coverage"]["gri"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "build-gri", "bin", "esgaudit"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    current, legacy = load_catalogue()
    total = agreed = covered = absent_total = absent_agreed = 0
    print("| report | index rows | indexed disclosures | covered or partial | covered only | marked not reported: tool missing |")
    print("|---|---:|---:|---:|---:|---:|")
    for rel in REPORTS:
        path = os.path.join(args.corpus, rel)
        if not os.path.exists(path):
            print("missing " + rel, file=sys.stderr)
            continue
        ids, absent, nrows = index_rows(path, current, legacy, "stevewyl" in rel)
        status = coverage(args.binary, path)
        a = sum(1 for i in ids if status.get(i) in ("covered", "partial"))
        c = sum(1 for i in ids if status.get(i) == "covered")
        total += len(ids)
        agreed += a
        covered += c
        m = sum(1 for i in absent if status.get(i) == "missing")
        absent_total += len(absent)
        absent_agreed += m
        name = os.path.basename(rel)[:40]
        print("| %s | %d | %d | %d (%.0f%%) | %d (%.0f%%) | %d / %d |" % (
            name, nrows, len(ids), a, 100.0 * a / max(1, len(ids)), c, 100.0 * c / max(1, len(ids)), m, len(absent)))
        if args.verbose:
            print("    missing per tool: " + " ".join(sorted(i for i in ids if status.get(i) == "missing")))
    print("| **all** | | %d | %d (%.1f%%) | %d (%.1f%%) | %d / %d |" % (
        total, agreed, 100.0 * agreed / max(1, total), covered, 100.0 * covered / max(1, total), absent_agreed,
        absent_total))


if __name__ == "__main__":
    main()

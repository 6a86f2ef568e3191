#!/usr/bin/env python3
"""Measures esgaudit against the labelled evaluation set of bench/eval/ (see bench/eval/README.md).

usage: bench/eval/run_eval.py [--binary build/bin/esgaudit] [--corpus ../shared/corpus]
                              [--check-labels] [--verbose] [--jobs N]

Prints, per split (dev, test = held out), the figures docs/evaluation.md reports:
  1. relations: how many labelled relations `esgaudit extract --relations` recognises, and the
     single-number mutation recall: in a temporary copy of the report one part of each relation that adds
     up as printed is changed (see mutate()); caught = a new numeric error or warning located at, or
     with a related location at, a line of that relation. New errors elsewhere in the mutated copy are
     counted too. Each parts-total and breakdown that adds up is mutated a second time, its largest part
     multiplied by ten (a magnitude slip), and that recall is printed on a line of its own. Labelled
     non-relations (time series, change figures, charts missing values) count as false alarms when the
     tool flags or recognises them.
  2. coverage: precision and recall of the tool's `covered` (check --format json coverage records)
     against the labelled decisions.
  3. false errors per 20 reports over the whole corpus: error findings not pinned as reviewed-true in
     tests/cli/corpus-errors.expected.
  4. agreement with the companies' own GRI content indexes (bench/eval_gri.py's row reader).
--check-labels only validates the label files against the corpus (every line exists, every printed value
is on its line) and exits 1 listing every problem. Exits 77 (skipped) when there is no corpus. The corpus
is read, never copied; mutated copies live in a temporary directory deleted at once.

The default --jobs 2 runs two checks at a time; the output does not depend on it.
"""
import argparse
import concurrent.futures
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import eval_gri  # noqa: E402  (bench/eval_gri.py: the index row reader is reused as is)

SPLITS = ("dev", "test")
# Dev reports with a `group` in reports.tsv (labelled later, outside the draw) count in their split and again in
# a column of their own per group (r4, r5, ...).
KINDS = ("percent-breakdown", "parts-total", "subset", "not-a-relation")
VERDICTS = ("covered", "partial", "missing")
NOT_REPORTS = {"README.md", "SOURCES.md", "LICENSE", "LICENSE.md"}


class LabelError(Exception):
    pass


def read_tsv(path):
    """Rows of a TSV label file as dicts; '#' lines are comments."""
    with open(path, encoding="utf-8") as f:
        kept = [(n, l) for n, l in enumerate(f.read().split("\n"), 1) if l.strip() and not l.startswith("#")]
    rows = list(csv.DictReader([l for _, l in kept], delimiter="\t", quoting=csv.QUOTE_NONE))
    for (n, _), r in zip(kept[1:], rows):
        r["_where"] = f"{os.path.basename(path)} line {n}"
    return rows


class Corpus:
    """Decoded corpus files (UTF-8, a BOM dropped as esgaudit drops it) split into lines."""

    def __init__(self, root):
        self.root = root
        self.cache = {}

    def text(self, rel):
        if rel not in self.cache:
            with open(os.path.join(self.root, rel), "rb") as f:
                raw = f.read()
            bom = raw.startswith(b"\xef\xbb\xbf")
            text = raw[3:].decode("utf-8") if bom else raw.decode("utf-8")
            starts = [0]
            for m in re.finditer("\n", text):
                starts.append(m.end())
            self.cache[rel] = (raw[:3] if bom else b"", text, starts)
        return self.cache[rel]

    def line(self, rel, n):
        _, text, starts = self.text(rel)
        if not 1 <= n <= len(starts):
            raise LabelError(f"{rel}: no line {n}")
        end = starts[n] - 1 if n < len(starts) else len(text)
        return starts[n - 1], text[starts[n - 1]:end]


def number_spans(line, printed):
    """Character spans of `printed` in `line` where it stands as a whole number."""
    pat = r"(?<![0-9.,])" + re.escape(printed) + (r"(?![0-9]|[.,][0-9])" if printed[-1].isdigit() else "")
    return [m.span() for m in re.finditer(pat, line)]


class Member:
    """One labelled figure: `LINE:PRINTED[#K][(label)]`; PRINTED is the number as printed, unit optional."""

    SPEC = re.compile(r"^(\d+):([^#()]+?)(?:#(\d+))?(?:\((.*)\))?$")

    def __init__(self, spec, rel, corpus, where):
        m = self.SPEC.match(spec.strip())
        if not m:
            raise LabelError(f"{where}: cannot read member '{spec}'")
        self.line = int(m.group(1))
        self.printed = m.group(2).strip()
        self.k = int(m.group(3) or 1)
        self.label = m.group(4) or ""
        self.caption = self.printed == "-"
        start, text = corpus.line(rel, self.line)
        if self.caption:
            self.span = (start, start + len(text))
            return
        # "79, 561": OCR spacing; "1 974 748": a space as thousands separator (groups of three);
        # "13. 24": an OCR space after the decimal point
        num = re.match(r"[0-9](?:[0-9]|, ?[0-9]| [0-9]{3}(?![0-9]))*(?:\. ?[0-9]+)?", self.printed)
        if not num:
            raise LabelError(f"{where}: '{self.printed}' is not a printed number")
        self.number = num.group(0)
        spans = number_spans(text, self.printed)
        if len(spans) < self.k:
            raise LabelError(f"{where}: '{self.printed}' (occurrence {self.k}) not on line {self.line}: "
                             f"{text[:120]}")
        if len(spans) > 1 and m.group(3) is None:
            raise LabelError(f"{where}: '{self.printed}' occurs {len(spans)} times on line {self.line}; "
                             f"say which with #K")
        s, e = spans[self.k - 1]
        self.span = (start + s, start + s + len(self.number))  # character offsets into the text

    def half_unit(self):
        """Half a unit of the last printed digit: how far the printed figure may lie from the exact one."""
        scale = 1e8 if "亿" in self.printed else 1e4 if "万" in self.printed else 1
        decimals = len(self.number.split(".")[1].strip()) if "." in self.number else 0
        return 0.5 * 10 ** -decimals * scale

    def value(self):
        scale = 1e8 if "亿" in self.printed else 1e4 if "万" in self.printed else 1
        return float(self.number.replace(",", "").replace(" ", "")) * scale


def split_of(rel, reports):
    best = None
    for key, split in reports.items():
        if rel == key or rel.startswith(key.rstrip("/") + "/"):
            if best is None or len(key) > len(best[0]):
                best = (key, split)
    return best


def check_relation(r, reports, corpus, groups):
    where = f"{r['_where']} ({r['id']})"
    owner = split_of(r["file"], reports)
    if owner is None:
        raise LabelError(f"{where}: {r['file']} is not a report of reports.tsv")
    if r["kind"] not in KINDS:
        raise LabelError(f"{where}: kind '{r['kind']}'")
    if r["closed"] not in ("closed", "open", "-"):
        raise LabelError(f"{where}: closed '{r['closed']}'")
    if r["adds_up"] not in ("yes", "short", "no", "-"):
        raise LabelError(f"{where}: adds_up '{r['adds_up']}'")
    r["report"], r["split"] = owner
    r["added"] = groups.get(r["report"], "")
    r["total_m"] = Member(r["total"], r["file"], corpus, where) if r["total"] != "-" else None
    r["parts_m"] = [Member(p, r["file"], corpus, where) for p in r["parts"].split(";") if p.strip()]
    if len(r["parts_m"]) < 2 and r["kind"] != "subset":
        raise LabelError(f"{where}: fewer than two parts")
    if r["kind"] == "percent-breakdown" and r["adds_up"] == "yes":
        total = sum(p.value() for p in r["parts_m"])
        if abs(total - 100) > 0.6:
            raise LabelError(f"{where}: labelled as adding up, parts sum to {total:g}")
    if r["kind"] == "parts-total" and r["adds_up"] == "yes" and r["total_m"] and not r["total_m"].caption:
        total = sum(p.value() for p in r["parts_m"])
        # equal within the printed precision: each rounded figure may be off by half its last unit
        rounding = sum(p.half_unit() for p in r["parts_m"] if "." in p.number) + (
            r["total_m"].half_unit() if "." in r["total_m"].number else 0)
        if abs(total - r["total_m"].value()) > max(0.011 * len(r["parts_m"]), 0.001 * total, rounding):
            raise LabelError(f"{where}: labelled as adding up, parts sum to {total:g}")
    return r


def check_decision(r, reports, corpus, groups):
    where = r["_where"]
    owner = split_of(r["file"], reports)
    if owner is None:
        raise LabelError(f"{where}: {r['file']} is not a report of reports.tsv")
    if r["scheme"] not in ("gri", "gbt36001") or r["verdict"] not in VERDICTS:
        raise LabelError(f"{where}: scheme '{r['scheme']}' / verdict '{r['verdict']}'")
    if r["line"] != "-":
        corpus.line(r["file"], int(r["line"]))
    elif r["verdict"] != "missing":
        raise LabelError(f"{where}: a {r['verdict']} decision needs the line that shows it")
    r["report"], r["split"] = owner
    r["added"] = groups.get(r["report"], "")
    return r


def load_labels(corpus):
    """Reads and validates reports.tsv, relations.tsv and coverage.tsv; LabelError lists every problem."""
    rows = read_tsv(os.path.join(HERE, "reports.tsv"))
    reports = {r["report"]: r["split"] for r in rows}
    groups = {r["report"]: r.get("group") or "" for r in rows}
    relations, decisions, problems = [], [], []
    for name, check, out in (("relations.tsv", check_relation, relations),
                             ("coverage.tsv", check_decision, decisions)):
        for r in read_tsv(os.path.join(HERE, name)):
            try:
                out.append(check(r, reports, corpus, groups))
            except LabelError as e:
                problems.append(str(e))
    ids = Counter(r["id"] for r in relations)
    problems += [f"relations.tsv: duplicate id {i}" for i, n in ids.items() if n > 1]
    seen = Counter((d["file"], d["scheme"], d["id"]) for d in decisions)
    problems += [f"coverage.tsv: {k} decided twice" for k, n in seen.items() if n > 1]
    if problems:
        raise LabelError("\n".join(problems))
    return reports, relations, decisions


def run_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:3])} ... {cmd[-1]}: exit {out.returncode}: {out.stderr.strip()[:200]}")
    return json.loads(out.stdout)


def locations(finding):
    yield finding["location"]
    for r in finding.get("related", []):
        yield r["location"]


def numeric_findings(binary, path):
    data = run_json([binary, "check", "--format", "json", "--fail-on", "never", "--enable", "numeric.*", path])
    return [f for rep in data["reports"] for f in rep["findings"] if f["rule"].startswith("numeric.")]


def key(f):
    return (f["rule"], f["location"]["line"], f["message"])


def relation_lines(r):
    return {m.line for m in ([r["total_m"]] if r["total_m"] else []) + r["parts_m"]}


def touches(f, lines):
    return any(l["line"] in lines for l in locations(f))


def mutate(args, corpus, r, baseline, slip=False):
    """Changes one part of relation r in a temporary copy; returns (caught, new errors elsewhere, what).

    A breakdown or parts-total has its largest part raised by a tenth (rounded to the printed precision, at
    least one unit of the last printed digit); with `slip`, multiplied by ten instead (a digit added, a
    magnitude slip). A subset's part gains a digit (x10, a magnitude slip) until it exceeds its total, since
    raising it a little breaks nothing."""
    part = max(r["parts_m"], key=lambda m: m.value())
    bom, text, _ = corpus.text(r["file"])
    decimals = len(part.number.split(".")[1].strip()) if "." in part.number else 0
    raw = float(part.number.replace(",", "").replace(" ", ""))
    if r["kind"] == "subset" and r["total_m"] is not None:
        new, scale = raw, part.value() / raw if raw else 1
        while new * scale <= r["total_m"].value():
            new = new * 10 if new else 1
    elif slip:
        new = raw * 10 if raw else 1
    else:
        new = raw + max(round(raw * 0.1, decimals), 10 ** -decimals)
    printed = f"{new:,.{decimals}f}" if "," in part.number else f"{new:.{decimals}f}"
    if ", " in part.number:
        printed = printed.replace(",", ", ")
    elif re.search(r"[0-9] [0-9]", part.number):  # thousands set apart by spaces: keep them so
        printed = f"{new:,.{decimals}f}".replace(",", " ")
    s, e = part.span
    data = bom + (text[:s] + printed + text[e:]).encode("utf-8")
    tmp = tempfile.mkdtemp(prefix="esgaudit-eval-")
    what = f"{part.line}:{part.printed} -> {printed}{part.printed[len(part.number):]}"
    try:
        path = os.path.join(tmp, os.path.basename(r["file"]))
        with open(path, "wb") as f:
            f.write(data)
        findings = numeric_findings(args.binary, path)
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:  # a failure on a mutant: a miss, said
        return False, [], f"{what}; the tool failed: {e}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    old = {key(f) for f in baseline}
    lines = relation_lines(r)
    new_findings = [f for f in findings if key(f) not in old]
    caught = any(f["severity"] in ("error", "warning") and touches(f, lines) for f in new_findings)
    elsewhere = [f for f in new_findings if f["severity"] == "error" and not touches(f, lines)]
    return caught, elsewhere, what


def recognised(r, tool_relations):
    """A tool relation with a member on every labelled figure (offsets into the same decoded text)."""
    wanted = [m for m in ([r["total_m"]] if r["total_m"] and not r["total_m"].caption else []) + r["parts_m"]]
    for rel in tool_relations:
        spans = [(m["location"]["char_offset"], m["location"]["char_offset"] + 1) for m in rel["members"]]
        if all(any(a < m.span[1] and m.span[0] < b for a, b in spans) for m in wanted):
            return True
    return False


def overlapping(r, tool_relations):
    """Tool relations with at least two members on figures labelled as a non-relation (a relation's
    caption is no figure: a breakdown captioned by the label of a row of the series is not counted)."""
    spans_l = [m.span for m in r["parts_m"] + ([r["total_m"]] if r["total_m"] and not r["total_m"].caption else [])]
    n = 0
    for rel in tool_relations:
        hit = sum(1 for m in rel["members"] if not m.get("message", "").startswith("caption")
                  and any(s <= m["location"]["char_offset"] < e for s, e in spans_l))
        n += 1 if hit >= 2 else 0
    return n


def char_offsets(corpus, rel, tool_relations):
    """Adds char_offset (into the decoded text) to each member location (esgaudit gives UTF-8 bytes)."""
    _, text, _ = corpus.text(rel)
    encoded = text.encode("utf-8")
    for x in tool_relations:
        for m in x["members"]:
            b = m["location"]["offset"]
            m["location"]["char_offset"] = len(encoded[:b].decode("utf-8", "ignore"))


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def evaluate_relations(args, corpus, relations):
    by_file = defaultdict(list)
    for r in relations:
        by_file[r["file"]].append(r)
    stats = {s: Counter() for s in SPLITS + tuple(sorted({r["added"] for r in relations if r["added"]}))}
    details = []
    jobs = []

    class Both:  # counts into the split and, for a report of an added group, into the group's column too
        def __init__(self, r):
            self.sts = [stats[r["split"]]] + ([stats[r["added"]]] if r["added"] else [])

        def __getitem__(self, k):
            return self.sts[0][k]

        def __setitem__(self, k, v):
            d = v - self.sts[0][k]
            for st in self.sts:
                st[k] += d

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for rel_path, rs in sorted(by_file.items()):
            path = os.path.join(args.corpus, rel_path)
            data = run_json([args.binary, "extract", "--relations", "--format", "json", path])
            tool = [x for rep in data["reports"] for x in rep.get("relations", [])]
            char_offsets(corpus, rel_path, tool)
            baseline = numeric_findings(args.binary, path)
            for r in rs:
                st = Both(r)
                if r["kind"] == "not-a-relation":
                    st["negatives"] += 1
                    flagged = any(f["severity"] in ("error", "warning") and touches(f, relation_lines(r))
                                  for f in baseline)
                    treated = overlapping(r, tool) > 0
                    st["negatives flagged"] += flagged
                    st["negatives recognised as a relation"] += treated
                    if (flagged or treated) and r["split"] != "test":
                        details.append(f"  negative {r['id']} {r['file']}: "
                                       f"{'flagged' if flagged else ''} {'recognised' if treated else ''}")
                    continue
                st["relations"] += 1
                st["closed"] += r["closed"] == "closed"
                ok = recognised(r, tool)
                st["recognised"] += ok
                if r["adds_up"] == "yes":
                    jobs.append((r, False, ok, pool.submit(mutate, args, corpus, r, baseline)))
                    if r["kind"] != "subset":  # a subset's mutant is a slip already
                        jobs.append((r, True, ok, pool.submit(mutate, args, corpus, r, baseline, True)))
                else:  # as printed: a contradiction ("no") should be flagged; an open set falling short not as an error
                    near = [f for f in baseline if touches(f, relation_lines(r))]
                    if r["adds_up"] == "no":
                        st["contradictions"] += 1
                        flagged = any(f["severity"] in ("error", "warning") for f in near)
                        st["contradictions flagged"] += flagged
                        if not flagged and r["split"] != "test":  # held-out misses are never read
                            details.append(f"  unflagged {r['id']} {r['file']}")
                    else:
                        st["open short"] += 1
                        st["open short: error"] += any(f["severity"] == "error" for f in near)
        for r, slip, ok, fut in jobs:
            caught, elsewhere, what = fut.result()
            st = Both(r)
            pre = "slip " if slip else ""
            st[pre + "mutated"] += 1
            st[pre + "caught"] += caught
            st["mutants with a new error elsewhere"] += bool(elsewhere)
            if (not caught or elsewhere) and r["split"] != "test":  # held-out misses are never read
                details.append(f"  {'missed' if not caught else 'caught'}{' slip' if slip else ''} {r['id']} "
                               f"{r['file']} {what}"
                               # a miss the tool recognised as printed: its reader holds it only while it adds up
                               + (" (recognised as printed)" if ok and not caught else "")
                               + (f"; new error elsewhere: {elsewhere[0]['location']['line']}: "
                                  f"{elsewhere[0]['message']}" if elsewhere else ""))
    return stats, details


def corpus_reports(root):
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name not in NOT_REPORTS and name.endswith((".txt", ".md")):
                yield os.path.relpath(os.path.join(d, name), root)


def whole_corpus(args, files=None):
    """One `check` of every corpus report (JSON), keyed by path relative to the corpus; with `files`
    (paths relative to the corpus), of those reports only."""
    tmp = tempfile.mkdtemp(prefix="esgaudit-eval-")
    inputs = [os.path.join(args.corpus, f) for f in files] if files else [args.corpus]
    try:
        out = os.path.join(tmp, "corpus.json")
        run = subprocess.run([args.binary, "check", *inputs, "--format", "json", "-o", out,
                              "--fail-on", "never", "--jobs", str(args.jobs)],
                             capture_output=True, text=True, timeout=3600)
        if run.returncode != 0:
            raise RuntimeError(f"check {args.corpus}: exit {run.returncode}: {run.stderr.strip()[:300]}")
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    prefix = os.path.normpath(args.corpus) + os.sep
    return {os.path.normpath(r["path"])[len(prefix):]: r for r in data["reports"]
            if os.path.basename(r["path"]) not in NOT_REPORTS}  # the corpus's own notes are no reports


RANK = {"covered": 2, "partial": 1, "missing": 0}
# The reason gri puts before the first quote of a record that only the report's own index row supports:
# such a record agrees with the index by construction, so agreement is also shown without them.
INDEX_ONLY = ("[仅见于内容索引]", "[listed only in the content index]")


def evaluate_coverage(decisions, checked):
    """Labels name GRI 2021 ids; where the tool reports an older edition (2016 ids, '@2016'), the ids the
    catalogue's legacy table maps onto the labelled one stand in for it (the best status among them)."""
    _, legacy = eval_gri.load_catalogue()
    stats = {s: Counter() for s in SPLITS + tuple(sorted({d["added"] for d in decisions if d["added"]}))}
    details = []
    for d in decisions:
        rep = checked.get(d["file"])
        if rep is None:
            raise RuntimeError(f"{d['file']}: not in the corpus check")
        status = {c["id"]: c["status"] for c in rep["coverage"].get(d["scheme"], [])}
        tool = status.get(d["id"])
        if tool is None and d["scheme"] == "gri":
            older = [status[i] for i in [d["id"] + "@2016"] + [l for l, succ in legacy.items() if d["id"] in succ]
                     if i in status]
            tool = max(older, key=RANK.get) if older else None
        tool = tool or "missing"
        for st in [stats[d["split"]]] + ([stats[d["added"]]] if d["added"] else []):
            count_decision(st, d, tool)
        if tool != d["verdict"]:
            details.append(f"  {d['split']}{' ' + d['added'] if d['added'] else ''} {d['file']} {d['scheme']} "
                           f"{d['id']}: label {d['verdict']}, tool {tool} ({d['note']})")
    for split in SPLITS:
        stats[split]["reports"] = len({d["report"] for d in decisions if d["split"] == split})
    for g in [g for g in stats if g not in SPLITS]:
        stats[g]["reports"] = len({d["report"] for d in decisions if d["added"] == g})
    return stats, details


def count_decision(st, d, tool):
    st["decisions"] += 1
    st[f"label {d['verdict']}"] += 1
    st[f"{d['scheme']} decisions"] += 1
    st["agree"] += tool == d["verdict"]
    for pre in ("", d["scheme"] + " "):
        if tool == "covered":
            st[pre + "tool covered"] += 1
            st[pre + "tool covered, label covered"] += d["verdict"] == "covered"
        if d["verdict"] == "covered":
            st[pre + "label covered"] += pre != ""
            st[pre + "label covered, tool covered"] += tool == "covered"


def print_coverage(stats, details=None):
    split_table("Coverage decisions", stats, [
        ("reports", lambda st: st["reports"]),
        ("decisions (GRI / GB/T 36001)",
         lambda st: f"{st['decisions']} ({st['gri decisions']} / {st['gbt36001 decisions']})"),
        ("labelled covered / partial / missing",
         lambda st: f"{st['label covered']} / {st['label partial']} / {st['label missing']}"),
        ("**`covered` precision**", ratio("tool covered, label covered", "tool covered")),
        ("**`covered` recall**", ratio("label covered, tool covered", "label covered")),
        ("… GRI: precision / recall", lambda st: f"{st['gri tool covered, label covered']} of {st['gri tool covered']} / "
                                             f"{st['gri label covered, tool covered']} of {st['gri label covered']}"),
        ("… GB/T 36001: precision / recall",
         lambda st: f"{st['gbt36001 tool covered, label covered']} of {st['gbt36001 tool covered']} / "
                    f"{st['gbt36001 label covered, tool covered']} of {st['gbt36001 label covered']}"),
        ("same verdict (3 levels)", ratio("agree", "decisions")),
    ])
    if details is not None:
        print("coverage disagreements:")
        print("\n".join(details) or "  none")


def false_errors(checked, reports):
    path = os.path.join(ROOT, "tests", "cli", "corpus-errors.expected")
    with open(path, encoding="utf-8") as f:
        reviewed = set(l for l in f.read().split("\n") if l)
    per = {"whole corpus": Counter()}
    per.update({s: Counter() for s in SPLITS})
    details = []
    for rel, rep in sorted(checked.items()):
        groups = ["whole corpus"]
        owner = split_of(rel, reports)
        if owner:
            groups.append(owner[1])
        errors = [f for f in rep["findings"] if f["severity"] == "error"]
        false = [f for f in errors
                 if f"{rel}:{f['location']['line']}: {f['rule']}: {f['message']}" not in reviewed]
        for g in groups:
            per[g]["reports"] += 1
            per[g]["errors"] += len(errors)
            per[g]["false errors"] += len(false)
            per[g]["warnings"] += sum(1 for f in rep["findings"] if f["severity"] == "warning")
        for f in false:
            details.append(f"  {rel}:{f['location']['line']}: {f['rule']}: {f['message']}")
    return per, details


def warning_sample(checked, n=20, seed=9):
    """A fixed random sample of the corpus's warnings, for review by hand (the issue asks for a sample)."""
    warnings = [f"  {rel}:{f['location']['line']}: {f['rule']}: {f['message']}"
                for rel, rep in sorted(checked.items()) for f in rep["findings"] if f["severity"] == "warning"]
    return sorted(random.Random(seed).sample(warnings, min(n, len(warnings))))


def gri_agreement(args, checked, reports):
    current, legacy = eval_gri.load_catalogue()
    per = {"all": Counter()}
    per.update({s: Counter() for s in SPLITS + ("unlabelled",)})
    rows_out = []
    for rel, rep in sorted(checked.items()):
        ids, absent, nrows = eval_gri.index_rows(os.path.join(args.corpus, rel), current, legacy,
                                                 "stevewyl" in rel)
        if len(ids) < 10:  # no index (or a stray run of ids): not a content index
            continue
        status = {c["id"]: c["status"] for c in rep["coverage"].get("gri", [])}
        index_only = {c["id"] for c in rep["coverage"].get("gri", []) if c["status"] == "partial" and
                      c.get("locations") and c["locations"][0].get("quote", "").startswith(INDEX_ONLY)}
        a = sum(1 for i in ids if status.get(i) in ("covered", "partial"))
        t = sum(1 for i in ids if status.get(i) in ("covered", "partial") and i not in index_only)
        c = sum(1 for i in ids if status.get(i) == "covered")
        owner = split_of(rel, reports)
        for g in ("all", owner[1] if owner else "unlabelled"):
            per[g]["reports"] += 1
            per[g]["indexed"] += len(ids)
            per[g]["agreed"] += a
            per[g]["agreed from the text"] += t
            per[g]["covered"] += c
            per[g]["not reported"] += len(absent)
            per[g]["not reported, tool missing"] += sum(1 for i in absent if status.get(i) == "missing")
        rows_out.append(f"  {rel}: {nrows} rows, {len(ids)} disclosures, {a} covered or partial, {c} covered")
    return per, rows_out


def ratio(a, b):
    return lambda st: f"{st[a]} of {st[b]} ({pct(st[a], st[b])})"


def split_table(title, stats, rows):
    groups = [g for g in stats if g not in SPLITS]
    print(f"\n## {title}\n| | dev | test (held out) |" + "".join(f" dev: group {g} |" for g in groups)
          + "\n|---|---:|---:|" + "---:|" * len(groups))
    for label, cell in rows:
        print(f"| {label} | {cell(stats['dev'])} | {cell(stats['test'])} |"
              + "".join(f" {cell(stats[g])} |" for g in groups))


def relations_table(rel_stats, relations):
    for g in rel_stats:
        if g not in SPLITS:
            rel_stats[g]["reports"] = len({r["report"] for r in relations if r["added"] == g})
    for s in SPLITS:
        rel_stats[s]["reports"] = len({r["report"] for r in relations if r["split"] == s})
    split_table("Numeric relations", rel_stats, [
        ("reports", lambda st: st["reports"]),
        ("labelled relations (closed category set)", lambda st: f"{st['relations']} ({st['closed']})"),
        ("recognised by `extract --relations`", ratio("recognised", "relations")),
        ("not adding up as printed: flagged", ratio("contradictions flagged", "contradictions")),
        ("open sets falling short: reported as an error", ratio("open short: error", "open short")),
        ("**mutation recall**", ratio("caught", "mutated")),
        ("magnitude-slip recall (a sum's largest part x10)", ratio("slip caught", "slip mutated")),
        ("mutants with a new error elsewhere", lambda st: st["mutants with a new error elsewhere"]),
        ("labelled non-relations: flagged / recognised",
         lambda st: f"{st['negatives flagged']} / {st['negatives recognised as a relation']} of {st['negatives']}"),
    ])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "esgaudit"))
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(ROOT), "shared", "corpus"))
    ap.add_argument("--check-labels", action="store_true")
    ap.add_argument("--verbose", action="store_true", help="list every miss, false alarm and disagreement")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", nargs="+", metavar="FILE",
                    help="with --coverage-only or --relations-only: the labels on these corpus files only "
                         "(paths relative to the corpus)")
    ap.add_argument("--coverage-only", action="store_true",
                    help="only the coverage decisions, checking only the labelled reports (a quick run while "
                         "developing; the figures of docs/evaluation.md come from the full run)")
    ap.add_argument("--relations-only", action="store_true", help="measure the numeric relations only (quicker)")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"run_eval: no corpus at {args.corpus}: nothing to measure")
        return 77  # "skipped" to ctest
    corpus = Corpus(args.corpus)
    try:
        reports, relations, decisions = load_labels(corpus)
    except (LabelError, OSError, UnicodeDecodeError) as e:
        print(f"run_eval: bad label: {e}", file=sys.stderr)
        return 1
    print(f"labels: {len(relations)} relations over {len({r['report'] for r in relations})} reports, "
          f"{len(decisions)} coverage decisions over {len({d['report'] for d in decisions})} reports")
    if args.check_labels:
        return 0
    if not os.access(args.binary, os.X_OK):
        print(f"run_eval: no binary at {args.binary} (make build first)", file=sys.stderr)
        return 2

    if args.only:
        if not (args.coverage_only or args.relations_only):
            print("run_eval: --only goes with --coverage-only or --relations-only (the whole run measures the "
                  "whole corpus)", file=sys.stderr)
            return 2
        unknown = sorted(set(args.only) - {r["file"] for r in relations} - {d["file"] for d in decisions})
        if unknown:
            print(f"run_eval: no labels on {unknown[0]} (paths are relative to the corpus)", file=sys.stderr)
            return 2
        decisions = [d for d in decisions if d["file"] in args.only]
        relations = [r for r in relations if r["file"] in args.only]
    if args.coverage_only:
        try:
            checked = whole_corpus(args, sorted({d["file"] for d in decisions}))
            cov_stats, cov_details = evaluate_coverage(decisions, checked)
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
            print(f"run_eval: {e}", file=sys.stderr)
            return 3
        print_coverage(cov_stats, cov_details if args.verbose else None)
        return 0
    try:
        rel_stats, rel_details = evaluate_relations(args, corpus, relations)
        if args.relations_only:
            relations_table(rel_stats, relations)
            if args.verbose:
                print("\n## Details\nrelations:\n" + ("\n".join(rel_details) or "  none"))
            return 0
        checked = whole_corpus(args)
        cov_stats, cov_details = evaluate_coverage(decisions, checked)
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
        print(f"run_eval: {e}", file=sys.stderr)
        return 3
    fe, fe_details = false_errors(checked, reports)
    gri, gri_rows = gri_agreement(args, checked, reports)

    relations_table(rel_stats, relations)
    print_coverage(cov_stats)

    print("\n## False errors (errors not pinned as reviewed-true in tests/cli/corpus-errors.expected)")
    print("| | reports | errors | false errors | per 20 reports | warnings |\n|---|---:|---:|---:|---:|---:|")
    for g in ("whole corpus",) + SPLITS:
        st = fe[g]
        print(f"| {g} | {st['reports']} | {st['errors']} | {st['false errors']} | "
              f"{20.0 * st['false errors'] / max(1, st['reports']):.1f} | {st['warnings']} |")

    print("\n## Agreement with the companies' own GRI content indexes")
    print("| | reports with an index | indexed disclosures | covered or partial | of them from the text "
          "(not the index row alone) | covered only | marked not reported: tool missing |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for g in ("all",) + SPLITS + ("unlabelled",):
        st = gri[g]
        print(f"| {g} | {st['reports']} | {st['indexed']} | {st['agreed']} ({pct(st['agreed'], st['indexed'])}) | "
              f"{st['agreed from the text']} ({pct(st['agreed from the text'], st['indexed'])}) | "
              f"{st['covered']} ({pct(st['covered'], st['indexed'])}) | "
              f"{st['not reported, tool missing']} / {st['not reported']} |")
    if args.verbose:
        print("\n## Details\nrelations:")
        print("\n".join(rel_details) or "  none")
        print("coverage disagreements:")
        print("\n".join(cov_details) or "  none")
        print("false errors:")
        print("\n".join(fe_details) or "  none")
        print("a fixed sample of 20 warnings, for review:")
        print("\n".join(warning_sample(checked)) or "  none")
        print("reports with a GRI index:")
        print("\n".join(gri_rows) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())

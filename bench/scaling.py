#!/usr/bin/env python3
"""Time of `esgaudit check` as inputs double: a linear path doubles (ratio ~2), a quadratic one
quadruples (ratio ~4). Each series is generated into a temporary directory (nothing is written to
the repository) from the sample report and synthetic rows:

  one-line     the sample with newlines replaced by spaces, cut or repeated to 1 KB ... 4 MB
  numbers      one prose line with N figures and no cell gaps
  cell-gaps    one line with N figures separated by layout cell gaps (3+ spaces)
  html         an HTML table of N <tr> lines with no blank line
  markdown     a Markdown pipe table of N rows
  tab-table    a table laid out with tabs, N rows of a label, three counts and a year of its own
  concat       N copies of the sample concatenated (N = 6 ... 50)
  infographic  N short lines: a label line and a figure line in turn, page breaks, running headers
  toc-like     N table-of-contents-like lines in groups between sentences
  figure-lines N lines of a label cell and one figure with its unit
  chart-lines  N lines of chart text: axis values, years, units, lone figures, side text
  space-thousands  one line of N figures in millions written with space thousands ("12 345 678"),
               the first two far apart, in a document with no comma thousands

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


def tab_table(n):
    rows = "".join(f"厂区{i}\t{100 + i * 7 % 900}\t{50 + i * 3 % 400}\t{20 + i % 300}\t{1990 + i % 31}\n" for i in range(n))
    return "主要生产单位\n单位\t员工\t设备\t车辆\t投产年份\n" + rows


def concat(n):
    return sample_text() * n


LABELS = ["员工总数", "女性员工占比", "安全培训投入", "综合能耗", "温室气体排放总量", "公益捐赠", "研发投入",
          "废水排放量", "新鲜水用量", "女性管理者占比", "员工培训覆盖率", "供应商数量", "纳税总额"]
UNITS = ["人", "%", "万元", "吨标准煤", "吨二氧化碳当量", "万元", "亿元", "万吨", "立方米", "%", "%", "家", "亿元"]


def infographic(n):
    """n short lines as a PDF's infographic pages give them: a label line and a figure line in turn,
    a page break, a running header and a page number every 40 lines."""
    out = []
    for i in range(n):
        if i % 40 == 0:
            out.append(f"\f2023年度环境、社会及治理报告\n{i // 40 + 1}\n")
        k = (i // 2) % len(LABELS)
        out.append(f"{LABELS[k]}\n" if i % 2 == 0 else f"{1000 + i * 7 % 9000:,}{UNITS[k]}\n")
    return "".join(out)


def toc_like(n):
    """n table-of-contents-like lines (a title, dots or spaces, a page number), in groups of 12 with
    a sentence between them."""
    out = []
    for i in range(n):
        if i % 12 == 0:
            out.append("本公司坚持绿色发展理念，持续完善环境管理体系。\n")
        k = i % len(LABELS)
        out.append(f"{LABELS[k]}{'......' if i % 3 else '   '}{(i % 90) + 3}\n")
    return "".join(out)


def figure_lines(n):
    """n lines of one figure each, with its unit and a label cell ("综合能耗   1,234.5 吨标准煤")."""
    return "".join(f"{LABELS[i % len(LABELS)]}   {1000 + i * 37 % 90000:,}.{i % 10}{UNITS[i % len(UNITS)]}\n"
                   for i in range(n))


def chart_lines(n):
    """n lines of charts as extracted from a PDF: axis values, a line of years, a legend word, a
    lone figure with its unit and one character of vertical side text."""
    shapes = ["0", "500", "1,000", "1,500", "2021  2022  2023", "单位：万元", "{v:,}", "{v:,}吨", "{v}%", "云", "铝",
              "同比增长{p}%", "{label}"]
    out = []
    for i in range(n):
        shape = shapes[i % len(shapes)]
        out.append(shape.format(v=1000 + i * 13 % 50000, p=i % 30, label=LABELS[i % len(LABELS)]) + "\n")
        if i % 60 == 59:
            out.append("\f")
    return "".join(out)


def space_thousands(n):
    """A document that writes its thousands with spaces (three `15 000`-like numbers, no comma
    thousands), then one line: a figure in millions ("12 345 678"), prose, and n such figures joined
    by single spaces. Whether a line holds two figures in millions is a scan of the line that stops at
    the second one; with the first two far apart, asking it once per figure costs figures x length."""
    head = "员工15 000人，用水33 067吨，捐赠1 050万元。\n"
    prose = "本公司坚持绿色发展理念，持续完善环境管理体系。" * (n // 8)
    figures = " ".join(f"{10 + i % 89} {100 + i * 7 % 900} {100 + i * 13 % 900}" for i in range(n))
    return head + "能耗总量12 345 678吨，" + prose + figures + "\n"


SERIES = {
    # name: (generator, sizes, unit of size)
    "one-line": (one_line, [1 << k for k in range(10, 23)], "bytes"),
    "numbers": (numbers, [1000 << k for k in range(0, 6)], "figures"),
    "cell-gaps": (cell_gaps, [1000 << k for k in range(0, 6)], "figures"),
    "html": (html, [3000 << k for k in range(0, 5)], "rows"),
    "markdown": (markdown, [6000 << k for k in range(0, 5)], "rows"),
    # A tab table whose rows each hold counts: the header of each value cell and the groups of rows
    # the figures show were once read from every row above (10,000 rows took 45 s).
    "tab-table": (tab_table, [2500 << k for k in range(0, 5)], "rows"),
    "concat": (concat, [6, 12, 25, 50], "reports"),
    # Short infographic lines (a report of 20,000 of them was once seen taking ~30 s).
    "infographic": (infographic, [2500 << k for k in range(0, 5)], "lines"),
    "toc-like": (toc_like, [2500 << k for k in range(0, 5)], "lines"),
    "figure-lines": (figure_lines, [2500 << k for k in range(0, 5)], "lines"),
    "chart-lines": (chart_lines, [2500 << k for k in range(0, 5)], "lines"),
    "space-thousands": (space_thousands, [2000 << k for k in range(0, 5)], "figures"),
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

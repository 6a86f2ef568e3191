#!/usr/bin/env python3
"""Reproduces how the reports of the labelled set were chosen and split (run once, before labelling).

usage: bench/eval/draw.py [--corpus ../shared/corpus]

1. The 120 reports of stevewyl-csr2016-zh/more/ are sorted by name and shuffled with
   random.Random(DRAW_SEED); in that order, every report of at least 50 KB is a candidate (smaller
   ones are mostly prose with too few figures to label), up to 14 reports.
2. Three reports are added by hand: the 2024 ESG report fushine-esg-2024-zh (its four Markdown parts
   are one report), Samsung SDS 2024 (English, tables) and 环旭电子 2016 (a top-level report the tools
   were developed on, kept as a reference point).
3. The candidates are sorted, shuffled with random.Random(SPLIT_SEED), and the first third is the
   held-out split (`test`); the rest is `dev`.
Both seeds were fixed, and the split printed, before the tool's output on any of these reports was read.
4. Added later, outside the draw and always `dev`: ADDED_DEV (an English report for English coverage
   labels, chosen for its text layout before the tool's output on it was read).
The output is bench/eval/reports.tsv.
"""
import argparse
import os
import random

DRAW_SEED = 20261129
SPLIT_SEED = 9
MIN_BYTES = 50 * 1024
FROM_MORE = 14
ADDED = [
    "fushine-esg-2024-zh",
    "samsung-sds-2024-en/Samsung_SDS_Sustainability_Report_2024.md",
    "stevewyl-csr2016-zh/Shanghai City技术硬件和设备环旭电子股份有限公司.txt",
]

ADDED_DEV = [
    "reportGRI-en/astrazeneca-sustainability-2023/AstraZeneca Sustainability 2023.txt",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "..", "shared", "corpus"))
    args = ap.parse_args()
    more = os.path.join(args.corpus, "stevewyl-csr2016-zh", "more")
    names = sorted(os.listdir(more))
    random.Random(DRAW_SEED).shuffle(names)
    chosen = [f"stevewyl-csr2016-zh/more/{n}" for n in names
              if os.path.getsize(os.path.join(more, n)) >= MIN_BYTES][:FROM_MORE]
    chosen = sorted(chosen + ADDED)
    order = list(chosen)
    random.Random(SPLIT_SEED).shuffle(order)
    test = set(order[:len(order) // 3])
    print("report\tsplit")
    for r in chosen:
        print(f"{r}\t{'test' if r in test else 'dev'}")
    print("# Added after the draw (round 3), dev only: an English report, for English coverage labels.")
    for r in ADDED_DEV:
        print(f"{r}\tdev")


if __name__ == "__main__":
    main()

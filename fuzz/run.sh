#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time from a seed corpus built from samples/, tests/data/
# and rules/. Usage: fuzz/run.sh BUILD_DIR SECONDS_PER_TARGET
# Seeds and the growing corpora live in BUILD_DIR/fuzz-corpus/<target>; crashes are written to
# BUILD_DIR/fuzz-crashes/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?build dir}
seconds=${2:-60}
corpus="$build/fuzz-corpus"
crashes="$build/fuzz-crashes"
mkdir -p "$crashes"

seed() {  # seed TARGET PREFIX-BYTE FILE...: copy files (prefixed by a format byte when given)
  local target=$1 prefix=$2; shift 2
  mkdir -p "$corpus/$target"
  local i=0
  for f in "$@"; do
    [ -f "$f" ] || continue
    i=$((i + 1))
    if [ -n "$prefix" ]; then
      { printf "$prefix"; head -c 65536 "$f"; } > "$corpus/$target/seed-$i"
    else
      head -c 65536 "$f" > "$corpus/$target/seed-$i"
    fi
  done
}

# Pieces of the sample: whole pages of real text keep the runs short.
mkdir -p "$build/fuzz-seeds"
split -b 8192 -a 3 samples/yunnan-aluminium-2020-csr.txt "$build/fuzz-seeds/sample-"
seed document_fuzzer "" "$build"/fuzz-seeds/sample-* tests/data/*.pdf
seed decode_fuzzer "" "$build"/fuzz-seeds/sample-*
seed facts_fuzzer "" "$build"/fuzz-seeds/sample-*
seed kpi_fuzzer '\x00' samples/*.json          # first byte 0 = .json
seed kpi_fuzzer '\x01' tests/data/*.xml        # 1 = .xml (when there are samples)
seed kpi_fuzzer '\x03' tests/data/*.csv        # 3 = .csv
seed rule_pack_fuzzer '\x00' rules/*/*.json    # 0 = .json
seed pdf_fuzzer "" tests/data/*.pdf

status=0
for target in document_fuzzer decode_fuzzer facts_fuzzer kpi_fuzzer rule_pack_fuzzer pdf_fuzzer; do
  echo "== $target: $seconds s"
  if ! "$build/bin/$target" -max_total_time="$seconds" -max_len=65536 -timeout=25 -rss_limit_mb=2048 \
      -artifact_prefix="$crashes/$target-" -print_final_stats=1 "$corpus/$target" 2>"$build/$target.log"; then
    echo "$target: FAILED (see $build/$target.log and $crashes)"
    status=1
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE" "$build/$target.log" | tail -3 || true
done
exit $status

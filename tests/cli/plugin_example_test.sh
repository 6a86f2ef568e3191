#!/usr/bin/env bash
# The third-party path end to end: install esgaudit to a temporary prefix, build
# samples/plugin-example against the installed SDK and run its own tests (the installed binary loads
# it with --plugins-dir); check that docs/plugin-sdk.md shows the example's code as it is; and build
# plugins/cnexchange standalone against the same prefix and load it.
set -euo pipefail
build_dir=$1
source_dir=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
# The keyword cache inside the temporary prefix: the test never writes to the user's own.
export ESGAUDIT_CACHE_DIR="$prefix/cache"
cmake --install "$build_dir" --prefix "$prefix" > /dev/null

cmake -S "$source_dir/samples/plugin-example" -B "$prefix/example-build" -DCMAKE_PREFIX_PATH="$prefix" > /dev/null
cmake --build "$prefix/example-build" > /dev/null
ctest --test-dir "$prefix/example-build" --output-on-failure
"$prefix/bin/esgaudit" explain example.scope3-missing --no-default-plugins \
  --plugins-dir "$prefix/example-build" --rules-dir "$source_dir/samples/plugin-example/rules" |
  grep -q '^# example.scope3-missing'

python3 - "$source_dir" <<'PY'
import sys, pathlib
root = pathlib.Path(sys.argv[1])
doc = (root / "docs/plugin-sdk.md").read_text()
for name in ["example_plugin.cc", "CMakeLists.txt", "tests/run.cmake"]:
    code = (root / "samples/plugin-example" / name).read_text()
    if code not in doc:
        sys.exit(f"docs/plugin-sdk.md does not show samples/plugin-example/{name} as it is")
PY

cmake -S "$source_dir/plugins/cnexchange" -B "$prefix/cnexchange-build" -DCMAKE_PREFIX_PATH="$prefix" > /dev/null
cmake --build "$prefix/cnexchange-build" -j 2 > /dev/null
"$prefix/bin/esgaudit" list-plugins --no-default-plugins --plugins-dir "$prefix/cnexchange-build" | grep -q '^cnexchange '
echo "plugin example test passed"

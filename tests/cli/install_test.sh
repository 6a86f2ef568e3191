#!/usr/bin/env bash
# Installed layout: after `cmake --install`, the installed binary finds its plugins and rule packs
# with no flags, and never loads plugins from the current directory.
set -euo pipefail
build_dir=$1
source_dir=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" > /dev/null
cd "$prefix"
# A plugin in the current directory must be ignored.
cp "$build_dir/tests/fixture-plugins/abi2/esgaudit_plugin_abi2.so" .
plugins=$("$prefix/bin/esgaudit" list-plugins)
echo "$plugins"
for p in gbt36001 gri numeric; do
  grep -q "^$p " <<< "$plugins" || { echo "installed binary did not find plugin $p"; exit 1; }
done
"$prefix/bin/esgaudit" explain esgaudit.plugin-error | grep -q '^# esgaudit.plugin-error'
"$prefix/bin/esgaudit" check "$source_dir/samples/yunnan-aluminium-2020-csr.txt" --format json --fail-on never > out.json
grep -q '"schema": "esgaudit.findings/1"' out.json
echo "install test passed"

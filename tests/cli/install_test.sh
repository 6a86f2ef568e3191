#!/usr/bin/env bash
# Installed layout: after `cmake --install`, the installed binary finds its plugins and rule packs
# with no flags, and never loads plugins from the current directory.
set -euo pipefail
build_dir=$1
source_dir=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
# The keyword cache inside the temporary prefix: the test never writes to the user's own.
export ESGAUDIT_CACHE_DIR="$prefix/cache"
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
# A third party builds a plugin against the installed SDK with find_package(esgaudit) and the
# installed binary loads it from --plugins-dir.
mkdir -p third/src
cp "$source_dir/tests/fixtures/plugins/echo.cc" third/src/
cat > third/src/CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(third_party_plugin CXX)
find_package(esgaudit 0.1 REQUIRED)
add_library(esgaudit_plugin_echo MODULE echo.cc)
target_link_libraries(esgaudit_plugin_echo PRIVATE esgaudit::plugin_sdk)
set_target_properties(esgaudit_plugin_echo PROPERTIES PREFIX "")
CMAKE
cmake -S third/src -B third/build -DCMAKE_PREFIX_PATH="$prefix" > /dev/null
cmake --build third/build > /dev/null
printf 'FLAG\n' > third/r.txt
"$prefix/bin/esgaudit" check third/r.txt --no-default-plugins --plugins-dir third/build --lang en | grep -q 'flag found \[echo.flag\]'
echo "install test passed"

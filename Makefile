# Thin wrapper over CMake. `make demo` and `make test` install missing Debian packages first when
# run as root (and list them otherwise); `make build` only builds.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
SAMPLE := samples/yunnan-aluminium-2020-csr.txt
# Real reports beside the repository (never in it); only `make eval` reads them.
CORPUS ?= ../shared/corpus

# Every package the build, the tests and the benchmarks use (Debian 12).
PACKAGES := cmake g++ make pkg-config libboost-dev libboost-filesystem-dev \
  libboost-program-options-dev libspdlog-dev libicu-dev libgtest-dev libgmock-dev \
  libpoppler-cpp-dev libhyperscan-dev nlohmann-json3-dev libssl-dev poppler-utils python3 python3-jsonschema time \
  chromium fonts-wqy-zenhei python3-pil

.PHONY: all bench bench-goals bench-scaling deps build demo eval test test-asan fuzz clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "installing missing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "missing Debian packages:$$missing"; echo "install them as root: apt-get install$$missing"; exit 1; \
	fi

build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)

demo: deps build
	$(BUILD_DIR)/bin/esgaudit check $(SAMPLE) --fail-on never

test: deps build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (gcc), in its own build dir.
# Any report fails the test that triggered it (no recovery from UB). handle_segv=0: the segfaulting
# fixture plugin must die of its signal, as it does without ASan (the crash-isolation tests say so).
ASAN_DIR ?= build-asan
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
test-asan: deps
	cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_FLAGS="$(SANITIZE)" -DCMAKE_CXX_FLAGS="$(SANITIZE)" \
	  -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE)" -DCMAKE_SHARED_LINKER_FLAGS="$(SANITIZE)" \
	  -DCMAKE_MODULE_LINKER_FLAGS="$(SANITIZE)"
	cmake --build $(ASAN_DIR) -j $(JOBS)
	ASAN_OPTIONS=handle_segv=0:detect_leaks=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)

# libFuzzer targets (fuzz/) built with clang, each run FUZZ_SECONDS from a seed corpus made from
# samples/, tests/data/ and rules/. clang is needed only here, so it is installed only here.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_PACKAGES := clang libclang-rt-14-dev
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
fuzz:
	$(MAKE) deps PACKAGES="$(PACKAGES) $(FUZZ_PACKAGES)"
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DESGAUDIT_FUZZ=ON -DESGAUDIT_BUILD_TESTS=OFF \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_C_FLAGS="$(FUZZ_FLAGS)" -DCMAKE_CXX_FLAGS="$(FUZZ_FLAGS)"
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzzers
	fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# Speed and memory as ratios against grep -F and pdftotext measured in the same run.
bench: deps build
	python3 bench/run_bench.py --binary $(BUILD_DIR)/bin/esgaudit
	python3 bench/scaling.py --binary $(BUILD_DIR)/bin/esgaudit

# Only the goals of issue #11, each with PASS or MISS (docs/benchmarks.md).
bench-goals: deps build
	python3 bench/run_bench.py --binary $(BUILD_DIR)/bin/esgaudit --only goals

# Only the scaling series (time ratio per doubling of the input).
bench-scaling: deps build
	python3 bench/scaling.py --binary $(BUILD_DIR)/bin/esgaudit

# Accuracy on the labelled set of bench/eval/ (docs/evaluation.md): mutation recall, coverage precision and
# recall, false errors, agreement with the companies' GRI indexes, per split. Needs the corpus.
eval: build
	@if [ -d "$(CORPUS)" ]; then \
	  python3 bench/eval/run_eval.py --binary $(BUILD_DIR)/bin/esgaudit --corpus "$(CORPUS)"; \
	else \
	  echo "eval: skipped: no corpus at $(CORPUS) (set CORPUS=DIR; the reports are never part of the repository)"; \
	fi

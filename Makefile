# Entry points for people and CI. See README.md.
#   make demo   install what is missing, build, index the sample, serve :8080
#   make test   install what is missing, build, run every test
#   make install PREFIX=/usr/local   bin/, share/chancery/, etc/chancery/
#   make deb    the Debian package, build/chancery_VERSION_ARCH.deb
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE_DB ?= $(BUILD)/sample-index
PORT ?= 8080
PREFIX ?= /usr/local

.PHONY: all deps test-deps build demo test unit-test e2e-test format-check lint bench install deb clean

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

unit-test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

e2e-test: build
	CHANCERY_BIN_DIR=$(abspath $(BUILD))/bin tests/e2e/run.sh

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

clean:
	rm -rf $(BUILD)

# Tempfit: `make run` opens the app on the book's data, `make test` runs the
# whole suite. Both install any missing system packages first.

SHELL   := /bin/bash
GO      ?= go
FYNE    := $(GO) run fyne.io/tools/cmd/fyne@v1.7.4
BIN     := bin

.PHONY: all deps build cli run test vet fmt-check bench bench-cli pgo fuzz smoke crash screenshot package install uninstall check-install clean

all: build

deps:
	@bash scripts/deps.sh

build: deps cli
	$(GO) build -tags migrated_fynedo -o $(BIN)/tempfit ./cmd/tempfit

cli:
	CGO_ENABLED=0 $(GO) build -o $(BIN)/tempfit-cli ./cmd/tempfit-cli

run: build
	./$(BIN)/tempfit

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# A fyne thread error anywhere in the tests' output fails the suite too.
# The tests are built without the CLI's profile (see pgo), which would
# compile its packages a second time for no gain.
test: deps fmt-check vet cli
	@mkdir -p $(BIN)
	set -o pipefail; $(GO) test -race -pgo=off ./... 2>&1 | tee $(BIN)/test.log
	@if grep -n "Error in Fyne call thread" $(BIN)/test.log; then echo "fyne thread error in the tests"; exit 1; fi
	bash scripts/xvfb-smoke.sh
	bash scripts/crash-restore.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./core/... ./chart/... ./gui/...
	$(GO) test -run Measure -v -count 1 ./gui
	$(MAKE) bench-cli

# The CLI is built with profile-guided optimization from
# cmd/tempfit-cli/default.pgo, a CPU profile of its fit of a million rows;
# `make pgo` makes it again, after changes to the code it runs.
pgo:
	$(GO) test -run '^$$' -bench MillionRows -benchtime 20x -cpuprofile $(BIN)/cli.pgo -o $(BIN)/cli.test ./cmd/tempfit-cli
	mv $(BIN)/cli.pgo cmd/tempfit-cli/default.pgo
	rm -f $(BIN)/cli.test

# The whole command on 1,000,000 rows (about 20 MB): read, exact solve and
# predictions written, timed with hyperfine when it is installed; then the
# peak memory of a 200 MB file of 13,000,000 rows. The files are made once
# in $(BENCH_DIR).
BENCH_DIR ?= $(BIN)/bench
bench-cli: cli
	@mkdir -p $(BENCH_DIR)
	@test -s $(BENCH_DIR)/1m.csv || awk 'BEGIN { srand(1); print "x,y"; for (i = 0; i < 1000000; i++) printf "%.3f,%.8f\n", i / 1000, 20 + 10 * rand() + i / 1e6 }' > $(BENCH_DIR)/1m.csv
	@test -s $(BENCH_DIR)/13m.csv || awk 'BEGIN { srand(7); print "x,y"; for (i = 0; i < 13000000; i++) printf "%d,%.3f\n", i, 20 + 10 * rand() }' > $(BENCH_DIR)/13m.csv
	@if command -v hyperfine >/dev/null; then \
		peers=""; \
		if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then \
			peers="'/usr/bin/python3 scripts/peers.py pandas $(BENCH_DIR)/1m.csv $(BENCH_DIR)/pred-pandas.csv' '/usr/bin/python3 scripts/peers.py numpy $(BENCH_DIR)/1m.csv $(BENCH_DIR)/pred-numpy.csv'"; \
		fi; \
		eval hyperfine -N -w 1 -r 8 "'./$(BIN)/tempfit-cli fit --data $(BENCH_DIR)/1m.csv --optimizer exact --out $(BENCH_DIR)/pred.csv'" $$peers; \
	else \
		for i in 1 2 3 4 5; do /usr/bin/time -f '%e s' ./$(BIN)/tempfit-cli fit --data $(BENCH_DIR)/1m.csv --optimizer exact --out $(BENCH_DIR)/pred.csv >/dev/null; done; \
	fi
	/usr/bin/time -v ./$(BIN)/tempfit-cli fit --data $(BENCH_DIR)/13m.csv --optimizer exact --out $(BENCH_DIR)/pred.csv 2>&1 >/dev/null | grep -E 'Elapsed|Maximum resident'
	@ls -l $(BENCH_DIR)/13m.csv | awk '{ printf "input: %.1f MB\n", $$5 / 1e6 }'

# Each fuzz target for FUZZTIME, spending at most 10 s minimising each new
# input (the default minute stalls the slow workbook target). A failing
# input is written to the package's testdata/fuzz/<target>/ and, once
# committed, runs as a seed in every go test, as all the seeds do.
FUZZTIME ?= 1m
FUZZ_TARGETS := ./core/data:FuzzReadCSV ./core/data:FuzzReadWorkbook ./core/data:FuzzScanDate \
	./core/data:FuzzAxisParse ./core/data:FuzzNumber ./core/project:FuzzDecode
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s $$pkg; \
	done

smoke: deps
	bash scripts/xvfb-smoke.sh

# Kill the real window with SIGKILL mid-training and restore its work.
crash: deps
	bash scripts/crash-restore.sh

screenshot: deps
	bash scripts/screenshot.sh
	bash scripts/screenshots.sh

package: deps
	bash scripts/package.sh

install: deps
	bash scripts/install.sh install

uninstall:
	bash scripts/install.sh uninstall

check-install: deps
	bash scripts/check-install.sh

clean:
	rm -rf $(BIN) dist

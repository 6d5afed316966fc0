# Tempfit: `make run` opens the app on the book's data, `make test` runs the
# whole suite. Both install any missing system packages first.

SHELL   := /bin/bash
GO      ?= go
FYNE    := $(GO) run fyne.io/tools/cmd/fyne@v1.7.4
BIN     := bin

.PHONY: all deps build cli run test vet fmt-check bench smoke screenshot package install uninstall check-install clean

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
test: deps fmt-check vet cli
	@mkdir -p $(BIN)
	set -o pipefail; $(GO) test -race ./... 2>&1 | tee $(BIN)/test.log
	@if grep -n "Error in Fyne call thread" $(BIN)/test.log; then echo "fyne thread error in the tests"; exit 1; fi
	bash scripts/xvfb-smoke.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./core/... ./chart/... ./gui/...
	$(GO) test -run Measure -v -count 1 ./gui

smoke: deps
	bash scripts/xvfb-smoke.sh

screenshot: deps
	bash scripts/screenshot.sh

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

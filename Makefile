# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ADDR ?= 127.0.0.1:8000
DATA ?= data
# The engine behind serve and build: mkdocs (MkDocs 1.6.1) or properdocs (its maintained fork, same config)
ENGINE ?= mkdocs

.PHONY: bench-search validate standards-tools java reference release release-check bench bench-full lighthouse serve serve-full build test check-data check-links check-external zensical stats new markdown lint lock browser clean golden

# A copied checkout carries a .venv whose .pth file points at the original's scripts/ (it would run the
# original's code and write the original's site/): notice it and set the copy up again.
VENV_PTH := $(wildcard $(VENV)/lib/python*/site-packages/natoaz-scripts.pth)
VENV_HOME := $(patsubst %/scripts,%,$(strip $(if $(VENV_PTH),$(shell cat $(VENV_PTH)))))
ifneq ($(VENV_PTH),)
ifneq ($(VENV_HOME),$(CURDIR))
$(info .venv belongs to another checkout ($(VENV_HOME)); setting it up again for $(CURDIR))
$(shell rm -rf $(VENV))
endif
endif

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@# put scripts/ (the natoaz package) on the venv's path
	echo "$(CURDIR)/scripts" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/natoaz-scripts.pth"
	touch $@

## serve: build and serve the site at http://$(ADDR); an edit under data/ reloads the open page in ~1 s
## (--dirty: only pages whose Markdown changed are rebuilt; not strict: `make build` and `make test` are)
## EDITION=az serves the Azerbaijani edition instead, at http://$(ADDR)/az/ (one edition per server)
EDITION ?= en
SERVE_CONFIG = $(if $(filter-out en,$(EDITION)),$$($(PY) -c 'import sys; from natoaz.build import serve_settings; print(serve_settings(sys.argv[1]))' $(EDITION)),mkdocs.yml)
serve: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m $(ENGINE) serve -f $(SERVE_CONFIG) --livereload --dirty --no-strict --dev-addr $(ADDR)

## serve-full: like serve, but every edit rebuilds the whole site with the strict checks (~4 s)
serve-full: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(PY) -m $(ENGINE) serve -f $(SERVE_CONFIG) --livereload --dev-addr $(ADDR)

## build: validate the data, then build site/ atomically (a failed build leaves site/ as it was)
build: $(STAMP)
	$(PY) -m natoaz build --engine $(ENGINE)

## test: lint and the whole test suite (browser tests and standards checks of a few pages included)
test: $(STAMP) browser standards-tools
	$(PY) -m ruff check scripts tests
	$(PY) -m pytest

## check-data: validate every data file; every problem at once, file:line:col field message
## (on problems make ends quietly with a non-zero status: the report is the message, not make's "Error 1");
## translations not yet made are one warning per collection and language; VERBOSE=1 lists every record
check-data: $(STAMP)
	@$(PY) -m natoaz --data "$(DATA)" check $(if $(VERBOSE),--verbose) || kill -PIPE $$PPID

## check-links: offline check of the built site/: every internal link and #anchor resolves (after `make build`)
check-links: $(STAMP)
	$(PY) -m natoaz check-links

## check-external: are the URLs cited in data/ and docs/ alive? (network; cache .lycheecache; exit 3 = offline)
check-external: $(STAMP)
	$(PY) -m natoaz check-external

## zensical: build the Markdown twin with Zensical (0.0.73, locked) into build/zensical-site
zensical: $(STAMP)
	mkdir -p build
	$(PY) -m natoaz markdown --out build/markdown
	$(PY) -m natoaz.tools.zensical_build --markdown build/markdown --site-dir build/zensical-site

## bench: time load+validate, render, build and link check on 1x and 10x synthetic data; PASS/FAIL per target,
## figures in bench-results/ (git-ignored; each run is compared with the previous latest.json)
bench: $(STAMP)
	$(PY) -m natoaz.tools.bench --scales 1,10

## bench-full: bench plus 100x (18,500 events, 163,850 pages in two editions; 49 min on 2 quiet cores with
## ARGS="--repeat 1 --no-serve", more with the defaults; ~7.4 GB under bench-results/work/; the Python heap's
## peak is measured below 100x only)
bench-full: $(STAMP)
	$(PY) -m natoaz.tools.bench --scales 1,10,100 $(ARGS)

## bench-search: Material's search (lunr) against Pagefind at SCALES (default 1,10; 1,10,100 for all):
## index size and build time, bytes and ms until the first results in Chromium, and the query set on the real data.
## SITE=bench-results/work/x100/site measures only Pagefind on a site already built (by make bench-full)
SCALES ?= 1,10
bench-search: $(STAMP) browser
	$(PY) -m natoaz.tools.bench.search $(if $(SITE),--site $(SITE),--scales $(SCALES))

## lighthouse: Lighthouse (mobile, median of 3) on one English page of each kind, gzip on loopback (benchmark;
## ARGS="--edition az" for the Azerbaijani pages, ARGS="--reports DIR" keeps the JSON reports)
lighthouse: $(STAMP) browser
	cd tools/lighthouse && npm ci --no-audit --no-fund --silent
	$(PY) -m natoaz build
	$(PY) -m natoaz.tools.lighthouse $(ARGS)

## validate: the standards bodies' validators on every page of the built site/ (after `make build`), offline:
## W3C Nu Html Checker, Atom (RFC 4287 RELAX NG), sitemap (sitemaps.org XSD), JSON-LD (schema.org definitions)
validate: $(STAMP) standards-tools
	$(PY) -m natoaz.standards

## standards-tools: Java (Debian's default-jre-headless, when missing) and vnu.jar (npm, locked in tools/vnu)
standards-tools: java tools/vnu/node_modules/.installed

tools/vnu/node_modules/.installed: tools/vnu/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "installing Debian's npm (to fetch the locked vnu-jar)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null; }
	@# --ignore-scripts: vnu-jar's postinstall would try to download a Java; Debian's is used
	cd tools/vnu && npm ci --no-audit --no-fund --silent --ignore-scripts
	touch $@

java:
	@java -version >/dev/null 2>&1 || { \
	  echo "installing Debian's default-jre-headless (Java for the Nu Html Checker)"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }

## stats: counts per collection, sector and decade; unsourced records; disagreements
stats: $(STAMP)
	$(PY) -m natoaz stats

## new: scaffold a record, e.g. make new KIND=event TITLE="Title" DATE=2025-05-06 (asks for what is missing;
## a source needs PUBLISHER="NATO", a quote SPEAKER=person-id); every choice left is a TODO the check refuses
new: $(STAMP)
	@$(PY) -m natoaz --data "$(DATA)" new "$(KIND)" "$(TITLE)" --date "$(DATE)" --publisher "$(PUBLISHER)" --speaker "$(SPEAKER)" \
	  || kill -PIPE $$PPID

## release-check: which release bump (major, minor, patch) the changes since the last release call for
release-check: $(STAMP)
	$(PY) -m natoaz release

## release: cut the due release: data/releases/<version>.json, the number in data/release.yaml, CITATION.cff
release: $(STAMP)
	$(PY) -m natoaz release --cut

## markdown: the command-line twin of the hook: docs/ + generated pages into build/markdown
markdown: $(STAMP)
	$(PY) -m natoaz markdown --out build/markdown

## reference: rewrite the committed field reference docs/editing/reference.md from schemas/ (after a schema change)
reference: $(STAMP)
	$(PY) -m natoaz reference

lint: $(STAMP)
	$(PY) -m ruff check scripts tests

## lock: recompile requirements.lock (exact pins, hashes) from requirements.in
lock:
	uv pip compile requirements.in --generate-hashes --python-version 3.11.7 -o requirements.lock

## browser: Debian's chromium for the browser tests (installed with apt when missing)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf site build .pytest_cache bench-results/work

## golden: rewrite tests/golden/ after an intended change to the generated Markdown
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_golden.py

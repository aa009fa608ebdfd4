# Set-up for a fresh machine: `make demo` builds every spec in agreements/, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPECS := $(wildcard agreements/*.yaml)

.PHONY: demo test lint install install-test system-packages clean

$(BIN)/drafter: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(BIN)/drafter

$(VENV)/.test-deps: $(BIN)/drafter
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install-test: $(VENV)/.test-deps

demo: install
	$(BIN)/drafter build $(SPECS)

# LibreOffice, pandoc, qpdf, poppler (pdftoppm): the real clients the tests open our files with;
# hunspell with Debian's Swedish dictionary (hunspell-sv): the spelling check (docs/klarsprak.md).
# chromium and chromedriver: the real browser the web tests (tests/web) drive with Selenium.
system-packages:
	@if command -v soffice >/dev/null && command -v pdftoppm >/dev/null && command -v qpdf >/dev/null \
		&& command -v pandoc >/dev/null && [ -f /usr/share/hunspell/sv_SE.dic ] \
		&& command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-writer-nogui fonts-liberation2 poppler-utils qpdf pandoc hunspell hunspell-sv \
			chromium chromium-driver >/dev/null; \
	elif [ "$$CI" = true ]; then echo "chromium/chromedriver, LibreOffice, pandoc, poppler-utils, qpdf eller hunspell-sv saknas (CI)."; exit 1; \
	else echo "LibreOffice, pandoc, poppler-utils, qpdf, hunspell-sv eller chromium saknas; de tester som behöver dem hoppas över."; fi

# ruff (lint) over the package and the tests, mypy (types, [tool.mypy] in pyproject.toml) over the
# package; run by `make test`, so CI fails on a lint or a type error.
lint: install-test
	$(BIN)/ruff check drafter tests bench
	$(BIN)/mypy

test: install-test system-packages lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) output/*/

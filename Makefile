# Two commands matter: `make demo` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# uv installs exactly the versions in uv.lock; uv itself is pinned and installed from PyPI
# into .tools/ by the Python found on the machine.
UV_VERSION := 0.13.9
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

# Debian packages some tests drive: LibreOffice renders .docx outputs to PDF, Chromium
# loads the HTML report, poppler turns PDFs into pictures. Installed when missing and we
# may (root with apt-get); otherwise those tests say why they skip.
SYSTEM_PACKAGES := libreoffice-writer fonts-noto-cjk poppler-utils chromium

.PHONY: demo test lint typecheck docs bench clean system-deps lock messages

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --all-extras --python $(PYTHON) --quiet
	touch $(STAMP)

# Refresh uv.lock after changing dependencies in pyproject.toml.
lock: $(UV)
	$(UV) lock --python $(PYTHON)

# People-facing text: extract the Chinese messages marked with _() / ngettext() / N_()
# into the template, merge it into the English catalog, compile the catalog. Then
# translate the new (empty) entries in $(LOCALE)/en/LC_MESSAGES/dutylist.po and run it again.
LOCALE := src/dutylist/locale
messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ --no-location --sort-output --omit-header \
	    -o $(LOCALE)/dutylist.pot src/dutylist
	$(BIN)/pybabel -q update -i $(LOCALE)/dutylist.pot -d $(LOCALE) -D dutylist -l en \
	    --no-fuzzy-matching --ignore-obsolete
	# A fixed date keeps the catalog (and the compiled .mo) the same from run to run.
	sed -i.bak 's/^"POT-Creation-Date: .*/"POT-Creation-Date: 2026-01-01 00:00+0000\\n"/' \
	    $(LOCALE)/en/LC_MESSAGES/dutylist.po
	rm -f $(LOCALE)/en/LC_MESSAGES/dutylist.po.bak
	$(BIN)/pybabel compile -d $(LOCALE) -D dutylist -l en --statistics

demo: $(STAMP)
	$(BIN)/python examples/demo.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

system-deps:
	@if command -v soffice >/dev/null && command -v chromium >/dev/null \
	    && command -v pdftoppm >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $(SYSTEM_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	        --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "note: LibreOffice or Chromium missing: the tests that need them will skip"; fi

test: lint typecheck docs system-deps
	$(BIN)/pytest -n 2

docs: $(STAMP)
	rm -rf docs/_build
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_docx.py
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_diff.py
	$(BIN)/python benchmarks/bench_cli.py
	$(BIN)/python benchmarks/report.py

clean:
	rm -rf $(VENV) .tools docs/_build out .pytest_cache .mypy_cache .ruff_cache

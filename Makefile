# Prongsai: every command a staff member or developer needs.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
CONTENT ?= content
SITE_DIR ?= site

.PHONY: site test serve clean validate lint schema

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "ต้องมี Python 3.11 / Python 3.11 is required ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

site: $(VENV)/.installed
	$(PY) -m generator build --content $(CONTENT) --site-dir $(SITE_DIR)

validate: $(VENV)/.installed
	$(PY) -m generator validate --content $(CONTENT)

serve: $(VENV)/.installed
	$(PY) -m generator serve --content $(CONTENT) $(SERVE_ARGS)

schema: $(VENV)/.installed
	$(PY) -m generator schema --out schema

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check generator tests tools

test: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check generator tests tools
	$(PY) -m pytest

clean:
	rm -rf $(SITE_DIR) build .site.build .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +

.PHONY: check
check: $(VENV)/.installed
	$(PY) -m generator check --content $(CONTENT)

# Search benchmark: recall of Thai words through the site's search box in
# Chromium, pages wrongly listed, and search index bytes per page.
.PHONY: search-bench
search-bench: $(VENV)/.dev-installed site
	$(PY) -m generator.search_bench --site $(SITE_DIR) --compare

# Speed and scale figures (a script, not a test): medians of BENCH_RUNS runs.
BENCH_RUNS ?= 5
BENCH_ORGS ?= 10,100,1000
.PHONY: bench bench-orgs
bench: $(VENV)/.installed
	$(PY) tools/bench.py --runs $(BENCH_RUNS)
bench-orgs: $(VENV)/.installed
	$(PY) tools/bench.py --skip-site --orgs $(BENCH_ORGS)

# What a first visit and a search cost with two and with ten fiscal years of history.
.PHONY: bench-history
bench-history: $(VENV)/.dev-installed
	$(PY) tools/bench_history.py

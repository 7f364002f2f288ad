# Prongsai: every command a staff member or developer needs.
# PYTHON: empty picks the first of python3.13, python3.12, python3.11, python3 that is 3.11-3.13.
PYTHON ?=
VENV ?= .venv
PY := $(VENV)/bin/python
CONTENT ?= content
SITE_DIR ?= site

.PHONY: site test serve clean validate lint schema

$(VENV)/.installed: requirements.txt
	@sh tools/make_venv.sh $(VENV) $(PYTHON)
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

# PYTEST_ARGS: e.g. -m "not browser" for the tests that need no browser.
test: $(VENV)/.dev-installed
	@sh tools/ensure_chromium.sh $(PY)
	$(VENV)/bin/ruff check generator tests tools
	$(PY) -m pytest $(PYTEST_ARGS)

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
	$(PY) tools/search_bench.py --site $(SITE_DIR) --compare

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

# Send the built site to the hosting named in publish.yml (SFTP, FTPS or FTP); only changed files.
.PHONY: publish
publish: site
	$(PY) -m generator publish --site-dir $(SITE_DIR) --content $(CONTENT) $(PUBLISH_ARGS)

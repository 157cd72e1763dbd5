# One entry point for people and CI. Everything installs from nothing.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime
CHROMIUM ?= /usr/bin/chromium
# Chromium's headless shell, the browser of the Playwright page tests (tests/support/paths.py says why).
HEADLESS_SHELL ?= /usr/bin/chromium-headless-shell
# Test processes side by side (pytest-xdist): one per core. With Chromium's headless shell the page tests keep the
# cores busy themselves, and more processes only make them wait on each other (BENCHMARKS.md: 164 s with 2 processes,
# 170 s with 3, 189 s with 4 on 2 cores). `make test JOBS=0` runs everything in one process.
JOBS ?= $(shell nproc)
# The engine that builds the site: mkdocs, or properdocs (the maintained MkDocs 1.x, same output byte for byte; README
# "Đổi công cụ dựng trang"). `make build ENGINE=properdocs`, or set ENGINE in the environment (CI).
ENGINE ?= mkdocs

.PHONY: help install install-runtime serve build check test test-data lint format bench browsers fonts office node clean \
	schemas issue-form screenshots site-files gnu-time import repo-files suggestions

help:
	@echo "make serve   - cài đặt và chạy thử tại http://127.0.0.1:8000"
	@echo "make check   - kiểm tra dữ liệu trong data/"
	@echo "make build   - kiểm tra dữ liệu rồi dựng trang vào site/"
	@echo "make test    - kiểm tra dữ liệu, kiểm thử, dựng trang, kiểm thử trình duyệt"
	@echo "make test-data - kiểm thử nhanh cho thay đổi chỉ ở data/"
	@echo "make bench   - đo tốc độ dựng trang (ghi vào BENCHMARKS.md)"
	@echo "make import PLAN=<tệp .docx hoặc .txt> [XA=…] [TINH=…] [GIAI_DOAN=…] [FORCE=1] - nhập Kế hoạch của một xã"
	@echo "make suggestions - xem các chỉ tiêu đề xuất bên cạnh đoạn văn của chúng"
	@echo "make site-files DIR=<thư mục> - ghi mọi trang đã sinh sẵn để công cụ khác dựng"

# What `mkdocs build` needs (requirements.txt): enough for make check and make build, e.g. in CI's data job.
$(RUNTIME): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(RUNTIME)

# Everything, with the test and maintenance tools (requirements-dev.txt).
$(STAMP): $(RUNTIME) requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install-runtime: $(RUNTIME)
install: $(STAMP)

# Debian's Chromium (Lighthouse) and its headless shell (the Playwright page tests); browsers cannot be downloaded by
# Playwright here.
browsers:
	@test -x $(CHROMIUM) -a -x $(HEADLESS_SHELL) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell; fi; }

# DejaVu Sans for the link-preview images (every Vietnamese letter); the build draws them offline.
FONT ?= /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
fonts:
	@test -f $(FONT) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core; fi; }

# LibreOffice Calc: the second spreadsheet writer in the workbook tests, and the renderer of the guide's screenshot.
SOFFICE ?= /usr/bin/soffice
office:
	@test -x $(SOFFICE) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui; fi; }

# axe-core and Lighthouse for the accessibility and speed checks (npm, pinned in package-lock.json).
node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

check: $(RUNTIME)
	$(PY) scripts/check.py

schemas: $(STAMP)
	$(PY) scripts/schemas.py --write

# The guide's screenshot of the report template, from a real build rendered by LibreOffice (docs/assets/huong-dan/).
screenshots: $(STAMP) browsers office
	CHROMIUM=$(CHROMIUM) $(PY) scripts/guide_screenshots.py

# The web form's drop-down lists come from data/: regenerate after adding a target or an agency.
issue-form: $(STAMP)
	$(PY) scripts/issue_form.py --write

# A commune's plan (.docx or UTF-8 text) -> a whole data/ for that commune, then the files generated from data/.
import: $(STAMP)
	@test -n "$(PLAN)" || { echo 'Cần chỉ ra tệp Kế hoạch: make import PLAN=<tệp .docx hoặc .txt>'; exit 1; }
	$(PY) scripts/import_plan.py "$(PLAN)" $(if $(XA),--xa "$(XA)") $(if $(TINH),--tinh "$(TINH)") \
	  $(if $(GIAI_DOAN),--giai-doan "$(GIAI_DOAN)") $(if $(FORCE),--force)
	$(PY) scripts/issue_form.py --write
	$(PY) scripts/repo_files.py --write

# README's first screen and CODEOWNERS's team names, from data/ (make import runs it).
repo-files: $(STAMP)
	$(PY) scripts/repo_files.py --write

# The suggested targets beside their paragraphs, for staff (a local page; never part of the site).
suggestions: $(STAMP)
	$(PY) scripts/suggestions.py

serve: $(STAMP) fonts
	$(PY) -m $(ENGINE) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

build: check fonts
	$(PY) -m $(ENGINE) build --strict -f mkdocs.yml

# Every page and file already made, for any MkDocs-like engine: DIR/docs/, DIR/overrides/, DIR/mkdocs.yml (no hooks).
site-files: $(STAMP) fonts
	@test -n "$(DIR)" || { echo "Cần thư mục: make site-files DIR=<thư mục>"; exit 2; }
	$(PY) scripts/site_files.py "$(DIR)"

lint: $(STAMP)
	$(VENV)/bin/ruff check macros scripts tests
	$(VENV)/bin/ruff format --check macros scripts tests

format: $(STAMP)
	$(VENV)/bin/ruff format macros scripts tests
	$(VENV)/bin/ruff check --fix macros scripts tests

# First the tests marked `alone` (Lighthouse: its scores depend on how busy the CPU is), with nothing else beside them;
# then every other test, in $(JOBS) processes. Both always run; either failing fails make test.
test: check lint browsers fonts office node
	CHROMIUM=$(CHROMIUM) $(PY) -m pytest -q -m alone; alone=$$?; \
	HEADLESS_SHELL=$(HEADLESS_SHELL) $(PY) -m pytest -q -n $(JOBS) --dist loadgroup -m "not alone"; rest=$$?; \
	test $$alone -eq 0 -a $$rest -eq 0

# The tests that look at the real data without a browser (marker data_change, tests/conftest.py): with make check and
# make build, what a change to data/ alone needs before it is merged.
test-data: $(STAMP) fonts
	$(PY) -m pytest -q -m data_change

# GNU time: the benchmark's account of each build's CPU time and peak memory.
GNU_TIME ?= /usr/bin/time
gnu-time:
	@test -x $(GNU_TIME) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; fi; }

bench: $(STAMP) fonts browsers gnu-time
	CHROMIUM=$(CHROMIUM) $(PY) scripts/bench.py
	$(PY) scripts/bench_previews.py

clean:
	rm -rf site .pytest_cache .bench .cache

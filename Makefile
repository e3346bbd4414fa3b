# OpsDesk: `make run` starts the app on a copy of the sample plan; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
RUN_DB := run/opsdesk.db
TS := resources/i18n/opsdesk_zh_CN.ts resources/i18n/opsdesk_en.ts
SOURCES := $(shell find opsdesk -name '*.py' | sort)

.PHONY: run reset test test-slow test-pg bench lint i18n sample shots dist dist-test clean help

help:
	@echo "make run    - set up .venv and start OpsDesk on a copy of the sample plan"
	@echo "make reset  - a fresh copy of the sample in run/opsdesk.db (keeps .venv)"
	@echo "make test   - set up .venv and run every test headless"
	@echo "make bench  - run the benchmarks, write benchmarks/results.json"
	@echo "make lint   - ruff, the import-layer contracts and the type checker (mypy)"
	@echo "make i18n   - update and compile the translations"
	@echo "make sample - rebuild opsdesk.db.sample (reproducible)"
	@echo "make shots  - render the README screenshots"
	@echo "make dist   - build the desktop app with PyInstaller into dist/OpsDesk/ (packaging/)"
	@echo "make dist-test - run dist/OpsDesk/opsdesk headless and compare it with the .venv"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	@mkdir -p run
	@if [ ! -f $(RUN_DB) ]; then cp opsdesk.db.sample $(RUN_DB); echo "copied the sample plan to $(RUN_DB)"; fi
	$(PY) main.py --db $(RUN_DB)

# A fresh copy of the sample plan for `make run` (what was changed in the copy is gone);
# .venv stays (`make clean` removes it too).
reset:
	@mkdir -p run
	rm -f $(RUN_DB) $(RUN_DB)-wal $(RUN_DB)-shm $(RUN_DB)-journal
	cp opsdesk.db.sample $(RUN_DB)
	@echo "run/opsdesk.db is a fresh copy of the sample plan"

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow and not postgres" -q -n 2  # (both cores: pytest-xdist)

# The long fault tests: 60 SIGKILLs at random points, 4 writers × 1,000 edits (CI runs them).
test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "slow and not postgres" -q

# The services and storage tests again on PostgreSQL; needs OPSDESK_TEST_PG_URL (.ci/run sets it).
test-pg: $(STAMP)
	@test -n "$$OPSDESK_TEST_PG_URL" || { echo "set OPSDESK_TEST_PG_URL=postgresql+psycopg://user@host:port/db"; exit 1; }
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "postgres and not slow" -q

# With PostgreSQL installed (Debian's postgresql), a throwaway server for the PostgreSQL
# figures; without it those figures are written as null.
bench: $(STAMP)
	bash -c 'if [ -z "$$OPSDESK_TEST_PG_URL" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then \
	  source .ci/postgres.sh && pg_start >/dev/null; fi; \
	  QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks'

lint: $(STAMP)
	$(VENV)/bin/ruff check opsdesk tests benchmarks
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

i18n: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(SOURCES) -ts resources/i18n/opsdesk_zh_CN.ts
	$(VENV)/bin/pyside6-lupdate -pluralonly $(SOURCES) -ts resources/i18n/opsdesk_en.ts
	$(VENV)/bin/pyside6-lrelease $(TS)

sample: $(STAMP)
	$(PY) -m opsdesk sample --out opsdesk.db.sample

shots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view overview --lang zh_CN --today 2026-11-20 --out resources/screenshots/overview_zh.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view overview --lang en --today 2026-11-20 --out resources/screenshots/overview_en.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view tasks --lang zh_CN --today 2026-11-20 --out resources/screenshots/tasks_zh.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view tasks --lang en --today 2026-11-20 --out resources/screenshots/tasks_en.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view timeline --lang zh_CN --today 2026-11-20 --out resources/screenshots/timeline_zh.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view timeline --lang en --today 2026-11-20 --out resources/screenshots/timeline_en.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view mywork --user kefu1 --lang zh_CN --today 2026-11-20 --out resources/screenshots/mywork_zh.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view mywork --user kefu1 --lang en --today 2026-11-20 --out resources/screenshots/mywork_en.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view team --lang zh_CN --today 2026-11-20 --out resources/screenshots/team_zh.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view team --lang en --today 2026-11-20 --out resources/screenshots/team_en.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view activity --lang zh_CN --today 2026-11-20 --out resources/screenshots/activity_zh.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view activity --lang en --today 2026-11-20 --out resources/screenshots/activity_en.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view people --lang en --today 2026-11-20 --out resources/screenshots/people_en.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view kpis --lang zh_CN --today 2026-11-20 --size 1400x900 --out resources/screenshots/kpis_zh.png
	QT_QPA_PLATFORM=offscreen $(PY) -m opsdesk --db opsdesk.db.sample shot --view kpis --lang en --today 2026-11-20 --size 1400x900 --out resources/screenshots/kpis_en.png

# The frozen desktop app (issue #18): one folder, dist/OpsDesk/, from packaging/opsdesk.spec.
dist: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/opsdesk.spec
	@du -sh dist/OpsDesk

dist-test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/dist_test.py

clean:
	rm -rf $(VENV) run .pytest_cache

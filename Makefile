# dda_nb: the two commands a user needs (`make reproduce`, `make test`) and the checks CI runs.
# Each creates .venv when it is missing and installs the project with its dev extras.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
export PATH := $(BIN):$(PATH)
export MPLBACKEND := Agg
STAMP := $(VENV)/.installed
PROFILE ?= quick
ARGS ?=
# runs at once: two single-threaded runs use a 2-core CPU best (quick profile); one GPU takes one run at a time
JOBS ?= $(if $(filter quick,$(PROFILE)),2,1)

.PHONY: test reproduce install export clean-nbs check-export check-clean check-readme readme bench

$(STAMP): settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

install: $(STAMP)

## make test: the library exports unchanged, notebooks are clean, README is in sync, all notebook tests pass
# two notebooks at a time, one thread each (two torch threads per notebook thrash a 2-core machine)
test: $(STAMP) check-export check-clean check-readme
	@set -o pipefail; OMP_NUM_THREADS=1 nbdev_test --n_workers 2 --timing --do_print 2>&1 | tee .nbdev_test.log; \
	status=$$?; done=$$(grep -c '^- Completed' .nbdev_test.log); failed=$$(grep -cP '^\t\S+\.ipynb$$' .nbdev_test.log); \
	echo "notebooks: $$((done - failed)) passed, $$failed failed"; rm -f .nbdev_test.log; exit $$status

## make reproduce: run the experiment grid (quick profile on synthetic data by default) and render every table
reproduce: $(STAMP)
	dda-reproduce --profile $(PROFILE) --jobs $(JOBS) $(ARGS)

# dda_nb/ is generated: exporting the notebooks must leave it byte-identical
check-export:
	@before=$$(find dda_nb -name '*.py' -print0 | sort -z | xargs -0 sha1sum | sha1sum); \
	nbdev_export; \
	after=$$(find dda_nb -name '*.py' -print0 | sort -z | xargs -0 sha1sum | sha1sum); \
	if [ "$$before" != "$$after" ]; then echo "dda_nb/ was out of date with nbs/: it is exported now, commit it"; exit 1; fi; \
	echo "export check: dda_nb/ matches nbs/"

# notebooks are committed clean (no outputs, no stray metadata)
check-clean:
	@before=$$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum); \
	nbdev_clean; \
	after=$$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' -print0 | sort -z | xargs -0 sha1sum | sha1sum); \
	if [ "$$before" != "$$after" ]; then echo "notebooks were not clean: nbdev_clean has cleaned them, commit them"; exit 1; fi; \
	echo "clean check: notebooks are clean"

# README.md is rendered from nbs/index.ipynb with nbconvert (nbdev_readme needs Quarto, not available here)
RENDER_README = jupyter nbconvert --to markdown --stdout --log-level=ERROR nbs/index.ipynb
readme: $(STAMP)
	$(RENDER_README) > README.md

check-readme:
	@rendered=$$(mktemp) && trap 'rm -f "$$rendered"' EXIT && $(RENDER_README) > "$$rendered" && \
	if ! cmp -s "$$rendered" README.md; then diff "$$rendered" README.md | head -20; \
	echo "README.md is out of sync with nbs/index.ipynb: run 'make readme'"; exit 1; fi; echo "readme check: README.md matches nbs/index.ipynb"

export: $(STAMP)
	nbdev_export

clean-nbs: $(STAMP)
	nbdev_clean

bench: $(STAMP)
	dda-bench $(ARGS)
